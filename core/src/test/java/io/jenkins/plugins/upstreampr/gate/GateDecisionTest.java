package io.jenkins.plugins.upstreampr.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateDecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void approvalNeedsATitle() {
        assertThatThrownBy(() -> new GateDecision(GateDecision.Outcome.APPROVE, "  ", "body", false, null, "bob", NOW,
                List.of())).hasMessageContaining("needs a title");
    }

    @Test
    void deferAndRejectNeedAReason() {
        assertThatThrownBy(() -> new GateDecision(GateDecision.Outcome.DEFER, "t", "b", false, " ", "bob", NOW,
                List.of())).hasMessageContaining("To defer").hasMessageContaining("give a reason");
        assertThatThrownBy(() -> new GateDecision(GateDecision.Outcome.REJECT, "t", "b", false, null, "bob", NOW,
                List.of())).hasMessageContaining("To reject");
        GateDecision deferred = new GateDecision(GateDecision.Outcome.DEFER, null, null, false,
                " after the 2.4 release ", "bob", NOW, List.of());
        assertThat(deferred.reason()).isEqualTo("after the 2.4 release");
        assertThat(deferred.body()).isEmpty();
        assertThat(deferred.approved()).isFalse();
    }

    @Test
    void anOverrideWithoutReasonIsRefused() {
        assertThatThrownBy(() -> new GateOverride("freeze", "")).hasMessageContaining("Overriding 'freeze' needs a reason");
        GateDecision d = new GateDecision(GateDecision.Outcome.APPROVE, "t", "b", false, null, null, NOW,
                List.of(new GateOverride("unchecked-criteria", "criterion 3 is tracked in #1240")));
        assertThat(d.overrides("unchecked-criteria")).isTrue();
        assertThat(d.overrides("freeze")).isFalse();
    }

    @Test
    void outcomesParseCaseInsensitivelyAndNameTheChoices() {
        assertThat(GateDecision.Outcome.parse(" Approve ")).isEqualTo(GateDecision.Outcome.APPROVE);
        assertThatThrownBy(() -> GateDecision.Outcome.parse("merge"))
                .hasMessage("Gate decision 'merge' is not one of approve, defer, reject");
    }
}
