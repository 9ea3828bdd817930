package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.github.PullRequestState;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How long and how often to look at the upstream pull request, and what ends the watch.
 *
 * <p>Polling backs off while nothing changes: the first wait is {@code firstInterval}, each look without a change
 * doubles it up to {@code maxInterval}, and any change brings it back to {@code firstInterval} (see
 * {@link #nextInterval}). Looks are conditional requests, so an unchanged look costs no rate limit; the back-off
 * spares the network and GitHub's secondary limits.
 *
 * @param until what ends the watch (besides the pull request being merged or closed, which always does)
 * @param timeout how long to watch before giving up; null for no limit
 * @param firstInterval the wait after a look that saw a change
 * @param maxInterval the longest wait between two looks
 */
public record WatchPolicy(Until until, Duration timeout, Duration firstInterval, Duration maxInterval) {

    /** What the watch waits for. */
    public enum Until {
        /** Merged (reached) or closed without merge (ends, not reached). */
        MERGED,
        /** Closed, merged or not (both reached). */
        CLOSED,
        /**
         * A reviewer submits a review after the watch started (reached); merged also counts as reached, closed
         * without merge ends the watch without.
         */
        REVIEW;

        /** Lower-case name, as on the command line. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses {@code merged}, {@code closed} or {@code review}.
         *
         * @throws IllegalArgumentException naming the input and the choices
         */
        public static Until parse(String text) {
            for (Until u : values()) {
                if (u.json().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return u;
                }
            }
            throw new IllegalArgumentException("Invalid --until '" + text + "': expected merged, closed or review");
        }
    }

    public WatchPolicy {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(firstInterval, "firstInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("The watch timeout must not be negative, was " + timeout);
        }
        if (firstInterval.isNegative() || firstInterval.isZero() || maxInterval.compareTo(firstInterval) < 0) {
            throw new IllegalArgumentException("Polling intervals must satisfy 0 < first (" + firstInterval
                    + ") <= max (" + maxInterval + ")");
        }
    }

    /** Waits for {@code until} with no time limit, looking every 30 s while things change, at most every 10 min. */
    public static WatchPolicy defaults(Until until) {
        return new WatchPolicy(until, null, Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    /** A copy with another time limit (null for none). */
    public WatchPolicy withTimeout(Duration limit) {
        return new WatchPolicy(until, limit, firstInterval, maxInterval);
    }

    /** The wait before the next look: back to {@code firstInterval} after a change, else twice {@code current}, bounded. */
    public Duration nextInterval(Duration current, boolean changed) {
        if (changed || current == null) {
            return firstInterval;
        }
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(maxInterval) > 0 ? maxInterval : doubled;
    }

    /**
     * Whether {@code look} ends the watch, and how. A first look can end it only by a merged or closed pull request
     * (a review counts only when submitted after the watch started, i.e. seen as new by a later look).
     */
    public Optional<WatchOutcome.Result> resultOf(LookResult look) {
        PullRequestState state = look.snapshot().state();
        if (state == PullRequestState.MERGED) {
            return Optional.of(WatchOutcome.Result.MERGED);
        }
        if (state == PullRequestState.CLOSED) {
            return Optional.of(WatchOutcome.Result.CLOSED_UNMERGED);
        }
        if (until == Until.REVIEW && look.has(WatchEvent.Kind.NEW_REVIEW)) {
            return Optional.of(WatchOutcome.Result.REVIEWED);
        }
        return Optional.empty();
    }
}
