package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Descriptor;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

/** Stand-in of workflow-cps' {@code CpsFlowDefinition}: an inline Pipeline script. */
public class CpsFlowDefinition extends FlowDefinition {
    public CpsFlowDefinition(String script, boolean sandbox) throws Descriptor.FormException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
