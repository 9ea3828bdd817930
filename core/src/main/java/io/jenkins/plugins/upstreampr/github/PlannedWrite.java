package io.jenkins.plugins.upstreampr.github;

import java.io.Serializable;
import java.util.Objects;

/**
 * One write a dry run would have sent to GitHub, exactly as it would go on the wire: the method, the path below the
 * API URL (with its query, if any) and the JSON body's text (the same bytes the session serializes for a real
 * request). Serializable, so a Jenkins step can keep or return it.
 *
 * @param index its place in the order the writes would be sent, from 1
 * @param method {@code POST}
 * @param path e.g. {@code /repos/upstream-org/kvstore/pulls}; a value the dry run cannot know because it comes from
 *        the answer to an earlier write stands as a placeholder, {@link WritePlan#NUMBER} in the path
 * @param body the JSON body, compact
 * @param note what the placeholders in {@code path} or {@code body} stand for ("{number}: the number GitHub gives
 *        the pull request opened by write 1"); {@code null} when there are none
 */
public record PlannedWrite(int index, String method, String path, String body, String note) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PlannedWrite {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
    }

    /** Whether the path or body holds a value that only the answer to an earlier write would give. */
    public boolean hasPlaceholder() {
        return note != null;
    }
}
