package io.jenkins.plugins.upstreampr.github;

import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_B;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** GitHub's pull request answer (its OpenAPI example), parsed once for the watch and the after-merge archive. */
class PullRequestTest {

    private static final PullRequestRef UPSTREAM = PullRequestRef.parse("up/project#42");

    @Test
    void theHeadLabelIsParsedOnceIntoTheForkOwnerAndBranchNextToTheRepositoryHoldingIt() {
        PullRequest pr = PullRequest.of(UPSTREAM, GitHubStub.pullRequest("octo", "fork", 42, "fix/issue-7", SHA_A));

        assertThat(pr.state()).isEqualTo(PullRequestState.OPEN);
        assertThat(pr.head()).isEqualTo(new HeadRef("octo", "fix/issue-7"));
        assertThat(pr.headRepository()).isEqualTo(RepositoryName.parse("octo/fork"));
        assertThat(pr.headSha()).isEqualTo(SHA_A);
        assertThat(pr.url()).isEqualTo("https://github.com/octo/fork/pull/42");
        assertThat(pr.mergeCommitSha()).isNull();
    }

    @Test
    void aMergedPullRequestHasItsMergeCommitAndAHeadGitHubCannotNameIsNullNotGuessed() {
        ObjectNode json = GitHubStub.pullRequest("octo", "fork", 42, "fix", "not-a-sha");
        json.put("state", "closed").put("merged", false).put("merged_at", "2026-03-11T09:00:00Z")
                .put("merge_commit_sha", SHA_B);
        ((ObjectNode) json.get("head")).put("label", "no-colon-here").putNull("repo");

        PullRequest pr = PullRequest.of(UPSTREAM, json);

        assertThat(pr.state()).isEqualTo(PullRequestState.MERGED);
        assertThat(pr.mergeCommitSha()).isEqualTo(SHA_B);
        assertThat(pr.head()).isNull();
        assertThat(pr.headRepository()).isNull();
        assertThat(pr.headSha()).isNull();
        assertThat(PullRequest.of(UPSTREAM, json.put("merged_at", (String) null)).state())
                .isEqualTo(PullRequestState.CLOSED);
    }
}
