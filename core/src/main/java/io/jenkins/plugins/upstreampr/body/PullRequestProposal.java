package io.jenkins.plugins.upstreampr.body;

import java.util.Objects;

/**
 * A proposed upstream pull request: title and markdown body written for the upstream project's maintainers.
 *
 * @param title the proposed title (may be empty when the trail gives none)
 * @param body the markdown body, ending with a newline
 */
public record PullRequestProposal(String title, String body) {

    public PullRequestProposal {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
