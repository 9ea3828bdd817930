package io.jenkins.plugins.upstreampr.github;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One submitted review of the upstream pull request, as {@code GET /repos/{o}/{r}/pulls/{n}/reviews} lists it.
 *
 * @param id GitHub's review id
 * @param reviewer login of the reviewer
 * @param state what the review said
 * @param commitSha the head commit the review was made on
 * @param submittedAt when it was submitted
 * @param body the review's summary text ("" when none)
 * @param url where a human can read it
 */
public record Review(long id, String reviewer, State state, String commitSha, Instant submittedAt, String body,
        String url) {

    /** The state GitHub gives a review. */
    public enum State {
        APPROVED,
        CHANGES_REQUESTED,
        COMMENTED,
        /** Dismissed by a maintainer or by branch protection after new commits: no longer counts. */
        DISMISSED;

        /** Lower-case name, as in JSON output. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** GitHub's text for the state, or null for one that does not count (PENDING drafts, unknown values). */
        static State parse(String text) {
            return switch (text) {
                case "APPROVED" -> APPROVED;
                case "CHANGES_REQUESTED" -> CHANGES_REQUESTED;
                case "COMMENTED" -> COMMENTED;
                case "DISMISSED" -> DISMISSED;
                default -> null;
            };
        }
    }

    public Review {
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(submittedAt, "submittedAt");
        body = body == null ? "" : body;
    }

    /** What the reviewer did, in words ("approved", "requested changes", ...). */
    public String verb() {
        return switch (state) {
            case APPROVED -> "approved";
            case CHANGES_REQUESTED -> "requested changes";
            case COMMENTED -> "commented";
            case DISMISSED -> "reviewed (dismissed)";
        };
    }
}
