package io.jenkins.plugins.upstreampr.github;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The reads before the human pause, independent ones in parallel: round 1 the staging pull request, the
 * upstream repository (default branch, when no base is given) and, if asked, the timing reads (upstream
 * milestones, the freeze file, the freeze label); round 2 the combined status and the check runs of the staging
 * head (and, if asked, the existing upstream pull request). The common path is 4 requests in 2 sequential round
 * trips; each timing read asked for adds one request, not a round trip.
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
        ParallelReads reads = new ParallelReads();
        CompletableFuture<StagingCheck.HeadCommit> head = reads.start(() -> staging.readHead(request.staging()));
        CompletableFuture<StagingVerdict> verdict = reads.then(head,
                h -> staging.verdictFor(h, request.policy()));
        CompletableFuture<String> base = request.base() != null
                ? CompletableFuture.completedFuture(request.base())
                : reads.start(() -> pullRequests.defaultBranch(request.upstream()));
        // The freeze file is read from the given base, or (none given) without a ref, i.e. from the default
        // branch: no need to wait for the repository read.
        CompletableFuture<TimingReport> timingReport = request.timing().readsUpstream()
                ? reads.start(() -> timing.assess(request.upstream(), request.base(),
                        request.timing()))
                : CompletableFuture.completedFuture(timing.assess(request.upstream(), request.base(),
                        request.timing()));
        CompletableFuture<Optional<UpstreamPullRequest>> existing = request.lookUpExisting()
                ? reads.then(CompletableFuture.allOf(head, base),
                        done -> pullRequests.findOpen(request.upstream(), head.join().head(), base.join()))
                : CompletableFuture.completedFuture(Optional.empty());
        StagingVerdict v = reads.join(verdict);
        String b = reads.join(base);
        return new PreflightReport(v, request.upstream(), b, reads.join(existing),
                reads.join(timingReport));
    }
}
