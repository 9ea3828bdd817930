package io.jenkins.plugins.upstreampr.jenkins;

import hudson.util.FormValidation;
import io.jenkins.plugins.upstreampr.jenkins.params.GateArguments;
import io.jenkins.plugins.upstreampr.jenkins.params.TimingArguments;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The descriptor of a {@link GateStep}: checks the Snippet Generator fields the preflight and create steps share,
 * each with the same rule the step applies when it starts ({@link GateArguments}, {@link TimingArguments}).
 */
public abstract class GateStepDescriptor extends GitHubStepDescriptor {

    @POST
    public FormValidation doCheckUpstream(@QueryParameter String value) {
        return check(() -> GateArguments.upstream(getFunctionName(), value));
    }

    @POST
    public FormValidation doCheckHead(@QueryParameter String value) {
        return check(() -> GateArguments.head(getFunctionName(), value));
    }

    @POST
    public FormValidation doCheckStaging(@QueryParameter String value) {
        return check(() -> GateArguments.staging(getFunctionName(), value));
    }

    @POST
    public FormValidation doCheckFreezes(@QueryParameter String value) {
        return check(() -> new TimingArguments(value, "", "", 0).toPolicy(getFunctionName()));
    }

    @POST
    public FormValidation doCheckFreezeFile(@QueryParameter String value) {
        return check(() -> new TimingArguments("", value, "", 0).toPolicy(getFunctionName()));
    }

    @POST
    public FormValidation doCheckFreezeLabel(@QueryParameter String value) {
        return check(() -> new TimingArguments("", "", value, 0).toPolicy(getFunctionName()));
    }
}
