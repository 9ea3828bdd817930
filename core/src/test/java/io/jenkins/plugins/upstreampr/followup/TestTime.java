package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.github.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Time for tests that never sleeps: a clock that only moves when the sleeper is asked to wait, a record of every
 * requested wait, and a hook run after each wait (where a test changes the GitHub stand-in, as if time had passed).
 */
public final class TestTime extends Clock implements Sleeper {

    private final AtomicReference<Instant> now;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> afterSleeps = Collections.synchronizedList(new ArrayList<>());

    public TestTime(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Runs {@code change} after the next wait not yet claimed (the n-th call claims the n-th wait). */
    public TestTime then(Runnable change) {
        afterSleeps.add(change);
        return this;
    }

    /** Every wait requested, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Waits {@code duration}; a wait of nothing is no time passing: it is not recorded and claims no change. */
    @Override
    public void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        int index = sleeps.size();
        sleeps.add(duration);
        now.updateAndGet(t -> t.plus(duration));
        if (index < afterSleeps.size()) {
            afterSleeps.get(index).run();
        }
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
