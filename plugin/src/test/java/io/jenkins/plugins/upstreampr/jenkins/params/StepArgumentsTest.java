package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.gate.GateOverride;
import org.junit.jupiter.api.Test;

class StepArgumentsTest {

    @Test
    void listSplitsAtCommasAndLineBreaksKeepingOrderWithoutBlanksOrDuplicates() {
        assertThat(StepArguments.list(" build , test/*\r\nlint\n\n, build ,")).containsExactly("build", "test/*", "lint");
        assertThat(StepArguments.list("")).isEmpty();
        assertThat(StepArguments.list(null)).isEmpty();
    }

    @Test
    void overridesCarryTheReasonForEachNamedCheck() {
        assertThat(StepArguments.overrides("Freeze, unchecked-criteria", " release manager agreed "))
                .containsExactly(new GateOverride("freeze", "release manager agreed"),
                        new GateOverride("unchecked-criteria", "release manager agreed"));
        assertThat(StepArguments.overrides("", null)).isEmpty();
    }

    @Test
    void anOverrideNeedsAReasonAndAKnownCheck() {
        assertThatThrownBy(() -> StepArguments.overrides("freeze", "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("freeze")
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> StepArguments.overrides("ci", "because"))
                .hasMessageContaining("override 'ci'")
                .hasMessageContaining("freeze or unchecked-criteria");
    }
}
