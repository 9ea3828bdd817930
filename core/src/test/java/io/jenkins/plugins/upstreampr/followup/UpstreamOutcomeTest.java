package io.jenkins.plugins.upstreampr.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.PullRequestComment;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.PullRequestState;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamOutcomeTest {

    static final String URL = "https://github.com/upstream-org/kvstore/pull/1347";
    static final PullRequestRef PR = PullRequestRef.parse("upstream-org/kvstore#1347");

    @Test
    void anOutcomeSurvivesJavaSerializationAsItIsSentToAnAgent() throws Exception {
        UpstreamOutcome merged = UpstreamOutcome.merged(PR, URL);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(merged);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(merged);
        }
    }

    @Test
    void aMergedPullRequest() {
        UpstreamOutcome merged = UpstreamOutcome.merged(PR, URL);

        assertThat(merged.isMerged()).isTrue();
        assertThat(merged.repository()).isEqualTo(RepositoryName.parse("upstream-org/kvstore"));
        assertThat(merged.headRepository()).isNull();
        assertThat(merged.number()).isEqualTo(1347);
        assertThat(merged.comment()).isEmpty();
        assertThat(merged.describe()).isEqualTo("upstream-org/kvstore#1347 was merged (" + URL + ")");
        assertThat(AfterMergeArchive.sideBranch(merged)).isEqualTo("chant/archive-upstream-1347");
    }

    @Test
    void aPullRequestClosedUnmergedKeepsItsClosingComment() {
        UpstreamOutcome closed = UpstreamOutcome.closedUnmerged(PR, URL,
                "Fixed differently in #1350.\n");

        assertThat(closed.isMerged()).isFalse();
        assertThat(closed.state()).isEqualTo(UpstreamOutcome.State.CLOSED_UNMERGED);
        assertThat(closed.comment()).contains("Fixed differently in #1350.\n");
        assertThat(closed.describe()).isEqualTo("upstream-org/kvstore#1347 was closed without being merged (" + URL
                + "); closing comment: \"Fixed differently in #1350.\"");
        assertThat(UpstreamOutcome.closedUnmerged(PR, URL, "  ").comment()).isEmpty();
        assertThat(UpstreamOutcome.closedUnmerged(PR, URL, null).describe())
                .endsWith("; no closing comment");
    }

    @Test
    void aMissingAddressIsNamedAndAMergedPullRequestHasNoClosingComment() {
        assertThatThrownBy(() -> UpstreamOutcome.merged(PullRequestRef.parse("upstream-org/kvstore#12"), " "))
                .isInstanceOf(ChantException.class)
                .hasMessage("Missing web address of upstream pull request upstream-org/kvstore#12: give its html_url, "
                        + "e.g. https://github.com/OWNER/REPO/pull/N");
        assertThatThrownBy(() -> UpstreamOutcome.merged(null, URL)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new UpstreamOutcome(PR, URL, UpstreamOutcome.State.MERGED, "a comment", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static PullRequestSnapshot look(PullRequestState state, PullRequestComment closing) {
        return new PullRequestSnapshot(PullRequestRef.parse("upstream-org/kvstore#1347"), URL, "Fix lost writes",
                state, false, HeadRef.parse("yourusername:fix/issue-1234"), RepositoryName.parse("yourusername/kvstore"),
                "a".repeat(40), "main", ReviewDecision.APPROVED,
                List.of(), closing == null ? List.of() : List.of(closing), null, null,
                state == PullRequestState.MERGED ? "b".repeat(40) : null, "maintainer", closing,
                Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void madeFromTheWatchersLastLook() {
        PullRequestComment closing = new PullRequestComment(PullRequestComment.Kind.CONVERSATION, 7, "maintainer",
                "Superseded by #1350.", URL + "#issuecomment-7", Instant.parse("2026-11-24T09:59:00Z"), null);

        RepositoryName fork = RepositoryName.parse("yourusername/kvstore");
        assertThat(UpstreamOutcome.of(look(PullRequestState.MERGED, null)))
                .isEqualTo(UpstreamOutcome.merged(PR, URL).withHeadRepository(fork));
        assertThat(UpstreamOutcome.of(look(PullRequestState.CLOSED, closing)))
                .isEqualTo(UpstreamOutcome.closedUnmerged(PR, URL, "Superseded by #1350.").withHeadRepository(fork));
        assertThat(UpstreamOutcome.of(look(PullRequestState.CLOSED, null)).comment()).isEmpty();
        assertThatThrownBy(() -> UpstreamOutcome.of(look(PullRequestState.OPEN, null)))
                .isInstanceOf(ChantException.class).hasMessageContaining("upstream-org/kvstore#1347 is still open");
    }
}
