package io.jenkins.plugins.upstreampr.followup;

import java.util.Locale;
import java.util.Objects;

/**
 * How a watch of the upstream pull request ended.
 *
 * @param result merged, closed without merge, reviewed, or timed out
 * @param reached whether this is what the watch waited for ({@link WatchPolicy.Until}): a merge for
 *        {@code MERGED}, any close for {@code CLOSED}, a new review (or a merge) for {@code REVIEW}
 * @param last the last look
 */
public record WatchOutcome(Result result, boolean reached, PullRequestSnapshot last) {

    /** How the watch ended. */
    public enum Result {
        MERGED,
        CLOSED_UNMERGED,
        /** A reviewer submitted a review (only ends a watch {@link WatchPolicy.Until#REVIEW until a review}). */
        REVIEWED,
        TIMED_OUT;

        /** Lower-case name, as in JSON output. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public WatchOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(last, "last");
    }

    /** The outcome {@code result} under {@code until}, with {@link #reached()} worked out. */
    public static WatchOutcome of(Result result, WatchPolicy.Until until, PullRequestSnapshot last) {
        boolean reached = switch (result) {
            case MERGED -> true;
            case CLOSED_UNMERGED -> until == WatchPolicy.Until.CLOSED;
            case REVIEWED -> until == WatchPolicy.Until.REVIEW;
            case TIMED_OUT -> false;
        };
        return new WatchOutcome(result, reached, last);
    }
}
