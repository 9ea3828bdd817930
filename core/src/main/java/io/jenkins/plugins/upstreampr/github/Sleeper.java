package io.jenkins.plugins.upstreampr.github;

import java.time.Duration;

/** How this package waits (backoff, rate-limit resets, polling); replaceable so tests and benchmarks need not. */
@FunctionalInterface
public interface Sleeper {

    /** Waits with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
