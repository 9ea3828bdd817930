package io.jenkins.plugins.upstreampr.cli;

import io.jenkins.plugins.upstreampr.github.PreflightRequest;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.StagingPolicy;
import io.jenkins.plugins.upstreampr.github.TimingPolicy;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code preflight} and {@code gate} share (mix in with {@code @Mixin PreflightOptions preflight;}): the
 * staging pull request and the upstream repository and base, which checks decide and how long to wait while they
 * are pending, the timing guard, and whether to look for an open upstream pull request. The gate begins with the
 * preflight, so it takes the preflight's options, said once here.
 */
final class PreflightOptions {

    @Option(names = "--staging", required = true, paramLabel = "OWNER/REPO#N",
            description = "The staging pull request inside the fork (for gate, its head must be --head).")
    private String staging;

    @Option(names = "--upstream", required = true, paramLabel = "OWNER/REPO", description = "The upstream repository.")
    private String upstream;

    @Option(names = "--base", paramLabel = "B", description = "Upstream base branch (default: its default branch).")
    private String base;

    @Mixin
    private StagingPolicyOptions stagingPolicy;

    @Option(names = "--look-up-existing", description = "Also look for an open upstream pull request from the same "
            + "branch (one more request; gate looks before asking).")
    private boolean lookUpExisting;

    @Option(names = "--wait", paramLabel = "DURATION",
            description = "While the staging CI is pending, poll until this ISO-8601 duration has passed (e.g. "
                    + "PT20M); polls are conditional requests, free while nothing changes.")
    private String wait;

    @Mixin
    private TimingOptions timing;

    /**
     * {@code --staging}.
     *
     * @throws IllegalArgumentException when it is not OWNER/REPO#N (a usage error)
     */
    PullRequestRef staging() {
        return PullRequestRef.parse(staging);
    }

    /**
     * {@code --upstream}.
     *
     * @throws IllegalArgumentException when it is not OWNER/REPO (a usage error)
     */
    RepositoryName upstream() {
        return RepositoryName.parse(upstream);
    }

    /** {@code --base}, or {@code null} for the upstream repository's default branch. */
    String base() {
        return base;
    }

    /** See {@link StagingPolicyOptions#policy()}. */
    StagingPolicy stagingPolicy() {
        return stagingPolicy.policy();
    }

    /** See {@link TimingOptions#policy()}. */
    TimingPolicy timing() {
        return timing.policy();
    }

    boolean lookUpExisting() {
        return lookUpExisting;
    }

    /** {@code --wait} as given (for messages), or {@code null}. */
    String waitGiven() {
        return wait;
    }

    /**
     * How long to poll while pending: {@code --wait}, or zero without it.
     *
     * @throws java.time.format.DateTimeParseException when it is not an ISO-8601 duration (a usage error)
     */
    Duration waitFor() {
        return wait == null ? Duration.ZERO : Duration.parse(wait);
    }

    /**
     * The preflight these options ask for.
     *
     * @throws IllegalArgumentException for a malformed name, check pattern or freeze (a usage error)
     */
    PreflightRequest request() {
        return new PreflightRequest(staging(), upstream(), base, stagingPolicy(), lookUpExisting, timing());
    }
}
