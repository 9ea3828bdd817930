package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.gate.GateDecision;
import io.jenkins.plugins.upstreampr.gate.GateOverride;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GateAnswersTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void anApprovalCarriesTheEditedTextTheApproverAndTheTime() {
        GateDecision decision = new GateAnswers("approve", " Serialize writes ", "Body\n", true, "", "alice", "")
                .toDecision(AT);

        assertThat(decision.outcome()).isEqualTo(GateDecision.Outcome.APPROVE);
        assertThat(decision.title()).isEqualTo("Serialize writes");
        assertThat(decision.body()).isEqualTo("Body\n");
        assertThat(decision.draft()).isTrue();
        assertThat(decision.reason()).isNull();
        assertThat(decision.decidedBy()).isEqualTo("alice");
        assertThat(decision.decidedBySource()).isEqualTo("jenkins");
        assertThat(decision.decidedAt()).isEqualTo(AT);
        assertThat(decision.overrides()).isEmpty();
    }

    @Test
    void aBlankDecisionIsAnApprovalAndABlankApproverIsUnknown() {
        GateDecision decision = new GateAnswers(" ", "Title", null, false, null, "  ", null).toDecision(AT);

        assertThat(decision.approved()).isTrue();
        assertThat(decision.decidedBy()).isNull();
        assertThat(decision.decidedBySource()).isNull();
        assertThat(decision.body()).isEmpty();
    }

    @Test
    void deferAndRejectNeedAReason() {
        assertThat(new GateAnswers("Defer", "", "", false, "after the 2.4 release", "bob", "").toDecision(AT).outcome())
                .isEqualTo(GateDecision.Outcome.DEFER);
        assertThatThrownBy(() -> new GateAnswers("reject", "Title", "", false, " ", "bob", "").toDecision(AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("To reject the pull request, give a reason");
    }

    @Test
    void overridesNamedAtThePromptTakeTheReason() {
        GateDecision decision = new GateAnswers("approve", "Title", "", false, "security fix", "alice",
                "freeze, unchecked-criteria").toDecision(AT);

        assertThat(decision.overrides()).containsExactly(new GateOverride("freeze", "security fix"),
                new GateOverride("unchecked-criteria", "security fix"));
        assertThat(decision.overrides("freeze")).isTrue();
        assertThatThrownBy(() -> new GateAnswers("approve", "Title", "", false, "", "alice", "freeze").toDecision(AT))
                .hasMessageContaining("'freeze' needs a reason");
    }

    @Test
    void anUnknownDecisionOrAMissingTitleIsExplained() {
        assertThatThrownBy(() -> new GateAnswers("merge", "Title", "", false, "", "alice", "").toDecision(AT))
                .hasMessageContaining("'merge' is not one of approve, defer, reject");
        assertThatThrownBy(() -> new GateAnswers("approve", " ", "", false, "", "alice", "").toDecision(AT))
                .hasMessageContaining("needs a title");
    }
}
