package io.jenkins.plugins.upstreampr.github;

import java.util.Locale;

/** The state of one CI check on a commit, folded from commit statuses and check runs. */
public enum CheckState {
    /** Passed (check-run conclusions {@code success}, {@code neutral} and {@code skipped} count as passed, as on GitHub). */
    SUCCESS,
    /** Queued or running. */
    PENDING,
    /** Failed, errored, cancelled, timed out, stale or waiting for an action. */
    FAILURE,
    /** Required by the caller but not reported on the commit (yet). */
    MISSING;

    /** Lower-case name, as in JSON output. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
