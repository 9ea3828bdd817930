package io.jenkins.plugins.upstreampr.github;

import java.util.Objects;

/**
 * What {@link Preflight} checks before the human pause.
 *
 * @param staging the staging pull request in the fork
 * @param upstream the upstream repository
 * @param base the upstream base branch, or null for its default branch (then read, in parallel)
 * @param policy what counts as passing CI
 * @param lookUpExisting also look for an already open upstream pull request (one more request)
 * @param timing freezes and milestone look-ahead
 */
public record PreflightRequest(PullRequestRef staging, RepositoryName upstream, String base, StagingPolicy policy,
        boolean lookUpExisting, TimingPolicy timing) {

    public PreflightRequest {
        Objects.requireNonNull(staging, "staging");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(timing, "timing");
        if (base != null && base.isBlank()) {
            base = null;
        }
    }
}
