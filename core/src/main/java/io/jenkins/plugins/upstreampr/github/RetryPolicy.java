package io.jenkins.plugins.upstreampr.github;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a read is repeated after a 5xx answer or no answer at all: at most
 * {@code maxAttempts} attempts, waiting {@code initialBackoff}, then twice as long each time, never more than
 * {@code maxBackoff}. Writes are never repeated blindly (see {@link UpstreamPullRequests}).
 *
 * @param maxAttempts total attempts, at least 1
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff upper bound of any single wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** 4 attempts, 0.5 s, 1 s, 2 s apart (8 s at most). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /** The wait before attempt {@code attempt + 1}, for {@code attempt >= 1}. */
    public Duration backoffAfter(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
