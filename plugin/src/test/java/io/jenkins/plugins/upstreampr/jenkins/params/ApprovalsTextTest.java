package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.gate.Approvals;
import io.jenkins.plugins.upstreampr.gate.GateDecision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApprovalsTextTest {

    private static final List<String> ROLES = List.of("maintainers", "ospo");
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final String SHA = "a".repeat(40);

    @Test
    void approvalsSurviveTheTripThroughTextLapsedOnesAndTheEndIncluded() {
        Approvals approvals = Approvals.of(ROLES)
                .record(1, "alice", AT, SHA, Approvals.digest("Fix", "Body", false))
                .record(2, "bob", AT.plusSeconds(60), SHA, Approvals.digest("Fix better", "Body", false))
                .end(GateDecision.Outcome.REJECT);

        Approvals read = ApprovalsText.read(ApprovalsText.write(approvals), ROLES);

        assertThat(read).isEqualTo(approvals);
        assertThat(read.approvals().get(0).lapsed()).isTrue();
    }

    @Test
    void blankTextIsNoApprovalYetAndTheNextRoleIsTheFirstWithItsInputId() {
        Approvals none = ApprovalsText.read("  ", ROLES);

        Map<String, Object> next = ApprovalsText.next(none, "UpstreamPullRequest", null);

        assertThat(none.approvals()).isEmpty();
        assertThat(next).containsEntry("role", 1).containsEntry("submitter", "maintainers")
                .containsEntry("inputId", "UpstreamPullRequest-1");
        assertThat((String) next.get("why")).startsWith("Approval 1 of 2 (maintainers)");
    }

    @Test
    void aRefusedAnswerIsSaidBeforeWhyTheRoleIsAskedAndNobodyIsAskedOnceComplete() {
        Approvals one = Approvals.of(ROLES).record(1, "alice", AT, SHA, "d");

        assertThat((String) ApprovalsText.next(one, "G", "Answer not taken: alice already approved.").get("why"))
                .startsWith("Answer not taken: alice already approved. Approval 2 of 2 (ospo)");
        assertThat(ApprovalsText.next(one.record(2, "bob", AT, SHA, "d"), "G", null)).isNull();
    }

    @Test
    void textForOtherRolesOrNotWrittenByAStepIsRefusedSayingWhatToPass() {
        String written = ApprovalsText.write(Approvals.of(ROLES));

        assertThatThrownBy(() -> ApprovalsText.read(written, List.of("maintainers")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not for approvers [maintainers]");
        assertThatThrownBy(() -> ApprovalsText.read("{not json", ROLES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unchanged");
        assertThatThrownBy(() -> ApprovalsText.read("{\"roles\":[\"maintainers\",\"ospo\"],\"approvals\":[{}]}",
                ROLES)).hasMessageContaining("without who, at, sha or digest");
    }
}
