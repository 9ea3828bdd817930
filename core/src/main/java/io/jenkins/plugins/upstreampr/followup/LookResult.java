package io.jenkins.plugins.upstreampr.followup;

import java.util.List;
import java.util.Objects;

/**
 * What one look at the upstream pull request returns: its snapshot and the changes since the previous look.
 * A poller (the CLI loop, or a Jenkins step woken by a timer) keeps {@link #snapshot()} and hands it to the next
 * {@link UpstreamPullRequestWatch#look(PullRequestSnapshot)}.
 *
 * @param snapshot what was seen
 * @param events the changes since the previous look, in the order of {@link WatchEvent.Kind}; a first look has a
 *        {@link WatchEvent.Kind#FIRST_LOOK} event
 */
public record LookResult(PullRequestSnapshot snapshot, List<WatchEvent> events) {

    public LookResult {
        Objects.requireNonNull(snapshot, "snapshot");
        events = List.copyOf(events);
    }

    /** Whether anything changed (a first look counts as a change). */
    public boolean changed() {
        return !events.isEmpty();
    }

    /** Whether an event of {@code kind} is among {@link #events()}. */
    public boolean has(WatchEvent.Kind kind) {
        return events.stream().anyMatch(e -> e.kind() == kind);
    }
}
