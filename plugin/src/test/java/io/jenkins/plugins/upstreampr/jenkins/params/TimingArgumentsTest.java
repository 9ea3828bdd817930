package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.github.FreezeWindow;
import io.jenkins.plugins.upstreampr.github.TimingPolicy;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimingArgumentsTest {

    private static final String STEP = "upstreamPullRequestPreflight";

    @Test
    void blankArgumentsReadNothingUpstream() {
        TimingPolicy policy = new TimingArguments(" ", "  ", "", 0).toPolicy(STEP);

        assertThat(policy.freezes()).isEmpty();
        assertThat(policy.freezeFile()).isNull();
        assertThat(policy.freezeLabel()).isNull();
        assertThat(policy.readsUpstream()).isFalse();
        assertThat(TimingArguments.none().toPolicy(STEP)).isEqualTo(TimingPolicy.none());
    }

    @Test
    void everyKindOfFreezeReachesOnePolicy() {
        TimingPolicy policy = new TimingArguments("2026-12-20..2027-01-06:holiday freeze\r\n\n2027-03-01..2027-03-02",
                ".github/FREEZE", "release-freeze", 14).toPolicy(STEP);

        assertThat(policy.freezes()).extracting(FreezeWindow::from)
                .containsExactly(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 3, 1));
        assertThat(policy.freezeFile()).isEqualTo(".github/FREEZE");
        assertThat(policy.freezeLabel()).isEqualTo("release-freeze");
        assertThat(policy.milestoneDays()).isEqualTo(14);
    }

    @Test
    void aFreezeFileOutsideTheRepositoryIsRefusedNamingTheArgument() {
        assertThatThrownBy(() -> new TimingArguments("", "../FREEZE", "", 0).toPolicy(STEP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(STEP + ": freezeFile: Invalid freeze file '../FREEZE'")
                .hasMessageContaining(".github/FREEZE");
        assertThatThrownBy(() -> new TimingArguments("", "/etc/FREEZE", "", 0).toPolicy(STEP))
                .hasMessageStartingWith(STEP + ": freezeFile: ");
    }

    @Test
    void aFreezeLabelListIsRefusedNamingTheArgument() {
        assertThatThrownBy(() -> new TimingArguments("", "", "freeze,release", 0).toPolicy(STEP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(STEP + ": freezeLabel: Invalid freeze label 'freeze,release'")
                .hasMessageContaining("one label name");
    }

    @Test
    void aMalformedWindowOrNegativeLookAheadIsNamed() {
        assertThatThrownBy(() -> new TimingArguments("2026-12-20", "", "", 0).toPolicy(STEP))
                .hasMessageStartingWith(STEP + ": freezes '2026-12-20': ")
                .hasMessageContaining("FROM..TO[:REASON]");
        assertThatThrownBy(() -> new TimingArguments("", "", "", -1).toPolicy(STEP))
                .hasMessageStartingWith(STEP + ": milestoneDays: ");
    }
}
