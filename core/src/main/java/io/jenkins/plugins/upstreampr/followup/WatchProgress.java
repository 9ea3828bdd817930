package io.jenkins.plugins.upstreampr.followup;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a watch stands between two turns, which a poller that keeps no thread waiting holds (and a Jenkins step saves):
 * the {@link SeenPullRequest} of the last look, the current polling interval (see {@link WatchPolicy#nextInterval})
 * and the deadline. It is {@link Serializable} and small, so a Jenkins step can keep it across a controller restart
 * and go on with {@link UpstreamPullRequestWatch#turn(WatchPolicy, WatchProgress)} where it stopped.
 *
 * <p>The last full {@link PullRequestSnapshot} is kept too, in memory only (it is not serializable): after a restart
 * the next look is compared with the {@link SeenPullRequest}, which reports the same changes. Immutable: each turn
 * returns the next progress.
 */
public final class WatchProgress implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SeenPullRequest seen;
    private final long intervalMillis;
    private final boolean bounded;
    private final long deadlineMillis;
    private final transient PullRequestSnapshot last;

    private WatchProgress(SeenPullRequest seen, long intervalMillis, boolean bounded, long deadlineMillis,
            PullRequestSnapshot last) {
        this.seen = seen;
        this.intervalMillis = intervalMillis;
        this.bounded = bounded;
        this.deadlineMillis = deadlineMillis;
        this.last = last;
    }

    /** A watch under {@code policy} that starts at {@code now}: no look yet, the deadline {@code now + timeout}. */
    public static WatchProgress start(WatchPolicy policy, Instant now) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        return new WatchProgress(null, 0, policy.timeout() != null,
                policy.timeout() == null ? 0 : now.plus(policy.timeout()).toEpochMilli(), null);
    }

    /** After a look that saw {@code snapshot}, with the interval that follows it. */
    WatchProgress after(PullRequestSnapshot snapshot, Duration interval) {
        return new WatchProgress(SeenPullRequest.of(snapshot), interval.toMillis(), bounded, deadlineMillis, snapshot);
    }

    /** After a look that failed: the same seen pull request and snapshot, another interval. */
    WatchProgress failed(Duration interval) {
        return new WatchProgress(seen, interval.toMillis(), bounded, deadlineMillis, last);
    }

    /** Whether no look has been taken yet. */
    public boolean beforeFirstLook() {
        return seen == null;
    }

    /** What the last look saw, or null before the first look. */
    public SeenPullRequest seen() {
        return seen;
    }

    /** The interval after the last look (zero before the first look). */
    public Duration interval() {
        return Duration.ofMillis(intervalMillis);
    }

    /** When the watch gives up, if it has a time limit. */
    public Optional<Instant> deadline() {
        return bounded ? Optional.of(Instant.ofEpochMilli(deadlineMillis)) : Optional.empty();
    }

    /** The last look's full snapshot, when this progress was not read back from its serialized form; else null. */
    PullRequestSnapshot last() {
        return last;
    }

    @Override
    public String toString() {
        return "WatchProgress[" + (seen == null ? "no look yet" : seen) + ", interval " + interval()
                + deadline().map(d -> ", deadline " + d).orElse("") + "]";
    }
}
