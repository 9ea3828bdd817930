package io.jenkins.plugins.upstreampr.followup;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one turn of a watch ({@link UpstreamPullRequestWatch#turn}) returns: the changes its look saw, the next
 * {@link WatchProgress}, and either how the watch ended or how long to wait before the next turn.
 *
 * @param events the changes seen, in order (a failed look: {@link WatchEvent.Kind#LOOK_FAILED}; time ran out:
 *        {@link WatchEvent.Kind#TIMED_OUT} last)
 * @param progress where the watch stands now; hand it to the next turn
 * @param outcome how the watch ended, or null when it goes on
 * @param delay how long to wait before the next turn, or null when it ended
 */
public record TurnResult(List<WatchEvent> events, WatchProgress progress, WatchOutcome outcome, Duration delay) {

    public TurnResult {
        events = List.copyOf(events);
        Objects.requireNonNull(progress, "progress");
        if ((outcome == null) == (delay == null)) {
            throw new IllegalArgumentException("a turn either ends the watch or says how long to wait");
        }
    }

    /** How the watch ended, if this turn ended it. */
    public Optional<WatchOutcome> ended() {
        return Optional.ofNullable(outcome);
    }
}
