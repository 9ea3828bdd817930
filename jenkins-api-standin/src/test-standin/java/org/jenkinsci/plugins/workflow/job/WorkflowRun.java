package org.jenkinsci.plugins.workflow.job;

import hudson.model.Queue;
import hudson.model.Run;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/** Stand-in of workflow-job's {@code WorkflowRun}: a Pipeline build. */
public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements Queue.Executable {
    private WorkflowRun() throws IOException {
        super(null);
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public HttpResponse doStop() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public boolean isLogUpdated() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
