package io.jenkins.plugins.upstreampr.github;

import java.util.Locale;

/** The overall CI outcome of the staging commit. */
public enum Verdict {
    /** Every deciding check passed. */
    GREEN,
    /** A deciding check is running, queued, or required but not reported yet. */
    PENDING,
    /** A deciding check failed. */
    RED,
    /** No checks at all on the commit: not green unless the caller allows it. */
    NONE;

    /** Lower-case name, as in JSON output. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
