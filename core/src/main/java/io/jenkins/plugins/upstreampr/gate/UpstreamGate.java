package io.jenkins.plugins.upstreampr.gate;

import io.jenkins.plugins.upstreampr.body.PullRequestBodyRenderer;
import io.jenkins.plugins.upstreampr.body.PullRequestText;
import io.jenkins.plugins.upstreampr.chant.AcceptanceCriteria;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.chant.Spec;
import io.jenkins.plugins.upstreampr.chant.SpecResolver;
import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import io.jenkins.plugins.upstreampr.chant.TrailGap;
import io.jenkins.plugins.upstreampr.chant.UncountedChecklist;
import io.jenkins.plugins.upstreampr.github.CheckResult;
import io.jenkins.plugins.upstreampr.github.GateStatus;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.HeadCheck;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.Preflight;
import io.jenkins.plugins.upstreampr.github.PreflightReport;
import io.jenkins.plugins.upstreampr.github.PreflightRequest;
import io.jenkins.plugins.upstreampr.github.PullRequestProposal;
import io.jenkins.plugins.upstreampr.github.RetryLater;
import io.jenkins.plugins.upstreampr.github.RetryProgress;
import io.jenkins.plugins.upstreampr.github.StagingCheck;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequests;
import io.jenkins.plugins.upstreampr.github.Verdict;
import io.jenkins.plugins.upstreampr.github.WritePlan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The human gate, wherever it runs: {@link #prepare} reads everything the person needs before the pause (staging
 * verdict, upstream base, timing, the specs trail, the proposed text); {@link #submit} carries out what they decided
 * after it: re-reads the staging head and redoes the verdict if it moved, opens the upstream pull request
 * idempotently, and writes the record and the trail as artifacts. The terminal ({@code upstream-pr gate}) and the
 * Jenkins steps are thin front ends over this class.
 */
public final class UpstreamGate {

    /** The first wait of {@link #await} between two polls of a pending staging verdict. */
    public static final Duration FIRST_POLL = Duration.ofSeconds(15);
    /** The longest wait of {@link #await} between two polls. */
    public static final Duration MAX_POLL = Duration.ofMinutes(2);

    private final GitHubSession session;
    private final SpecResolver resolver;

    public UpstreamGate(GitHubSession session, Clock clock) {
        this.session = session;
        this.resolver = new SpecResolver(clock);
    }

    /**
     * Reads everything shown at the gate. The staging pull request must be the one whose head is the branch to be
     * proposed: CI on another branch proves nothing about this one.
     *
     * @throws Refusal when the staging head is not {@code request.head()}
     */
    public GateProposal prepare(GateRequest request, ChantTree tree) {
        SpecTrail trail = SpecTrail.of(tree, resolver.resolveIncludingArchived(tree, request.spec()));
        PullRequestText text = new PullRequestBodyRenderer().render(trail, request.template());
        PreflightReport report = new Preflight(session).run(new PreflightRequest(request.staging(), request.upstream(),
                request.base(), request.stagingPolicy(), request.lookUpExisting(), request.timing()));
        return propose(request, tree.root(), report, trail, text);
    }

    /**
     * While the staging verdict of {@code proposal} is PENDING, polls the staging pull request (conditional
     * requests, free while nothing changes; waits of {@link #FIRST_POLL}, doubling up to {@link #MAX_POLL}) until
     * it is decided or {@code timeout} has passed. Returns the proposal with the last verdict (still PENDING if the
     * time ran out); a proposal whose verdict is not PENDING is returned as is, without a request.
     *
     * @throws Refusal when the staging pull request's head is no longer the branch to propose
     */
    public GateProposal await(GateProposal proposal, Duration timeout) {
        if (proposal.ci().verdict() != Verdict.PENDING || timeout.isZero() || timeout.isNegative()) {
            return proposal;
        }
        GateRequest request = proposal.request();
        StagingVerdict awaited = new StagingCheck(session).await(request.staging(), request.stagingPolicy(), timeout,
                FIRST_POLL, MAX_POLL);
        PreflightReport before = proposal.preflight();
        return propose(request, proposal.repositoryRoot(), new PreflightReport(awaited, before.upstream(),
                before.base(), before.existing(), before.timing()), proposal.trail(), proposal.text());
    }

    private static GateProposal propose(GateRequest request, Path root, PreflightReport report, SpecTrail trail,
            PullRequestText text) {
        HeadRef stagingHead = report.ci().head();
        if (stagingHead != null && !sameHead(stagingHead, request.head())) {
            throw new Refusal("Staging pull request " + request.staging() + " is for " + stagingHead + ", not for "
                    + request.head() + ": its CI says nothing about the branch to propose. Give the staging pull "
                    + "request of " + request.head() + ", or propose " + stagingHead + ".");
        }
        List<CriteriaGap> gaps = new ArrayList<>();
        List<String> warnings = new ArrayList<>(report.warnings());
        for (Spec spec : trail.specs()) {
            AcceptanceCriteria criteria = AcceptanceCriteria.of(spec);
            if (criteria.unchecked() > 0) {
                gaps.add(new CriteriaGap(spec.id(), spec.title(), criteria.unchecked(), criteria.total()));
            }
            for (UncountedChecklist uncounted : AcceptanceCriteria.uncounted(spec.body())) {
                warnings.add(spec.id() + ": " + uncounted.describe());
            }
        }
        trail.gaps().stream().map(TrailGap::describe).forEach(warnings::add);
        BranchChanges changes = BranchChanges.read(root, report.ci().base(), report.ci().sha());
        GateProposal proposal = new GateProposal(request, root, report, trail, text, changes, gaps, warnings);
        warnings.addAll(changeWarnings(proposal));
        return new GateProposal(request, root, report, trail, text, changes, gaps, warnings);
    }

    /** One warning when the actual changes are unknown, else one per disagreement with the declared files. */
    private static List<String> changeWarnings(GateProposal proposal) {
        BranchChanges changes = proposal.changes();
        if (!changes.known()) {
            return List.of("The files the branch actually changes are unknown (" + changes.unavailable()
                    + "); the changed files shown are the ones the specs declare (target_files).");
        }
        List<String> warnings = new ArrayList<>();
        for (BranchChanges.Change change : proposal.undeclaredChanges()) {
            warnings.add("The branch changes " + change.describe() + ", which no spec of the trail names in "
                    + "target_files.");
        }
        for (String path : proposal.unchangedDeclaredFiles()) {
            warnings.add("A spec of the trail names " + path + " in target_files, but the branch does not change it.");
        }
        return warnings;
    }

    /**
     * Shows on GitHub that the gate waits for a decision, when the request asks for it ({@link
     * GateRequest#gateStatus()}): the commit status {@link GateStatus#CONTEXT} {@code pending} "Waiting for a decision
     * by WHO" on the staging head, linking to {@link GateRequest#decisionUrl()}; one request. A status that cannot be
     * posted is a warning added to the proposal (so the record keeps it), never a failure. Without
     * {@code gateStatus} the proposal is returned as is, without a request.
     *
     * @param whoMayDecide who may answer, as the people on the staging pull request should read it ({@code
     *        submitter}, the roles, or the terminal user); {@code null} or blank: not said
     */
    public GateProposal announceWaiting(GateProposal proposal, String whoMayDecide) {
        GateRequest request = proposal.request();
        if (!request.gateStatus()) {
            return proposal;
        }
        StagingVerdict verdict = proposal.ci();
        Optional<String> warning = new GateStatus(session).post(verdict.repository(), verdict.sha(),
                GateStatus.Status.waiting(whoMayDecide, request.decisionUrl()));
        if (warning.isEmpty()) {
            return proposal;
        }
        List<String> warnings = new ArrayList<>(proposal.warnings());
        warnings.add(warning.get());
        return new GateProposal(request, proposal.repositoryRoot(), proposal.preflight(), proposal.trail(),
                proposal.text(), proposal.changes(), proposal.uncheckedCriteria(), warnings);
    }

    /**
     * Takes one role's answer in a gate with several roles ({@link Approvals}): re-reads the staging head (one
     * conditional request, free while it did not move), lets the approvals of another head lapse, then records the
     * answer bound to the head as it is now ({@link Approvals#answer}). A front end calls it after each role's prompt
     * and asks {@link Approvals#next()} who comes next.
     *
     * @throws Refusal when the answer breaks a rule (the same person for two roles, a role already approved, the gate
     *         ended) or the staging pull request's head is no longer the branch to propose
     */
    public Approvals answer(GateProposal proposal, Approvals approvals, int role, GateDecision decision) {
        String head = new StagingCheck(session).confirm(proposal.ci()).current().sha();
        return approvals.atHead(head).answer(role, decision, head);
    }

    /**
     * Carries out {@code decision} on {@code proposal}. A deferral or rejection opens nothing and is recorded; an
     * approval is refused while a freeze or unchecked criteria stand without an override, or when the staging head
     * moved to a commit whose CI is not green. GitHub failing in passing is waited out where the session's retry rule
     * allows it (this call is one effort, bounded in all); the record says what was retried and why.
     *
     * <p>On a session in a dry run ({@link GitHubSession#dryRun}) every read is made as usual and the same rules
     * refuse, but no write reaches GitHub and no artifact is written: the outcome is {@link GateOutcome#dryRun()}
     * with the writes that would have been sent ({@link GateOutcome#plannedWrites()}).
     *
     * @param artifactsDir where to write the record and the trail (see {@link GateArtifacts}); {@code null} for none
     * @throws Refusal when the approval cannot be carried out; nothing was opened
     */
    public GateOutcome submit(GateProposal proposal, GateDecision decision, Path artifactsDir) throws IOException {
        return submit(proposal, decision, artifactsDir, null);
    }

    /**
     * {@link #submit(GateProposal, GateDecision, Path)} for a gate with several roles: an approval opens the pull
     * request only when {@code approvals} is {@linkplain Approvals#complete() complete} and every standing approval
     * is of exactly {@code decision}'s title, body and draft on the staging head; a head that moved after the
     * approvals refuses (the approvals lapsed: ask again). The record lists every approval.
     *
     * @param approvals the approvals so far; {@code null} for a gate of one role
     * @throws Refusal when the approvals do not allow the approval to be carried out; nothing was opened
     */
    public GateOutcome submit(GateProposal proposal, GateDecision decision, Path artifactsDir, Approvals approvals)
            throws IOException {
        return submit(proposal, decision, artifactsDir, session.retrying(RetryProgress.start(session.clock().instant()),
                true), approvals);
    }

    /**
     * One attempt of {@link #submit} that never waits, for a front end that holds no thread between attempts (the
     * Jenkins step, on timer ticks): where {@link #submit} would wait before trying GitHub again (a 5xx answer, no
     * answer, a rate limit, as the session's {@link io.jenkins.plugins.upstreampr.github.RetryRule} allows), it
     * throws {@link RetryLater}. Call it again after {@link RetryLater#waitBefore()} with the same arguments and
     * {@link RetryLater#progress()}, also after a restart: the pull request is never opened twice, and the record
     * written at the end lists every retry of all attempts.
     *
     * @param progress what earlier attempts did; {@code null} (or {@link RetryProgress#start}) for the first one
     * @throws RetryLater to be tried again later, with the progress to go on from; nothing was written
     * @throws Refusal when the approval cannot be carried out; nothing was opened
     */
    public GateOutcome attemptSubmit(GateProposal proposal, GateDecision decision, Path artifactsDir,
            RetryProgress progress) throws IOException {
        return attemptSubmit(proposal, decision, artifactsDir, progress, null);
    }

    /** {@link #attemptSubmit(GateProposal, GateDecision, Path, RetryProgress)} with the approvals of several roles. */
    public GateOutcome attemptSubmit(GateProposal proposal, GateDecision decision, Path artifactsDir,
            RetryProgress progress, Approvals approvals) throws IOException {
        return submit(proposal, decision, artifactsDir, session.retrying(progress != null ? progress
                : RetryProgress.start(session.clock().instant()), false), approvals);
    }

    private GateOutcome submit(GateProposal proposal, GateDecision decision, Path artifactsDir, GitHubSession effort,
            Approvals approvals) throws IOException {
        List<String> warnings = new ArrayList<>(proposal.warnings());
        StagingVerdict verdict = proposal.ci();
        Optional<UpstreamPullRequest> opened = Optional.empty();
        if (decision.approved()) {
            for (OverridableBlock block : proposal.overridableBlocks()) {
                if (!decision.overrides(block.id())) {
                    throw new Refusal(block.refusal(proposal));
                }
            }
            if (!verdict.passes()) {
                throw new Refusal("The staging CI verdict on " + verdict.sha() + " is "
                        + verdict.verdict().name().toLowerCase(Locale.ROOT) + "; the upstream pull request can only "
                        + "be opened once " + verdict.subject() + " is green.");
            }
            if (approvals != null) {
                approvals.requireComplete(decision, verdict.sha());
            }
            HeadCheck head = new StagingCheck(effort).confirm(verdict);
            if (head.moved() && approvals != null) {
                throw new Refusal("The staging head moved from " + head.previous().sha() + " to "
                        + head.current().sha() + " after the approvals: they were of " + head.previous().sha()
                        + " and lapse (Approvals.atHead); nothing was opened. Ask every role again.");
            }
            if (head.moved()) {
                verdict = head.current();
                warnings.addAll(verdict.warnings());
                if (!verdict.passes()) {
                    throw new Refusal("The staging head moved from " + head.previous().sha() + " to " + verdict.sha()
                            + " while the gate was open, and CI on the new commit is "
                            + verdict.verdict().name().toLowerCase(Locale.ROOT) + ": nothing was opened. Run the gate "
                            + "again once CI on " + verdict.sha() + " is green.");
                }
            }
            GateRequest request = proposal.request();
            PullRequestProposal pr = PullRequestProposal.builder(request.upstream(), request.head(), decision.title(),
                            decision.body())
                    .base(proposal.preflight().base())
                    .draft(decision.draft())
                    .maintainerCanModify(request.maintainerCanModify())
                    .labels(request.labels())
                    .reviewers(request.reviewers())
                    .assignees(request.assignees())
                    .expectedHeadSha(verdict.sha())
                    .build();
            UpstreamPullRequest upstream = new UpstreamPullRequests(effort).open(pr);
            warnings.addAll(upstream.warnings());
            opened = Optional.of(upstream);
        }
        if (proposal.request().gateStatus()) {
            new GateStatus(effort).post(verdict.repository(), verdict.sha(), decided(decision, opened, approvals,
                    proposal.request().decisionUrl())).ifPresent(warnings::add);
        }
        GateRecord record = GateRecord.of(decision, stagingRecord(verdict), upstreamRecord(proposal, opened),
                warnings, proposal.trail().specs().stream()
                        .map(s -> new GateRecord.SpecEntry(s.id().value(), s.path(), s.status().yamlName())).toList(),
                GateRecord.Retries.of(effort.retryProgress().orElseThrow()), GateRecord.RoleApproval.of(approvals));
        Optional<WritePlan> plan = effort.writePlan();
        if (plan.isPresent()) {
            // a dry run writes nothing: no record of a decision that was not carried out
            return new GateOutcome(record, opened, Map.of(), warnings, true, plan.get().writes());
        }
        String title = decision.approved() ? decision.title() : proposal.text().title();
        String body = decision.approved() ? decision.body() : proposal.text().body();
        Map<String, String> artifacts = artifactsDir == null ? Map.of()
                : GateArtifacts.write(artifactsDir, record, title, body, proposal.repositoryRoot(),
                        proposal.trailFiles());
        return new GateOutcome(record, opened, artifacts, warnings);
    }

    /** The gate's status once decided: approved by whom (every standing approver), rejected or deferred. */
    private static GateStatus.Status decided(GateDecision decision, Optional<UpstreamPullRequest> opened,
            Approvals approvals, String decisionUrl) {
        return switch (decision.outcome()) {
            case APPROVE -> GateStatus.Status.approved(approvals == null ? decision.decidedBy()
                    : String.join(" and ", approvals.standing().stream().map(Approvals.Approval::who).toList()),
                    opened.orElseThrow());
            case REJECT -> GateStatus.Status.rejected(decision.reason(), decisionUrl);
            case DEFER -> GateStatus.Status.deferred(decision.reason(), decisionUrl);
        };
    }

        private static boolean sameHead(HeadRef a, HeadRef b) {
        return a.owner().equalsIgnoreCase(b.owner()) && a.branch().equals(b.branch());
    }

    private static GateRecord.Staging stagingRecord(StagingVerdict verdict) {
        List<GateRecord.Check> checks = new ArrayList<>();
        for (CheckResult c : verdict.checks()) {
            checks.add(new GateRecord.Check(c.name(), c.state().json(), c.url(), c.conclusion()));
        }
        return new GateRecord.Staging(verdict.pullRequest() != null ? verdict.pullRequest().toString()
                : verdict.subject(), verdict.sha(), verdict.verdict().json(), checks);
    }

    private static GateRecord.Upstream upstreamRecord(GateProposal proposal, Optional<UpstreamPullRequest> opened) {
        GateRequest request = proposal.request();
        return opened.map(pr -> WritePlan.isPlaceholder(pr.number())
                        ? new GateRecord.Upstream(request.upstream().toString(), request.head().toString(), pr.base(),
                                null, null, null)
                        : new GateRecord.Upstream(request.upstream().toString(), request.head().toString(),
                                pr.base(), pr.number(), pr.url(), pr.created()))
                .orElse(null);
    }
}
