package io.jenkins.plugins.upstreampr.github;

import java.util.Objects;

/**
 * What counts as a passing staging commit.
 *
 * @param required the checks that decide (empty: all reported checks)
 * @param allowNone whether a commit without any check passes
 */
public record StagingPolicy(RequiredChecks required, boolean allowNone) {

    public StagingPolicy {
        Objects.requireNonNull(required, "required");
    }

    /** All reported checks decide; no checks is not a pass. */
    public static StagingPolicy defaults() {
        return new StagingPolicy(RequiredChecks.all(), false);
    }
}
