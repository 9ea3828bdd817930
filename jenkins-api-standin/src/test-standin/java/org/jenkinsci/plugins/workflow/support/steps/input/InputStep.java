package org.jenkinsci.plugins.workflow.support.steps.input;

/** Stand-in of pipeline-input-step's {@code InputStep}: the arguments of an input. */
public class InputStep {
    private InputStep() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getMessage() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
