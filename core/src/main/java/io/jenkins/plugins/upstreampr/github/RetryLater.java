package io.jenkins.plugins.upstreampr.github;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown, instead of waiting, by an effort that does not block ({@link GitHubSession#retrying(RetryProgress,
 * boolean)} with {@code blocking} false): GitHub asked for patience and the {@link RetryRule} allows it. Nothing is
 * waiting in a thread; the caller schedules the same call again after {@link #waitBefore()}, passing
 * {@link #progress()} (which already holds this retry), and logs {@link #getMessage()}.
 *
 * <p>Its message names the operation, the reason and the wait; never a header or a token.
 */
public final class RetryLater extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RetryProgress.Retry retry;
    private final RetryProgress progress;

    RetryLater(RetryProgress.Retry retry, RetryProgress progress) {
        super(retry.describe() + " (retry " + progress.retries().size() + ", "
                + RetryProgress.Retry.seconds(progress.waited()) + " waited in all)", null, false, false);
        this.retry = Objects.requireNonNull(retry, "retry");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** How long to wait before the next attempt. */
    public Duration waitBefore() {
        return retry.waitBefore();
    }

    /** Why GitHub is tried again ("HTTP 502", "rate limit (HTTP 429), resets at ..."). */
    public String reason() {
        return retry.reason();
    }

    /** This retry. */
    public RetryProgress.Retry retry() {
        return retry;
    }

    /** The effort's progress including this retry: keep it and pass it to the next attempt. */
    public RetryProgress progress() {
        return progress;
    }
}
