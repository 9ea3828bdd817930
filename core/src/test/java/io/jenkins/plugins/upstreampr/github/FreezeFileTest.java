package io.jenkins.plugins.upstreampr.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Reading the text of a freeze file, and what a timing policy accepts as freeze file and label. */
class FreezeFileTest {

    private static final String NAME = "up/p:.github/FREEZE on main";

    @Test
    void windowLinesAreWindowsAndOtherLinesAreLeftToHumans() {
        FreezeFile file = FreezeFile.parse(NAME, "\uFEFFFreeze calendar\r\n2026-12-20..2027-01-06: holidays\r\n"
                + "  2026-06-01 .. 2026-06-03  \r\nsee the wiki\r\n");

        assertThat(file.standing()).isFalse();
        assertThat(file.windows()).containsExactly(FreezeWindow.parse("2026-12-20..2027-01-06:holidays"),
                FreezeWindow.parse("2026-06-01..2026-06-03"));
        assertThat(file.standingReason()).isEmpty();
        assertThat(file.windowsContaining(LocalDate.parse("2027-01-06"))).extracting(FreezeWindow::reason)
                .containsExactly("holidays");
        assertThat(file.windowsContaining(LocalDate.parse("2027-01-07"))).isEmpty();
    }

    @Test
    void withoutWindowLinesTheFileIsAStandingFreezeWithItsFirstNonEmptyLine() {
        FreezeFile file = FreezeFile.parse(NAME, "\n\n   Frozen until 2.0 ships... ask first.\nsecond line\n");

        assertThat(file.standing()).isTrue();
        assertThat(file.standingReason()).isEqualTo("Frozen until 2.0 ships... ask first.");
        assertThat(file.windowsContaining(LocalDate.parse("2026-03-10"))).isEmpty();
    }

    @Test
    void aLineThatStartsLikeADateButIsNoWindowIsAnErrorNamingFileAndLine() {
        assertThatThrownBy(() -> FreezeFile.parse(NAME, "ok\n2026-03-01 to 2026-03-05\n"))
                .hasMessageContaining("Freeze file " + NAME + ", line 2: '2026-03-01 to 2026-03-05'")
                .hasMessageContaining("expected YYYY-MM-DD..YYYY-MM-DD[: reason]");
        assertThatThrownBy(() -> FreezeFile.parse(NAME, "03/01/2026..03/05/2026\n"))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> FreezeFile.parse(NAME, "2026-03-05..2026-03-01: backwards\n"))
                .hasMessageContaining("line 1");
    }

    @Test
    void aPolicyTakesARelativeFilePathAndOneLabelName() {
        TimingPolicy policy = TimingPolicy.none().withFreezeFile(" .github/FREEZE ").withFreezeLabel(" freeze ");

        assertThat(policy.freezeFile()).isEqualTo(".github/FREEZE");
        assertThat(policy.freezeLabel()).isEqualTo("freeze");
        assertThat(policy.readsUpstream()).isTrue();
        assertThat(TimingPolicy.none().readsUpstream()).isFalse();
        assertThat(TimingPolicy.none().withFreezeFile(" ").freezeFile()).isNull();
        for (String bad : new String[] {"/etc/passwd", "a/../b", "a//b", "dir/", "a\\b"}) {
            assertThatThrownBy(() -> TimingPolicy.none().withFreezeFile(bad))
                    .hasMessageContaining("Invalid freeze file").hasMessageContaining(".github/FREEZE");
        }
        assertThatThrownBy(() -> TimingPolicy.none().withFreezeLabel("freeze,release"))
                .hasMessageContaining("Invalid freeze label 'freeze,release'");
    }
}
