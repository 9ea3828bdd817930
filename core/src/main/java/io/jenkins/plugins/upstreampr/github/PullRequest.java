package io.jenkins.plugins.upstreampr.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A pull request as GitHub's {@code GET /repos/{owner}/{repo}/pulls/{number}} reports it, parsed once: its state, its
 * head (the {@code OWNER:BRANCH} label as a {@link HeadRef}, the repository holding it, the commit) and its base.
 * {@link PullRequestReads#pullRequest()} reads it; a watch's look and the after-merge archive both take it from there.
 *
 * @param ref the pull request
 * @param url its web address ({@code html_url}), or null when GitHub gave none
 * @param title its title, or null
 * @param state open, merged or closed without merge ({@code state} with {@code merged} / {@code merged_at})
 * @param draft whether it is a draft
 * @param head its head label as {@code OWNER:BRANCH}, or null when GitHub's label is not of that form
 * @param headRepository the repository its head branch is in (the fork), or null when GitHub reports none (the fork
 *        was deleted)
 * @param headSha its head commit, or null when GitHub's answer has no commit SHA there
 * @param base its base branch, or null
 * @param mergeCommitSha the merge commit, when merged; else null
 * @param updatedAt GitHub's {@code updated_at} (moved on every comment, review, review comment, push and state
 *        change), or null when GitHub gave none
 */
public record PullRequest(PullRequestRef ref, String url, String title, PullRequestState state, boolean draft,
        HeadRef head, RepositoryName headRepository, String headSha, String base, String mergeCommitSha,
        Instant updatedAt) {

    public PullRequest {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(state, "state");
    }

    /** The pull request {@code ref} in GitHub's answer {@code json}. */
    static PullRequest of(PullRequestRef ref, JsonNode json) {
        PullRequestState state = stateOf(json);
        JsonNode head = json.path("head");
        String sha = text(head.path("sha"));
        return new PullRequest(ref, text(json.path("html_url")), text(json.path("title")), state,
                json.path("draft").asBoolean(false), headRef(text(head.path("label"))),
                repository(text(head.path("repo").path("full_name"))), CommitSha.is(sha) ? sha : null,
                text(json.path("base").path("ref")),
                state == PullRequestState.MERGED ? text(json.path("merge_commit_sha")) : null,
                instant(json.path("updated_at")));
    }

    private static PullRequestState stateOf(JsonNode pr) {
        if (!"closed".equals(pr.path("state").asText())) {
            return PullRequestState.OPEN;
        }
        return pr.path("merged").asBoolean(false) || text(pr.path("merged_at")) != null ? PullRequestState.MERGED
                : PullRequestState.CLOSED;
    }

    private static HeadRef headRef(String label) {
        if (label == null) {
            return null;
        }
        try {
            return HeadRef.parse(label);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RepositoryName repository(String fullName) {
        if (fullName == null) {
            return null;
        }
        try {
            return RepositoryName.parse(fullName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Instant instant(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
