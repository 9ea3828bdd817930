package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GateChoiceTest {

    @Test
    void parsesTheValuesThePromptOffersWhateverTheCaseAndSpacing() {
        assertThat(GateChoice.parse("approve")).isEqualTo(GateChoice.APPROVE);
        assertThat(GateChoice.parse(" Defer ")).isEqualTo(GateChoice.DEFER);
        assertThat(GateChoice.parse("REJECT")).isEqualTo(GateChoice.REJECT);
    }

    @Test
    void offersApproveFirstSoThatItIsThePromptsDefault() {
        assertThat(GateChoice.values("\n")).isEqualTo("approve\ndefer\nreject");
    }

    @Test
    void refusesAnUnknownDecisionNamingItAndTheAcceptedOnes() {
        assertThatThrownBy(() -> GateChoice.parse("merge"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decision 'merge'")
                .hasMessageContaining("approve, defer, reject");
        assertThatThrownBy(() -> GateChoice.parse(null)).hasMessageContaining("decision ''");
    }
}
