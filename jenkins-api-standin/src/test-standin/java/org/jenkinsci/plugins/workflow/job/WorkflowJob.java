package org.jenkinsci.plugins.workflow.job;

import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.TopLevelItem;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

/** Stand-in of workflow-job's {@code WorkflowJob}: a Pipeline job, as the tests make and run it. */
public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun>
        implements ParameterizedJobMixIn.ParameterizedJob<WorkflowJob, WorkflowRun>, TopLevelItem, Queue.Task {
    private WorkflowJob() {
        super(null, null);
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
