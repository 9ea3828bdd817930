package io.jenkins.plugins.upstreampr.followup;

import java.util.Objects;

/**
 * The small pull request to open in the fork when its branch is protected: from the side branch holding the archive
 * commit into the protected branch. The GitHub call that opens it is the {@code github} package's.
 *
 * @param head the side branch (in the fork)
 * @param base the protected branch it should go into
 * @param title the pull request title
 * @param body the pull request body (markdown)
 */
public record SideBranchPullRequest(String head, String base, String title, String body) {

    public SideBranchPullRequest {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
