package io.jenkins.plugins.upstreampr.jenkins.params;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a step waits for a pending staging CI and when it looks again. The step does not sleep: it schedules
 * its next look after {@link #delayBefore(int, Instant, Instant)} and stores the {@link #deadline(Instant)} so that the
 * wait survives a controller restart.
 *
 * <p>Delays start at {@link #FIRST_DELAY} and double up to {@link #MAX_DELAY}; the last look is at the deadline.
 * Unchanged looks cost no rate limit (the engine uses conditional requests), so the cap stays short.
 *
 * @param timeout how long to wait in all; zero means "do not wait": a pending verdict fails at once
 */
public record PendingWait(Duration timeout) {

    /** Delay before the second look. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(15);
    /** Longest delay between two looks. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(2);
    /** Longest wait accepted: a day. A staging CI that needs longer is better awaited by a new build. */
    public static final int MAX_MINUTES = 24 * 60;

    public PendingWait {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or more");
        }
    }

    /**
     * The wait for the step argument {@code waitMinutes}.
     *
     * @throws IllegalArgumentException naming the argument and the accepted range
     */
    public static PendingWait ofMinutes(int minutes) {
        if (minutes < 0 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("waitMinutes is " + minutes + ": use 0 (fail at once while staging CI"
                    + " is pending) up to " + MAX_MINUTES + " (a day)");
        }
        return new PendingWait(Duration.ofMinutes(minutes));
    }

    /** When the wait ends, for a wait that started at {@code start}. */
    public Instant deadline(Instant start) {
        return start.plus(timeout);
    }

    /**
     * The delay before look number {@code look + 1}, where look 0 was the first one; never past the deadline.
     *
     * @return the delay, or {@link Duration#ZERO} when the deadline has passed (no further look)
     */
    public Duration delayBefore(int look, Instant now, Instant deadline) {
        Duration left = Duration.between(now, deadline);
        if (left.isNegative() || left.isZero()) {
            return Duration.ZERO;
        }
        Duration backoff = FIRST_DELAY.multipliedBy(1L << Math.min(Math.max(look, 0), 16));
        Duration delay = backoff.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : backoff;
        return delay.compareTo(left) > 0 ? left : delay;
    }
}
