package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingWaitTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void acceptsZeroUpToADayOfMinutes() {
        assertThat(PendingWait.ofMinutes(0).timeout()).isZero();
        assertThat(PendingWait.ofMinutes(1440).timeout()).isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> PendingWait.ofMinutes(-1)).hasMessageContaining("waitMinutes is -1");
        assertThatThrownBy(() -> PendingWait.ofMinutes(1441)).hasMessageContaining("waitMinutes is 1441");
    }

    @Test
    void theDeadlineIsAnAbsoluteTimeThatARestartedStepCanReuse() {
        assertThat(PendingWait.ofMinutes(30).deadline(START)).isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
    }

    @Test
    void delaysDoubleFromFifteenSecondsUpToTwoMinutes() {
        PendingWait wait = PendingWait.ofMinutes(60);
        Instant deadline = wait.deadline(START);

        assertThat(wait.delayBefore(0, START, deadline)).isEqualTo(Duration.ofSeconds(15));
        assertThat(wait.delayBefore(1, START, deadline)).isEqualTo(Duration.ofSeconds(30));
        assertThat(wait.delayBefore(2, START, deadline)).isEqualTo(Duration.ofSeconds(60));
        assertThat(wait.delayBefore(3, START, deadline)).isEqualTo(Duration.ofMinutes(2));
        assertThat(wait.delayBefore(40, START, deadline)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theLastLookIsAtTheDeadlineAndNoneAfterIt() {
        PendingWait wait = PendingWait.ofMinutes(10);
        Instant deadline = wait.deadline(START);

        assertThat(wait.delayBefore(5, deadline.minusSeconds(20), deadline)).isEqualTo(Duration.ofSeconds(20));
        assertThat(wait.delayBefore(5, deadline, deadline)).isZero();
        assertThat(wait.delayBefore(0, deadline.plusSeconds(1), deadline)).isZero();
        assertThat(PendingWait.ofMinutes(0).delayBefore(0, START, START)).isZero();
    }
}
