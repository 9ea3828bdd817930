package io.jenkins.plugins.upstreampr.github;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The one decision whether a failed GitHub call is tried again, and after how long, taken on the failure's
 * {@link GitHubException.Kind} ({@link GitHubFailures} classifies); the session's send loop (reads) and
 * {@link UpstreamPullRequests} (the write) both ask it through {@link RetryEffort}, which records, waits or throws
 * {@link RetryLater}, in a front end that blocks and in one that does not.
 *
 * <ul>
 *   <li>A 5xx answer or no answer (timeout, refused or dropped connection) is retried while attempts remain
 *       ({@link RetryPolicy#maxAttempts()}, counted over the whole effort), after {@link RetryPolicy#backoffAfter};
 *       an interruption (abort) is never retried.</li>
 *   <li>A rate limit (primary: {@code X-RateLimit-Remaining: 0}, until {@code X-RateLimit-Reset}; secondary: 403 or
 *       429 with {@code Retry-After}, or GitHub's documented message, a minute when it says no time) is waited out
 *       until the reset plus one second (the reset is given in whole seconds).</li>
 *   <li>Every wait must fit in {@link #maxWait()}, counting the waits already made in the effort
 *       ({@link RetryProgress#waited()}); one that does not fails at once, and a rate-limit failure names its reset
 *       time.</li>
 * </ul>
 *
 * @param backoff attempts and backoff for 5xx and no answer
 * @param maxWait the longest all waits of one effort may add up to
 */
public record RetryRule(RetryPolicy backoff, Duration maxWait) {

    /** What {@link #terminal()} waits at most in all: 2 minutes. */
    public static final Duration TERMINAL_MAX_WAIT = Duration.ofMinutes(2);
    /** What {@link #afterDecision()} waits at most in all: 30 minutes. */
    public static final Duration AFTER_DECISION_MAX_WAIT = Duration.ofMinutes(30);

    public RetryRule {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
    }

    /**
     * A session's default: {@link RetryPolicy#defaults()} (4 attempts, 0.5, 1 and 2 s apart) and 10 s in all, so a
     * short secondary rate limit is waited out and a longer one fails at once with its reset time.
     */
    public static RetryRule defaults() {
        return new RetryRule(RetryPolicy.defaults(), Duration.ofSeconds(10));
    }

    /** For a person at a terminal: the default attempts, and waits of up to {@link #TERMINAL_MAX_WAIT} in all. */
    public static RetryRule terminal() {
        return defaults().withMaxWait(TERMINAL_MAX_WAIT);
    }

    /**
     * After a person decided, where nothing holds a thread while waiting (the Jenkins steps): 10 attempts, 5 s apart
     * doubling up to 5 minutes, and waits of up to {@link #AFTER_DECISION_MAX_WAIT} in all, so that an incident of
     * GitHub's or a rate limit does not throw the decision away.
     */
    public static RetryRule afterDecision() {
        return new RetryRule(new RetryPolicy(10, Duration.ofSeconds(5), Duration.ofMinutes(5)),
                AFTER_DECISION_MAX_WAIT);
    }

    /** This rule with another bound for the waits in all. */
    public RetryRule withMaxWait(Duration maxWait) {
        return new RetryRule(backoff, maxWait);
    }

    /** This rule with other attempts and backoff. */
    public RetryRule withBackoff(RetryPolicy backoff) {
        return new RetryRule(backoff, maxWait);
    }

    /**
     * Whether {@code failure} of {@code what} is tried again, given what the effort did so far.
     *
     * @return the retry (reason and wait), or empty to fail with {@code failure} now
     */
    public Optional<RetryProgress.Retry> decide(String what, GitHubException failure, RetryProgress progress,
            Instant now) {
        Duration wait;
        String reason;
        boolean rateLimit = false;
        switch (failure.kind()) {
            case RATE_LIMITED -> {
                Instant reset = failure.rateLimitReset().orElse(now.plusSeconds(60));
                Duration untilReset = Duration.between(now, reset);
                long seconds = untilReset.isNegative() ? 0
                        : untilReset.getSeconds() + (untilReset.getNano() > 0 ? 1 : 0);
                wait = Duration.ofSeconds(seconds + 1);
                reason = "rate limit (HTTP " + failure.status() + "), resets at " + reset.truncatedTo(ChronoUnit.SECONDS);
                rateLimit = true;
            }
            case SERVER_ERROR, UNREACHABLE -> {
                if (GitHubFailures.interrupted(failure)) {
                    return Optional.empty();
                }
                int failures = progress.transientRetries() + 1;
                if (failures >= backoff.maxAttempts()) {
                    return Optional.empty();
                }
                wait = backoff.backoffAfter(failures);
                reason = failure.kind() == GitHubException.Kind.SERVER_ERROR ? "HTTP " + failure.status()
                        : "no answer (" + (failure.getCause() == null ? "connection failed"
                                : failure.getCause().getClass().getSimpleName()) + ")";
            }
            default -> {
                return Optional.empty();
            }
        }
        if (progress.waited().plus(wait).compareTo(maxWait) > 0) {
            return Optional.empty();
        }
        return Optional.of(new RetryProgress.Retry(what, reason, wait, rateLimit));
    }
}
