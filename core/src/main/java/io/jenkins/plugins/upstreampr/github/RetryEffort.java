package io.jenkins.plugins.upstreampr.github;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * How a session's calls are tried again, and the one place that acts on the {@link RetryRule}'s decision: it records
 * the retry in the effort's {@link RetryProgress}, then waits for it with the sleeper (telling the listener first) or,
 * when the effort does not block, throws {@link RetryLater} (the role github-api's rate-limit and abuse-limit
 * handlers have when they wait or give up for {@code GitHubClient}). The send loop ({@link SendLoop}, reads) and
 * {@link UpstreamPullRequests} (the pull request's POST) both go through {@link #retryOrThrow}.
 *
 * <p>Either one effort (a session {@linkplain GitHubSession#retrying made for one}: its calls share one progress,
 * copies made from it with another rule, time or listener share it too) or a template whose every call is an effort
 * of its own, started by {@link #forCall()}. Thread-safe: a retry is decided and recorded in one atomic step.
 */
final class RetryEffort {

    private final RetryRule rule;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Consumer<RetryProgress.Retry> onRetry;
    /** The effort's progress so far; null: a template, each call starts an effort of its own. */
    private final AtomicReference<RetryProgress> progress;
    private final boolean blocking;

    private RetryEffort(RetryRule rule, Sleeper sleeper, Clock clock, Consumer<RetryProgress.Retry> onRetry,
            AtomicReference<RetryProgress> progress, boolean blocking) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onRetry = Objects.requireNonNull(onRetry, "listener");
        this.progress = progress;
        this.blocking = blocking;
    }

    /** A template: {@link RetryRule#defaults()}, the system's sleeper and clock, no listener. */
    static RetryEffort defaults() {
        return new RetryEffort(RetryRule.defaults(), Sleeper.SYSTEM, Clock.systemUTC(), retry -> { }, null, true);
    }

    RetryEffort withRule(RetryRule rule) {
        return new RetryEffort(rule, sleeper, clock, onRetry, progress, blocking);
    }

    RetryEffort withTime(Sleeper sleeper, Clock clock) {
        return new RetryEffort(rule, sleeper, clock, onRetry, progress, blocking);
    }

    RetryEffort onRetry(Consumer<RetryProgress.Retry> listener) {
        return new RetryEffort(rule, sleeper, clock, listener, progress, blocking);
    }

    /** One effort going on from {@code progress}, waiting (blocking) or throwing {@link RetryLater}. */
    RetryEffort goingOnFrom(RetryProgress progress, boolean blocking) {
        return new RetryEffort(rule, sleeper, clock, onRetry,
                new AtomicReference<>(Objects.requireNonNull(progress, "progress")), blocking);
    }

    /** This effort, or for a template a blocking effort of one call starting now. */
    RetryEffort forCall() {
        return progress != null ? this : goingOnFrom(RetryProgress.start(clock.instant()), true);
    }

    /** Whether this is one effort (not a template). */
    boolean isEffort() {
        return progress != null;
    }

    RetryRule rule() {
        return rule;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Clock clock() {
        return clock;
    }

    /** The effort's progress, or empty for a template. */
    Optional<RetryProgress> progress() {
        return progress == null ? Optional.empty() : Optional.of(progress.get());
    }

    /** Records in this effort that the pull request's POST is about to be sent. */
    void recordPost() {
        progress.updateAndGet(RetryProgress::posted);
    }

    /** Records in this effort that a POST got no clear answer: it may have taken effect. */
    void recordPostUnanswered() {
        progress.updateAndGet(RetryProgress::postUnanswered);
    }

    /**
     * Asks the rule whether {@code failure} of {@code what} is tried again: returns after waiting for it (blocking),
     * throws {@link RetryLater} (not blocking) or throws {@code failure} when it is not retried. On a template, the
     * call is an effort of its own.
     */
    void retryOrThrow(String what, GitHubException failure) {
        RetryEffort in = forCall();
        // decided and recorded as one step: parallel reads of one effort (ParallelReads) failing at once must not
        // both be allowed from the same progress, or the attempt and wait bounds would be overshot
        RetryProgress before;
        RetryProgress now;
        Optional<RetryProgress.Retry> retry;
        do {
            before = in.progress.get();
            retry = rule.decide(what, failure, before, clock.instant());
            if (retry.isEmpty()) {
                throw failure;
            }
            now = before.after(retry.get());
        } while (!in.progress.compareAndSet(before, now));
        if (!in.blocking) {
            throw new RetryLater(retry.get(), now);
        }
        onRetry.accept(retry.get());
        pause(retry.get().waitBefore(), what);
    }

    /**
     * Waits {@code duration} with the sleeper, in any mode: for a retry, and for the brief waits right after the pull
     * request was opened (GitHub's lists and follow-up calls catching up), which cannot be put off to a later attempt
     * without losing what was just opened. An interruption becomes a GitHubException.
     */
    void pause(Duration duration, String what) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GitHubFailures.interruption("Interrupted while waiting to retry " + what + ".", e);
        }
    }
}
