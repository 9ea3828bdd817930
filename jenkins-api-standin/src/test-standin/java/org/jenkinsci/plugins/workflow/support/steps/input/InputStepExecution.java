package org.jenkinsci.plugins.workflow.support.steps.input;

/** Stand-in of pipeline-input-step's {@code InputStepExecution}: one pending input. */
public class InputStepExecution {
    private InputStepExecution() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public InputStep getInput() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isSettled() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
