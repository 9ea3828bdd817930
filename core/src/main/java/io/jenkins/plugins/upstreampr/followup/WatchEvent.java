package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.github.PullRequestComment;
import io.jenkins.plugins.upstreampr.github.Review;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One change seen while following the upstream pull request, with a sentence for a human and the look it came
 * from.
 *
 * @param kind what changed
 * @param message the change in one sentence, naming the pull request and the commits involved
 * @param snapshot the look in which the change was seen
 * @param comments the new comments, for {@link Kind#NEW_COMMENTS} (and the review's summary for
 *        {@link Kind#NEW_REVIEW}); else empty
 * @param review the new review, for {@link Kind#NEW_REVIEW}; else null
 */
public record WatchEvent(Kind kind, String message, PullRequestSnapshot snapshot, List<PullRequestComment> comments,
        Review review) {

    /** What changed. Within one look, events come in this order. */
    public enum Kind {
        /** The first look: where the pull request stands. */
        FIRST_LOOK,
        /** Reopened, converted to draft, or marked ready for review. */
        STATE_CHANGED,
        /** New commits: the head moved. The message says what the staging CI says about the new head. */
        HEAD_MOVED,
        /** The staging pull request's head is not the upstream pull request's head. */
        HEADS_DIFFER,
        /** The staging CI verdict changed (same head). */
        STAGING_CI_CHANGED,
        /**
         * The staging CI passes on the very commit the upstream pull request points to, and did not on the previous
         * look (new commits arrived, or their CI finished): reviewers can be told to look again.
         */
        READY_FOR_ANOTHER_LOOK,
        /** The upstream CI verdict on the head changed. */
        CI_CHANGED,
        /** A reviewer submitted a review. */
        NEW_REVIEW,
        /** The review decision changed. */
        REVIEW_DECISION_CHANGED,
        /** New conversation or inline comments (or review summaries). */
        NEW_COMMENTS,
        /** A look failed (GitHub down, rate limited, no answer); the watch goes on. */
        LOOK_FAILED,
        /** Merged. */
        MERGED,
        /** Closed without merge. */
        CLOSED_UNMERGED,
        /** The watch's time ran out before the awaited state. */
        TIMED_OUT;

        /** Lower-case name, as in JSON output. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public WatchEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        comments = List.copyOf(comments);
    }

    WatchEvent(Kind kind, String message, PullRequestSnapshot snapshot) {
        this(kind, message, snapshot, List.of(), null);
    }
}
