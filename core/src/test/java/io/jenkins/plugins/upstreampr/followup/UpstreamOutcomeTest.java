package io.jenkins.plugins.upstreampr.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamOutcomeTest {

    static final String URL = "https://github.com/upstream-org/kvstore/pull/1347";

    @Test
    void aMergedPullRequest() {
        UpstreamOutcome merged = UpstreamOutcome.merged("upstream-org/kvstore#1347", URL);

        assertThat(merged.isMerged()).isTrue();
        assertThat(merged.repository()).isEqualTo("upstream-org/kvstore");
        assertThat(merged.number()).isEqualTo(1347);
        assertThat(merged.comment()).isEmpty();
        assertThat(merged.describe()).isEqualTo("upstream-org/kvstore#1347 was merged (" + URL + ")");
        assertThat(AfterMergeArchive.sideBranch(merged)).isEqualTo("chant/archive-upstream-1347");
    }

    @Test
    void aPullRequestClosedUnmergedKeepsItsClosingComment() {
        UpstreamOutcome closed = UpstreamOutcome.closedUnmerged("upstream-org/kvstore#1347", URL,
                "Fixed differently in #1350.\n");

        assertThat(closed.isMerged()).isFalse();
        assertThat(closed.state()).isEqualTo(UpstreamOutcome.State.CLOSED_UNMERGED);
        assertThat(closed.comment()).contains("Fixed differently in #1350.\n");
        assertThat(closed.describe()).isEqualTo("upstream-org/kvstore#1347 was closed without being merged (" + URL
                + "); closing comment: \"Fixed differently in #1350.\"");
        assertThat(UpstreamOutcome.closedUnmerged("upstream-org/kvstore#1347", URL, "  ").comment()).isEmpty();
        assertThat(UpstreamOutcome.closedUnmerged("upstream-org/kvstore#1347", URL, null).describe())
                .endsWith("; no closing comment");
    }

    @Test
    void badReferencesAreNamedWithTheExpectedForm() {
        assertThatThrownBy(() -> UpstreamOutcome.merged("upstream-org/kvstore/1347", URL))
                .isInstanceOf(ChantException.class)
                .hasMessage("Invalid upstream pull request 'upstream-org/kvstore/1347': expected OWNER/REPO#NUMBER, "
                        + "e.g. upstream-org/kvstore#1347");
        assertThatThrownBy(() -> UpstreamOutcome.merged("upstream-org/kvstore#0", URL))
                .isInstanceOf(ChantException.class);
        assertThatThrownBy(() -> UpstreamOutcome.merged("upstream-org/kvstore#12", " "))
                .isInstanceOf(ChantException.class).hasMessageContaining("Missing web address");
        assertThatThrownBy(() -> new UpstreamOutcome("upstream-org/kvstore#12", URL, UpstreamOutcome.State.MERGED,
                "a comment")).isInstanceOf(IllegalArgumentException.class);
    }

    static PullRequestSnapshot look(PullRequestState state, PullRequestComment closing) {
        return new PullRequestSnapshot(PullRequestRef.parse("upstream-org/kvstore#1347"), URL, "Fix lost writes",
                state, false, "yourusername:fix/issue-1234", "a".repeat(40), "main", ReviewDecision.APPROVED,
                List.of(), closing == null ? List.of() : List.of(closing), null, null,
                state == PullRequestState.MERGED ? "b".repeat(40) : null, "maintainer", closing,
                Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void madeFromTheWatchersLastLook() {
        PullRequestComment closing = new PullRequestComment(PullRequestComment.Kind.CONVERSATION, 7, "maintainer",
                "Superseded by #1350.", URL + "#issuecomment-7", Instant.parse("2026-11-24T09:59:00Z"), null);

        assertThat(UpstreamOutcome.of(look(PullRequestState.MERGED, null)))
                .isEqualTo(UpstreamOutcome.merged("upstream-org/kvstore#1347", URL));
        assertThat(UpstreamOutcome.of(look(PullRequestState.CLOSED, closing)))
                .isEqualTo(UpstreamOutcome.closedUnmerged("upstream-org/kvstore#1347", URL, "Superseded by #1350."));
        assertThat(UpstreamOutcome.of(look(PullRequestState.CLOSED, null)).comment()).isEmpty();
        assertThatThrownBy(() -> UpstreamOutcome.of(look(PullRequestState.OPEN, null)))
                .isInstanceOf(ChantException.class).hasMessageContaining("upstream-org/kvstore#1347 is still open");
    }
}
