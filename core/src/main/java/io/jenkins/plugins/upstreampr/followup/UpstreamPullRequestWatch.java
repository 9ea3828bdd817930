package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.github.GitHubException;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.ParallelReads;
import io.jenkins.plugins.upstreampr.github.PullRequest;
import io.jenkins.plugins.upstreampr.github.PullRequestComment;
import io.jenkins.plugins.upstreampr.github.PullRequestReads;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.PullRequestState;
import io.jenkins.plugins.upstreampr.github.Review;
import io.jenkins.plugins.upstreampr.github.StagingCheck;
import io.jenkins.plugins.upstreampr.github.StagingPolicy;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Follows an upstream pull request after submission: its state, review decision, head and the CI on it, new
 * comments, and (when a staging pull request is given) whether the staging CI passed on that same head.
 *
 * <p>One {@link #look(PullRequestSnapshot) look} is, in parallel: the pull request, its reviews, its inline
 * comments and its conversation comments (every page), and the staging pull request's verdict
 * ({@link StagingCheck#check}); then the upstream CI on the head ({@link StagingCheck#checkRef}, every reported check
 * decides). That is 2 sequential round trips, 6 requests (9 with a staging pull request), one more
 * ({@code GET /issues/{n}}, for who closed it) when the pull request is found closed. Every read is a conditional
 * request through the session, so a look at an unchanged pull request is answered with 304s and costs no rate
 * limit. A {@link #turn} after a look in the same process reads the reviews and comments only when the pull
 * request's {@code updated_at} moved: an unchanged turn is 3 requests (6 with a staging pull request), which is
 * what a controller following hundreds of pull requests sends over and over (bench/watch-scale).
 *
 * <p>{@link #watch} repeats looks with the policy's back-off, waiting with the session's
 * {@link GitHubSession#sleeper() sleeper} and reading its {@link GitHubSession#clock() clock}, until the pull
 * request is merged or closed, the awaited review arrives, or time runs out. A poller that must not hold a thread
 * (a Jenkins step) calls {@link #turn} from a timer instead, with the same rules, and keeps the small serializable
 * {@link WatchProgress} between turns, so that it goes on after a restart.
 *
 * <p>The reads themselves (paths, GitHub's answers parsed) are {@link PullRequestReads}'; whoever only needs to know
 * how the pull request ended (the archive after the merge) calls {@link PullRequestReads#ending()} instead of a look.
 */
public final class UpstreamPullRequestWatch {

    private final GitHubSession session;
    private final StagingCheck checks;
    private final PullRequestRef upstream;
    private final PullRequestReads upstreamReads;
    private final PullRequestRef staging;
    private final StagingPolicy stagingPolicy;

    /**
     * @param session the GitHub session (its sleeper and clock are the watch's)
     * @param upstream the upstream pull request
     * @param staging the staging pull request inside the fork whose CI must pass on the upstream head; null to
     *        follow the upstream pull request alone
     * @param stagingPolicy which staging checks decide (as for the gate's preflight)
     */
    public UpstreamPullRequestWatch(GitHubSession session, PullRequestRef upstream, PullRequestRef staging,
            StagingPolicy stagingPolicy) {
        this.session = Objects.requireNonNull(session, "session");
        this.checks = new StagingCheck(session);
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.upstreamReads = new PullRequestReads(session, upstream);
        this.staging = staging;
        this.stagingPolicy = Objects.requireNonNull(stagingPolicy, "stagingPolicy");
    }

    /** The upstream pull request followed. */
    public PullRequestRef upstream() {
        return upstream;
    }

    /** The staging pull request followed, or null. */
    public PullRequestRef staging() {
        return staging;
    }

    // ---------------------------------------------------------------- the loop

    /**
     * Looks, then looks again after each wait, reporting every change to {@code listener} as it is seen, until the
     * pull request is merged or closed, {@code policy.until()} is reached, or {@code policy.timeout()} has passed
     * (then a {@link WatchEvent.Kind#TIMED_OUT} event is reported). A look that fails for a passing reason (GitHub
     * down, rate limited, no answer, after the session's own retries) is reported as
     * {@link WatchEvent.Kind#LOOK_FAILED} and retried after the next wait (a rate limit: after its reset, if that
     * comes before the timeout); other failures (credentials, not found) end the watch with the
     * {@link GitHubException}, as does a failing first look.
     *
     * @throws InterruptedException if the sleeper is interrupted
     */
    public WatchOutcome watch(WatchPolicy policy, Consumer<WatchEvent> listener) throws InterruptedException {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(listener, "listener");
        WatchProgress progress = WatchProgress.start(policy, session.clock().instant());
        while (true) {
            TurnResult turn = turn(policy, progress);
            turn.events().forEach(listener);
            if (turn.outcome() != null) {
                return turn.outcome();
            }
            session.sleeper().sleep(turn.delay());
            progress = turn.progress();
        }
    }

    /**
     * One turn of {@link #watch}, for a poller that keeps no thread waiting (a Jenkins step woken by a timer): one
     * look, compared with what {@code progress} remembers (its snapshot, or after a restart its
     * {@link SeenPullRequest}), then either the outcome or the wait before the next turn, backed off per
     * {@link WatchPolicy#nextInterval}. The rules are {@link #watch}'s: a failing first look, and any look failing
     * for a reason that is not passing, throw the {@link GitHubException}; a passing failure is a
     * {@link WatchEvent.Kind#LOOK_FAILED} event and the watch goes on (after a rate limit's reset, if that comes
     * first). When the deadline has passed, the turn ends the watch {@link WatchOutcome.Result#TIMED_OUT timed
     * out}; a look that fails then, with no snapshot in memory (after a restart), throws its exception instead,
     * there being nothing seen to report.
     *
     * @param policy the watch's policy (the same for every turn)
     * @param progress {@link WatchProgress#start} for the first turn, then the previous turn's
     *        {@link TurnResult#progress()}
     */
    public TurnResult turn(WatchPolicy policy, WatchProgress progress) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(progress, "progress");
        List<WatchEvent> events = new ArrayList<>();
        PullRequestSnapshot last;
        WatchProgress next;
        Duration interval;
        if (progress.beforeFirstLook()) {
            LookResult look = look((PullRequestSnapshot) null);
            events.addAll(look.events());
            last = look.snapshot();
            interval = policy.firstInterval();
            next = progress.after(last, interval);
            var result = policy.resultOf(look);
            if (result.isPresent()) {
                return new TurnResult(events, next, WatchOutcome.of(result.get(), policy.until(), last), null);
            }
        } else {
            try {
                LookResult look = progress.last() != null ? lookAgain(progress.last())
                        : lookAfter(progress.seen());
                events.addAll(look.events());
                last = look.snapshot();
                interval = policy.nextInterval(progress.interval(), look.changed());
                next = progress.after(last, interval);
                var result = policy.resultOf(look);
                if (result.isPresent()) {
                    return new TurnResult(events, next, WatchOutcome.of(result.get(), policy.until(), last), null);
                }
            } catch (GitHubException e) {
                if (!passing(e) || progress.last() == null && timedOut(progress)) {
                    throw e;
                }
                last = progress.last();
                events.add(new WatchEvent(WatchEvent.Kind.LOOK_FAILED, "A look at " + upstream + " failed; "
                        + "the watch goes on. " + e.getMessage(), last));
                interval = policy.nextInterval(progress.interval(), false);
                if (e.rateLimitReset().isPresent()) {
                    Duration untilReset = Duration.between(session.clock().instant(), e.rateLimitReset().get());
                    interval = untilReset.compareTo(interval) > 0 ? untilReset.plusSeconds(1) : interval;
                }
                next = progress.failed(interval);
            }
        }
        if (timedOut(progress)) {
            events.add(new WatchEvent(WatchEvent.Kind.TIMED_OUT, "Stopped watching " + upstream
                    + " after " + policy.timeout() + " without it being " + awaited(policy.until())
                    + "; last seen: " + last.summary() + ".", last));
            return new TurnResult(events, next, WatchOutcome.of(WatchOutcome.Result.TIMED_OUT, policy.until(), last),
                    null);
        }
        Duration backOff = interval;
        Duration wait = timeLeft(progress).filter(left -> left.compareTo(backOff) < 0).orElse(backOff);
        return new TurnResult(events, next, null, wait);
    }

    private Optional<Duration> timeLeft(WatchProgress progress) {
        return progress.deadline().map(d -> Duration.between(session.clock().instant(), d));
    }

    private boolean timedOut(WatchProgress progress) {
        return timeLeft(progress).map(left -> left.isNegative() || left.isZero()).orElse(false);
    }

    private static boolean passing(GitHubException e) {
        return switch (e.kind()) {
            case SERVER_ERROR, UNREACHABLE, RATE_LIMITED -> true;
            default -> false;
        };
    }

    private static String awaited(WatchPolicy.Until until) {
        return switch (until) {
            case MERGED -> "merged";
            case CLOSED -> "closed";
            case REVIEW -> "reviewed";
        };
    }

    // ---------------------------------------------------------------- one look

    /**
     * One look: reads everything (2 round trips, conditional) and compares it with {@code previous}.
     *
     * @param previous the snapshot of the previous look, or null for a first look
     */
    public LookResult look(PullRequestSnapshot previous) {
        return previous == null ? look(null, null, null) : look(SeenPullRequest.of(previous), previous.ci(), null);
    }

    /**
     * A turn's look after {@code previous}, in the same process: as {@link #look(PullRequestSnapshot)}, except that
     * the reviews, inline comments and conversation comments are read only when the pull request's
     * {@code updated_at} moved since {@code previous} (GitHub moves it on every comment, review, review comment,
     * push and state change); otherwise {@code previous}'s are kept. An unchanged look is then 3 requests (6 with a
     * staging pull request) instead of 6 (9), still 2 round trips; a changed one reads the lists in the second round
     * trip, next to the CI.
     */
    LookResult lookAgain(PullRequestSnapshot previous) {
        return look(SeenPullRequest.of(previous), previous.ci(), previous);
    }

    /**
     * One look compared with what an earlier look remembered ({@link SeenPullRequest}): the same changes as
     * {@link #look(PullRequestSnapshot)} with that look's snapshot. Only the CI verdict of a pull request that is no
     * longer open is not carried over (it is not read once the pull request is closed), so the snapshot's
     * {@link PullRequestSnapshot#ci()} is then null.
     *
     * @param previous what the previous look saw, or null for a first look
     */
    public LookResult lookAfter(SeenPullRequest previous) {
        return look(previous, null, null);
    }

    /**
     * @param known the previous look's snapshot whose reviews and comments are kept when GitHub's {@code updated_at}
     *        did not move; null to read them
     */
    private LookResult look(SeenPullRequest previous, StagingVerdict previousCi, PullRequestSnapshot known) {
        ParallelReads reads = new ParallelReads();
        CompletableFuture<PullRequest> pr = reads.start(upstreamReads::pullRequest);
        CompletableFuture<Boolean> quiet = known == null ? CompletableFuture.completedFuture(false)
                : pr.thenApply(p -> unchanged(p, known));
        CompletableFuture<List<Review>> reviews = unlessQuiet(reads, quiet, upstreamReads::reviews);
        CompletableFuture<List<PullRequestComment>> inline = unlessQuiet(reads, quiet, upstreamReads::reviewComments);
        CompletableFuture<List<PullRequestComment>> conversation = unlessQuiet(reads, quiet, upstreamReads::conversation);
        CompletableFuture<StagingVerdict> stagingVerdict = staging == null
                ? CompletableFuture.completedFuture(null)
                : reads.start(() -> checks.check(staging, stagingPolicy));
        CompletableFuture<StagingVerdict> ci = reads.then(pr, p -> {
            if (p.state() != PullRequestState.OPEN) {
                return previousCi;
            }
            return checks.checkRef(upstream.repository(), headSha(p), StagingPolicy.defaults());
        });
        CompletableFuture<Optional<String>> closer = reads.then(pr,
                p -> p.state() != PullRequestState.OPEN ? upstreamReads.closedBy() : Optional.empty());

        PullRequest p = reads.join(pr);
        List<Review> reviewList;
        List<PullRequestComment> comments = new ArrayList<>();
        List<PullRequestComment> conversationComments;
        if (reads.join(quiet)) {
            reviewList = known.reviews();
            comments.addAll(known.comments());
            conversationComments = null; // only a closed pull request needs them, and it is never quiet
        } else {
            reviewList = reads.join(reviews);
            conversationComments = reads.join(conversation);
            comments.addAll(conversationComments);
            comments.addAll(reads.join(inline));
            for (Review r : reviewList) {
                if (!r.body().isBlank()) {
                    comments.add(new PullRequestComment(PullRequestComment.Kind.REVIEW, r.id(), r.reviewer(),
                            r.body(), r.url(), r.submittedAt(), null));
                }
            }
            comments.sort(Comparator.comparing(PullRequestComment::createdAt));
        }
        StagingVerdict stagingNow = reads.join(stagingVerdict);
        StagingVerdict ciNow = reads.join(ci);
        String closedBy = reads.join(closer).orElse(null);

        PullRequestComment closing = p.state() == PullRequestState.CLOSED
                ? PullRequestReads.closingComment(conversationComments, closedBy)
                : null;
        PullRequestSnapshot now = new PullRequestSnapshot(upstream, p.url(), p.title(), p.state(), p.draft(), p.head(),
                p.headRepository(), headSha(p), p.base(), ReviewDecision.of(reviewList), reviewList, comments, ciNow,
                stagingNow, p.mergeCommitSha(), closedBy, closing, session.clock().instant(), p.updatedAt());
        return new LookResult(now, previous == null ? PullRequestChanges.first(now)
                : PullRequestChanges.between(previous, now));
    }

    /**
     * Whether the pull request {@code p} is open and has the {@code updated_at} of {@code known}, an open pull
     * request: then nobody commented, reviewed or pushed since, and {@code known}'s reviews and comments still hold.
     */
    private static boolean unchanged(PullRequest p, PullRequestSnapshot known) {
        return known.state() == PullRequestState.OPEN && p.state() == PullRequestState.OPEN && p.updatedAt() != null
                && p.updatedAt().equals(known.updatedAt());
    }

    /** Reads with {@code read} in parallel, unless {@code quiet} says it is not needed (then null). */
    private static <T> CompletableFuture<List<T>> unlessQuiet(ParallelReads reads, CompletableFuture<Boolean> quiet,
            Supplier<List<T>> read) {
        // a failed pull request read (quiet failed too) is thrown by the caller's join of it, unwrapped; never here
        if (quiet.isDone() && !quiet.isCompletedExceptionally() && !quiet.join()) {
            return reads.start(read); // a full look: read at once, next to the pull request
        }
        return reads.then(quiet, q -> q ? null : read.get());
    }

    /** The head commit, which a look needs (the CI is read on it and the next look is compared with it). */
    private String headSha(PullRequest p) {
        if (p.headSha() == null) {
            throw GitHubException.unexpected(200, "GitHub's answer for upstream pull request " + upstream
                    + " has no head SHA; is " + session.apiUrl() + " a GitHub REST API?");
        }
        return p.headSha();
    }
}
