package io.jenkins.plugins.upstreampr.jenkins.params;

import io.jenkins.plugins.upstreampr.followup.WatchPolicy;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RequiredChecks;
import io.jenkins.plugins.upstreampr.github.StagingPolicy;
import java.time.Duration;

/**
 * The arguments of {@code waitForUpstreamPullRequest}, checked: the upstream pull request, the optional staging pull
 * request whose CI must pass on the same head with the {@link StagingPolicy} that judges it (as for the gate's
 * preflight), and the engine's {@link WatchPolicy} (what ends the wait, its time limit, and the engine's default
 * polling back-off: 30 s after a change, doubling up to 10 min while nothing changes).
 *
 * @param upstream the upstream pull request followed
 * @param staging the staging pull request in the fork, or null
 * @param stagingPolicy which staging checks decide, and whether a commit without checks passes
 * @param policy what ends the wait and when it gives up
 */
public record UpstreamWait(PullRequestRef upstream, PullRequestRef staging, StagingPolicy stagingPolicy,
        WatchPolicy policy) {

    /** {@code timeoutMinutes} when not given: a week. */
    public static final int DEFAULT_TIMEOUT_MINUTES = 7 * 24 * 60;
    /** Longest wait accepted: 90 days. */
    public static final int MAX_TIMEOUT_MINUTES = 90 * 24 * 60;
    /** {@code until} when not given. */
    public static final String DEFAULT_UNTIL = "merged";

    /**
     * Checks the step's arguments as typed in a Jenkinsfile.
     *
     * @param upstream {@code OWNER/REPO#N}, required
     * @param staging {@code OWNER/REPO#N}, or null/blank for none
     * @param until {@code merged}, {@code closed} or {@code review}; null/blank for {@code merged}
     * @param timeoutMinutes 1 to {@link #MAX_TIMEOUT_MINUTES}
     * @throws IllegalArgumentException naming the argument, what was given and what is accepted
     */
    public static UpstreamWait of(String upstream, String staging, String until, int timeoutMinutes) {
        if (upstream == null || upstream.isBlank()) {
            throw new IllegalArgumentException("upstream is required: the upstream pull request as OWNER/REPO#NUMBER, "
                    + "e.g. upstream-org/kvstore#1347 (the number createUpstreamPullRequest returned)");
        }
        PullRequestRef upstreamRef = pullRequest("upstream", upstream);
        PullRequestRef stagingRef = staging == null || staging.isBlank() ? null : pullRequest("staging", staging);
        if (timeoutMinutes < 1 || timeoutMinutes > MAX_TIMEOUT_MINUTES) {
            throw new IllegalArgumentException("timeoutMinutes is " + timeoutMinutes + ": use 1 up to "
                    + MAX_TIMEOUT_MINUTES + " (90 days); the default is " + DEFAULT_TIMEOUT_MINUTES + " (a week)");
        }
        return new UpstreamWait(upstreamRef, stagingRef, StagingPolicy.defaults(),
                WatchPolicy.defaults(until(until)).withTimeout(Duration.ofMinutes(timeoutMinutes)));
    }

    /**
     * This wait, judging the staging CI by {@code requiredChecks} (names or globs separated by commas or new lines;
     * blank: every check decides) and {@code allowNoChecks}, as the preflight does.
     */
    public UpstreamWait withStagingChecks(String requiredChecks, boolean allowNoChecks) {
        return new UpstreamWait(upstream, staging,
                new StagingPolicy(new RequiredChecks(StepArguments.list(requiredChecks)), allowNoChecks), policy);
    }

    /**
     * What ends the wait.
     *
     * @throws IllegalArgumentException naming the argument and the choices
     */
    public static WatchPolicy.Until until(String text) {
        if (text == null || text.isBlank()) {
            return WatchPolicy.Until.MERGED;
        }
        try {
            return WatchPolicy.Until.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("until is '" + text + "': use merged (the default), closed (merged or "
                    + "closed without merge) or review (the next review submitted)");
        }
    }

    private static PullRequestRef pullRequest(String argument, String text) {
        try {
            return PullRequestRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(argument + ": " + e.getMessage());
        }
    }
}
