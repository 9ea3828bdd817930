package io.jenkins.plugins.upstreampr.jenkins;

import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that judges the CI of a staging pull request, with the two parameters of the engine's staging policy:
 * {@code requiredChecks} (the checks that decide) and {@code allowNoChecks} (whether a commit without checks passes).
 * The gate steps ({@link GateStep}) and {@code waitForUpstreamPullRequest} take them alike, so that the wait can judge
 * the staging CI as the gate did.
 */
abstract class StagingChecksStep extends GitHubStep {

    private static final long serialVersionUID = 1L;

    private String requiredChecks = "";
    private boolean allowNoChecks;

    public String getRequiredChecks() {
        return requiredChecks;
    }

    /** Names or globs of the checks that decide, separated by commas or new lines; empty: all checks decide. */
    @DataBoundSetter
    public void setRequiredChecks(String requiredChecks) {
        this.requiredChecks = trim(requiredChecks);
    }

    public boolean isAllowNoChecks() {
        return allowNoChecks;
    }

    /** Whether a staging commit without any check counts as passing. */
    @DataBoundSetter
    public void setAllowNoChecks(boolean allowNoChecks) {
        this.allowNoChecks = allowNoChecks;
    }
}
