package io.jenkins.plugins.upstreampr.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The upstream pull request the gate opened or found.
 *
 * @param repository the upstream repository
 * @param number its number
 * @param url its web address ({@code html_url})
 * @param created true if this call opened it, false if an open one with the same head and base existed
 * @param maintainerCanModify whether upstream maintainers can push to the head branch
 * @param draft whether it is a draft
 * @param base its base branch
 * @param head its head
 * @param headSha the head commit GitHub reports for it
 * @param warnings what a human should know (maintainers cannot push, a follow-up call failed, ...)
 */
public record UpstreamPullRequest(RepositoryName repository, int number, String url, boolean created,
        boolean maintainerCanModify, boolean draft, String base, HeadRef head, String headSha, List<String> warnings) {

    public UpstreamPullRequest {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(url, "url");
        warnings = List.copyOf(warnings);
    }

    UpstreamPullRequest withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new UpstreamPullRequest(repository, number, url, created, maintainerCanModify, draft, base, head,
                headSha, all);
    }

    UpstreamPullRequest asCreated(boolean created) {
        return new UpstreamPullRequest(repository, number, url, created, maintainerCanModify, draft, base, head,
                headSha, warnings);
    }
}
