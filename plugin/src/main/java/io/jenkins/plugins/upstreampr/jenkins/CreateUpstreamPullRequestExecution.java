package io.jenkins.plugins.upstreampr.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.gate.GateDecision;
import io.jenkins.plugins.upstreampr.gate.GateJson;
import io.jenkins.plugins.upstreampr.gate.GateOutcome;
import io.jenkins.plugins.upstreampr.gate.GateProposal;
import io.jenkins.plugins.upstreampr.gate.GateRequest;
import io.jenkins.plugins.upstreampr.gate.UpstreamGate;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.RetryLater;
import io.jenkins.plugins.upstreampr.github.RetryProgress;
import io.jenkins.plugins.upstreampr.github.RetryRule;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import io.jenkins.plugins.upstreampr.github.WritePlan;
import io.jenkins.plugins.upstreampr.jenkins.params.GateAnswers;
import io.jenkins.plugins.upstreampr.jenkins.params.GateNames;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@link CreateUpstreamPullRequestStep} on a pool thread, over the engine:
 * <ol>
 *   <li>a fresh {@link UpstreamGate#prepare} on the controller copy of {@code .chant/} (the engine keeps no state
 *       between the two steps, so the verdict, the trail and the blocks are read again);</li>
 *   <li>when {@code expectedSha} (the commit the person saw at the prompt) is no longer the staging head, the
 *       fresh proposal, whose verdict is the one redone on the new head, is what is passed on, with a warning naming
 *       both commits: the engine's {@code submit} then opens the pull request only if that verdict passes and refuses
 *       otherwise, exactly as when it sees the head move itself;</li>
 *   <li>{@link UpstreamGate#submit} with the {@link GateDecision} built from the prompt's answers
 *       ({@link GateAnswers}): approval refused while a block stands without its override, idempotent opening,
 *       the record and the trail written to an outbox of this call, which {@link RunArtifacts} archives under
 *       the gate's names ({@link GateNames}: {@code upstream-pr/...}, or {@code upstream-pr/ID/...} for an id other
 *       than the default) and which is removed afterwards.</li>
 * </ol>
 * It reads the controller copy of {@code .chant/} its gate's preflight read (kept in the gate's
 * {@link UpstreamProposalAction}), else the newest copy of the build, and records its outcome in the gate's own
 * {@link UpstreamPullRequestAction}.
 * A look repeated after a restart does the same again; the engine's idempotent opening finds the pull request it
 * opened instead of opening another.
 */
final class CreateUpstreamPullRequestExecution extends GateStepExecution<CreateUpstreamPullRequestStep> {

    private static final long serialVersionUID = 3L;
    static final String FUNCTION = "createUpstreamPullRequest";

    /**
     * When the decision was taken: the step's start, kept across a restart. Set in {@link #prepare()} on the CPS VM
     * thread, so it is saved with the program when that thread's turn ends.
     */
    private long decidedAtMillis;

    /**
     * What GitHub's passing faults cost so far (retries, waits, whether a POST may have taken effect unseen): started
     * at the decision, kept by each look that GitHub asked to wait (saved at once, so a restart goes on from it and the
     * engine reads before it writes again), and listed in the gate record.
     */
    private RetryProgress retries;

    CreateUpstreamPullRequestExecution(CreateUpstreamPullRequestStep step, StepContext context) {
        super(step, FUNCTION, context);
    }

    private GateDecision gateDecision() throws AbortException {
        try {
            return step().answers().toDecision(Instant.ofEpochMilli(decidedAtMillis));
        } catch (IllegalArgumentException e) {
            throw new AbortException(FUNCTION + ": " + e.getMessage());
        }
    }

    @Override
    protected void prepare() throws Exception {
        OpenGatesAction.close(getContext().get(Run.class), step().getId());
        decidedAtMillis = System.currentTimeMillis();
        retries = RetryProgress.start(Instant.ofEpochMilli(decidedAtMillis));
        GateDecision gate = gateDecision();
        request();
        names();
        approvals(step().getApprovals());
        if (gate.approved() && step().getCredentialsId().isBlank()) {
            throw new AbortException(Messages.Create_NeedsCredentials(FUNCTION));
        }
    }

    @Override
    protected void look() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        GateDecision gate = gateDecision();
        GateNames names = names();
        ChantTree tree = controllerChant(run, UpstreamProposalAction.copyOf(run, names.id()));
        GateRequest request = request();
        // One effort from the decision on: GitHub's passing faults are waited out within the engine's after-decision
        // bound, each wait as a later look (RetryLater), so that nothing waits in a thread and an abort ends it.
        GitHubSession effort = session(run).withRetryRule(RetryRule.afterDecision()).retrying(retries != null ? retries
                : RetryProgress.start(Instant.ofEpochMilli(decidedAtMillis)), false);
        // a dry run: every read as usual, each write gathered instead of sent, nothing archived
        WritePlan plan = step().isDryRun() ? new WritePlan() : null;
        if (plan != null) {
            effort = effort.dryRun(plan);
        }
        UpstreamGate engine = new UpstreamGate(effort, Clock.systemDefaultZone());
        String upstream = step().getUpstream();
        String expectedSha = step().getExpectedSha();
        Path outbox = plan == null ? ControllerChantCopy.outbox(run, "create") : null;
        GateOutcome outcome;
        String moved = null;
        try {
            try {
                GateProposal proposal = engine.prepare(request, tree);
                String current = proposal.ci().sha();
                if (!expectedSha.isBlank() && !expectedSha.equalsIgnoreCase(current)) {
                    moved = Messages.Create_HeadMoved(step().getStaging(), expectedSha, current);
                    listener.getLogger().println(Messages.Preflight_Warning(moved));
                    List<String> warnings = new ArrayList<>(proposal.warnings());
                    warnings.add(moved);
                    proposal = new GateProposal(proposal.request(), proposal.repositoryRoot(), proposal.preflight(),
                            proposal.trail(), proposal.text(), proposal.changes(), proposal.uncheckedCriteria(),
                            warnings);
                }
                outcome = engine.attemptSubmit(proposal, gate, outbox, effort.retryProgress().orElse(retries),
                        approvals(step().getApprovals()));
            } catch (RetryLater later) {
                retries = later.progress();
                saveState();
                listener.getLogger().println(Messages.Create_Retry(later.getMessage()));
                lookAgainAfter(later.waitBefore());
                return;
            } catch (Refusal e) {
                AbortException refused = new AbortException(
                        moved == null ? e.getMessage() : moved + " " + e.getMessage());
                refused.initCause(e);
                throw refused;
            } catch (RuntimeException e) {
                throw explain(e);
            }
            if (outcome.dryRun()) {
                finishDryRun(listener, outcome, moved);
                return;
            }
            RunArtifacts.archive(run, listener, outbox, names.artifacts(outcome.artifacts()));
        } finally {
            if (outbox != null) {
                ControllerChantCopy.remove(outbox);
            }
        }
        for (String warning : outcome.warnings()) {
            if (!warning.equals(moved)) {
                listener.getLogger().println(Messages.Preflight_Warning(warning));
            }
        }
        UpstreamPullRequest opened = outcome.pullRequest().orElse(null);
        String decided = gate.outcome().name().toLowerCase(Locale.ROOT);
        UpstreamPullRequestAction.record(run, new UpstreamPullRequestAction(names.id(), upstream,
                opened == null ? 0 : opened.number(), opened == null ? null : opened.url(),
                opened != null && opened.created(), decided, gate.decidedBy(), gate.reason()));
        switch (gate.outcome()) {
            case REJECT -> throw new AbortException(Messages.Create_Rejected(upstream, who(gate), gate.reason()));
            case DEFER -> listener.getLogger().println(Messages.Create_Deferred(upstream, who(gate), gate.reason()));
            default -> {
                if (opened == null) {
                    throw new IllegalStateException("the engine approved without a pull request on " + upstream);
                }
                listener.getLogger().println(opened.created()
                        ? Messages.Create_Opened(opened.url())
                        : Messages.Create_Existing(opened.url()));
            }
        }
        Map<String, Object> result = GateJson.stepOutcome(outcome);
        if (isStopped()) {
            return; // aborted meanwhile: what was done is recorded above, the step already ended
        }
        getContext().onSuccess(result);
    }

    /**
     * A dry run's end: the warnings and each write that would have been sent, logged and returned; no pull request,
     * no artifact, no run action, and a rejection does not fail the build (nothing was carried out).
     */
    private void finishDryRun(TaskListener listener, GateOutcome outcome, String moved) {
        for (String warning : outcome.warnings()) {
            if (!warning.equals(moved)) {
                listener.getLogger().println(Messages.Preflight_Warning(warning));
            }
        }
        listener.getLogger().println(Messages.DryRun_Create(step().getUpstream(), outcome.plannedWrites().size()));
        logPlannedWrites(outcome.plannedWrites(), listener);
        Map<String, Object> result = GateJson.stepOutcome(outcome);
        if (isStopped()) {
            return; // aborted meanwhile: what was done is recorded above, the step already ended
        }
        getContext().onSuccess(result);
    }

    private static String who(GateDecision gate) {
        return gate.decidedBy() == null ? Messages.Create_Unknown() : gate.decidedBy();
    }
}
