package io.jenkins.plugins.upstreampr.github;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one effort against GitHub (opening the upstream pull request, a gate's submission, a command) has retried so
 * far: every wait with its reason, how many times the pull request's POST was sent and whether one of them may have
 * taken effect unseen. The {@link RetryRule} bounds an effort by this record (waits in all, attempts), and
 * {@link UpstreamPullRequests} keeps its one rule with it: the POST is never sent again without a read in between
 * that showed no pull request.
 *
 * <p>Immutable, small and {@link Serializable} with plain fields only, so that a front end that does not block (a
 * Jenkins step between two timer ticks) keeps it across a controller restart and hands it back to the next attempt.
 * A progress read back from its serialized form {@linkplain #cameBack() came back}: the engine then reads before it
 * writes, since a POST sent just before the restart may not be in it.
 */
public final class RetryProgress implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long startedAtMillis;
    private final int postsSent;
    private final boolean postUncertain;
    private final ArrayList<Retry> retries;
    /** True in the process that made this progress; false (the default) once read back from disk. */
    private final transient boolean live;

    private RetryProgress(long startedAtMillis, int postsSent, boolean postUncertain, List<Retry> retries) {
        this.startedAtMillis = startedAtMillis;
        this.postsSent = postsSent;
        this.postUncertain = postUncertain;
        this.retries = new ArrayList<>(retries);
        this.live = true;
    }

    /** An effort that starts at {@code now}: nothing retried, nothing sent. */
    public static RetryProgress start(Instant now) {
        return new RetryProgress(now.toEpochMilli(), 0, false, List.of());
    }

    /** When the effort started. */
    public Instant startedAt() {
        return Instant.ofEpochMilli(startedAtMillis);
    }

    /** Every retry so far, oldest first. */
    public List<Retry> retries() {
        return List.copyOf(retries);
    }

    /** The waits so far added up: what the effort's bound ({@link RetryRule#maxWait()}) is measured against. */
    public Duration waited() {
        return Duration.ofMillis(retries.stream().mapToLong(r -> r.waitMillis).sum());
    }

    /** How many retries followed a 5xx answer or no answer (rate-limit waits not counted). */
    public int transientRetries() {
        return (int) retries.stream().filter(r -> !r.rateLimit).count();
    }

    /** How many times the upstream pull request's POST was sent in this effort. */
    public int postsSent() {
        return postsSent;
    }

    /** Whether a POST got no clear answer (5xx, timeout, dropped connection): it may have opened the pull request. */
    public boolean postMayHaveTakenEffect() {
        return postUncertain;
    }

    /** Whether this progress was read back from its serialized form (after a restart), not made in this process. */
    public boolean cameBack() {
        return !live;
    }

    RetryProgress after(Retry retry) {
        List<Retry> all = new ArrayList<>(retries);
        all.add(retry);
        return new RetryProgress(startedAtMillis, postsSent, postUncertain, all);
    }

    RetryProgress posted() {
        return new RetryProgress(startedAtMillis, postsSent + 1, postUncertain, retries);
    }

    RetryProgress postUnanswered() {
        return new RetryProgress(startedAtMillis, postsSent, true, retries);
    }

    @Override
    public String toString() {
        return "RetryProgress[" + retries.size() + " retries, waited " + waited().toSeconds() + " s, " + postsSent
                + " POSTs" + (postUncertain ? ", one may have taken effect" : "") + "]";
    }

    /**
     * One retry: what was being done, why it is tried again and after how long.
     */
    public static final class Retry implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String what;
        private final String reason;
        private final long waitMillis;
        private final boolean rateLimit;

        Retry(String what, String reason, Duration wait, boolean rateLimit) {
            this.what = Objects.requireNonNull(what, "what");
            this.reason = Objects.requireNonNull(reason, "reason");
            this.waitMillis = wait.toMillis();
            this.rateLimit = rateLimit;
        }

        /** The operation in words ("opening a pull request from o:b into u/r:main"). */
        public String what() {
            return what;
        }

        /** Why: "HTTP 502", "no answer (HttpTimeoutException)", "secondary rate limit, Retry-After 30 s", ... */
        public String reason() {
            return reason;
        }

        /** How long it waits before trying again. */
        public Duration waitBefore() {
            return Duration.ofMillis(waitMillis);
        }

        /** Whether it waits for a rate limit (else for a 5xx answer or no answer). */
        public boolean rateLimit() {
            return rateLimit;
        }

        /** One line for a person: "GitHub answered HTTP 502 while X; trying again in 2 s". */
        public String describe() {
            return "GitHub: " + reason + " while " + what + "; trying again in " + seconds(waitBefore());
        }

        static String seconds(Duration d) {
            long millis = d.toMillis();
            return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s",
                    millis / 1000.0);
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
