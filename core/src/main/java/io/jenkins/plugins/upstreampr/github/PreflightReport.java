package io.jenkins.plugins.upstreampr.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the human needs to see before deciding, read before the pause.
 *
 * @param ci what the staging CI gave: its head commit, the checks and the verdict on them
 * @param upstream the upstream repository
 * @param base the upstream base branch (given, or its default branch)
 * @param existing an already open upstream pull request from the same head into base, when looked up
 * @param timing freezes and upcoming milestones
 */
public record PreflightReport(StagingVerdict ci, RepositoryName upstream, String base,
        Optional<UpstreamPullRequest> existing, TimingReport timing) {

    public PreflightReport {
        Objects.requireNonNull(ci, "ci");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(existing, "existing");
        Objects.requireNonNull(timing, "timing");
    }

    /** All warnings: the verdict's, an existing pull request, timing. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(ci.warnings());
        existing.ifPresent(pr -> all.add("An upstream pull request from " + pr.head() + " into " + upstream + ":"
                + base + " is already open: " + pr.url() + " (no second one will be opened)."));
        all.addAll(timing.warnings());
        return all;
    }
}
