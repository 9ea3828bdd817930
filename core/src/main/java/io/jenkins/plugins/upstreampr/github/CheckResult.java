package io.jenkins.plugins.upstreampr.github;

import java.util.Objects;

/**
 * One check on the staging commit.
 *
 * @param name the commit status {@code context} or the check run {@code name} (for a missing required check,
 *        the pattern that matched nothing)
 * @param state its state
 * @param url where a human can see it (status {@code target_url}, check run {@code html_url}); may be null
 * @param source where it came from
 * @param required whether it decides the verdict (every check does when no required checks are named)
 */
public record CheckResult(String name, CheckState state, String url, Source source, boolean required) {

    /** Where a check was reported. */
    public enum Source {
        /** A commit status (combined status API). */
        COMMIT_STATUS,
        /** A check run (checks API). */
        CHECK_RUN,
        /** Not reported at all: a required check that is missing. */
        NOT_REPORTED
    }

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(source, "source");
    }
}
