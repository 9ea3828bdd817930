package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Describable;

public abstract class Step implements Describable<Step> {
    public abstract StepExecution start(StepContext context) throws Exception;
}
