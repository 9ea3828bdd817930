package io.jenkins.plugins.upstreampr.jenkins;

import hudson.util.ListBoxModel;
import org.kohsuke.stapler.verb.POST;

/**
 * The descriptor of a {@link GateAnswerStep}: the choices of the answer's {@code decision}; the rest is
 * {@link GateStepDescriptor}'s. Public for Stapler, as {@link GitHubStepDescriptor} says.
 */
public abstract class GateAnswerStepDescriptor extends GateStepDescriptor {

    @POST
    public ListBoxModel doFillDecisionItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("approve");
        items.add("defer");
        items.add("reject");
        return items;
    }
}
