package io.jenkins.plugins.upstreampr.github;

import java.util.Locale;

/** Where an upstream pull request stands: still open, merged, or closed without being merged. */
public enum PullRequestState {
    /** Open (draft or ready for review). */
    OPEN,
    /** Merged: the fix is upstream. */
    MERGED,
    /** Closed without merge (it may still be reopened). */
    CLOSED;

    /** Lower-case name, as in JSON output. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
