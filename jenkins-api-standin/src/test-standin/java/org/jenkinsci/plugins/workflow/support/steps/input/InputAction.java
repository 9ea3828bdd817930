package org.jenkinsci.plugins.workflow.support.steps.input;

import hudson.model.Action;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** Stand-in of pipeline-input-step's {@code InputAction}: the pending inputs of a run. */
public class InputAction implements Action {
    private InputAction() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public synchronized List<InputStepExecution> getExecutions() throws InterruptedException, TimeoutException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public synchronized InputStepExecution getExecution(String id) throws InterruptedException, TimeoutException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
