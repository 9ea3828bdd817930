package io.jenkins.plugins.upstreampr.github;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A comment on the upstream pull request: in the conversation, on a line of the diff, or a review's summary.
 *
 * @param kind where it was made
 * @param id GitHub's id (unique within its kind)
 * @param author login of the author
 * @param body the text
 * @param url where a human can read it
 * @param createdAt when it was made
 * @param path the file commented on, for {@link Kind#INLINE} comments; else null
 */
public record PullRequestComment(Kind kind, long id, String author, String body, String url, Instant createdAt,
        String path) {

    /** Where a comment was made. */
    public enum Kind {
        /** In the pull request's conversation ({@code /issues/{n}/comments}). */
        CONVERSATION,
        /** On a line of the diff ({@code /pulls/{n}/comments}). */
        INLINE,
        /** The summary text of a submitted review ({@code /pulls/{n}/reviews}). */
        REVIEW;

        /** Lower-case name, as in JSON output. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PullRequestComment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        body = body == null ? "" : body;
    }

    /** Identity across kinds (ids of different kinds may collide). */
    public String key() {
        return kind + ":" + id;
    }

    /** One line for a log: author, where, and the start of the text. */
    public String summary() {
        String text = body.strip().replaceAll("\\s+", " ");
        if (text.length() > 120) {
            text = text.substring(0, 117) + "...";
        }
        return author + (path != null ? " on " + path : kind == Kind.REVIEW ? " (review)" : "") + ": " + text;
    }
}
