package io.jenkins.plugins.upstreampr.github;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The reads before the human pause, independent ones in parallel: round 1 the staging pull request and the
 * upstream repository (default branch, when no base is given); round 2 the combined status and the check runs
 * of the staging head (and, if asked, the existing upstream pull request; and upstream milestones, if asked).
 * The common path is 4 requests in 2 sequential round trips.
 */
public final class Preflight {

    private final StagingCheck staging;
    private final UpstreamPullRequests pullRequests;
    private final TimingGuard timing;

    /** Reads through {@code session}. */
    public Preflight(GitHubSession session) {
        Objects.requireNonNull(session, "session");
        this.staging = new StagingCheck(session);
        this.pullRequests = new UpstreamPullRequests(session);
        this.timing = new TimingGuard(session);
    }

    /** Runs the reads and composes the report. */
    public PreflightReport run(PreflightRequest request) {
        CompletableFuture<StagingCheck.Head> head = CompletableFuture.supplyAsync(
                () -> staging.readHead(request.staging()), GitHubSession.parallel());
        CompletableFuture<StagingVerdict> verdict = head.thenApplyAsync(
                h -> staging.verdictFor(h, request.policy()), GitHubSession.parallel());
        CompletableFuture<String> base = request.base() != null
                ? CompletableFuture.completedFuture(request.base())
                : CompletableFuture.supplyAsync(() -> pullRequests.defaultBranch(request.upstream()),
                        GitHubSession.parallel());
        CompletableFuture<TimingReport> timingReport = request.timing().milestoneDays() > 0
                ? CompletableFuture.supplyAsync(() -> timing.assess(request.upstream(), request.timing()),
                        GitHubSession.parallel())
                : CompletableFuture.completedFuture(timing.assess(request.upstream(), request.timing()));
        CompletableFuture<Optional<UpstreamPullRequest>> existing = request.lookUpExisting()
                ? head.thenCombineAsync(base, (h, b) -> pullRequests.findOpen(request.upstream(), h.head(), b),
                        GitHubSession.parallel())
                : CompletableFuture.completedFuture(Optional.empty());
        StagingVerdict v = StagingCheck.join(verdict);
        String b = StagingCheck.join(base);
        return new PreflightReport(v, request.upstream(), b, StagingCheck.join(existing),
                StagingCheck.join(timingReport));
    }
}
