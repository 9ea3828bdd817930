package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.gate.Approvals;
import io.jenkins.plugins.upstreampr.gate.GateJson;
import io.jenkins.plugins.upstreampr.gate.GateProposal;
import io.jenkins.plugins.upstreampr.gate.GateRequest;
import io.jenkins.plugins.upstreampr.gate.UpstreamGate;
import io.jenkins.plugins.upstreampr.github.CheckResult;
import io.jenkins.plugins.upstreampr.github.CheckState;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import io.jenkins.plugins.upstreampr.github.Verdict;
import io.jenkins.plugins.upstreampr.github.WritePlan;
import io.jenkins.plugins.upstreampr.jenkins.params.ApprovalsText;
import io.jenkins.plugins.upstreampr.jenkins.params.GateArguments;
import io.jenkins.plugins.upstreampr.jenkins.params.GateNames;
import io.jenkins.plugins.upstreampr.jenkins.params.PendingWait;
import io.jenkins.plugins.upstreampr.jenkins.params.WebLinks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@link UpstreamPullRequestPreflightStep}: copies {@code .chant/} to the controller once, then asks the engine
 * for the proposal ({@link UpstreamGate#prepare}); while the staging verdict is PENDING it schedules the next look
 * (see {@link PendingWait}) until the deadline, which is stored as an absolute time so that a restarted controller
 * keeps the same bound. Whether a verdict lets the gate go on is the engine's rule ({@link StagingVerdict#passes()}).
 *
 * <p>It opens the gate's input id in the build ({@link OpenGatesAction}) when it starts, refusing an id another open
 * gate of the build holds, and closes it again when it fails or is aborted; once it succeeds the gate stays open until
 * {@code createUpstreamPullRequest} starts. Its proposal page and the prompt's link to it are the gate's own
 * ({@link GateNames}), so two gates with different ids in {@code parallel} branches each show and link their own.
 */
final class UpstreamPullRequestPreflightExecution extends GateStepExecution<UpstreamPullRequestPreflightStep> {

    private static final long serialVersionUID = 3L;
    static final String FUNCTION = "upstreamPullRequestPreflight";

    private long deadlineMillis;
    /**
     * Looks that found the staging CI pending; changed only by the look on the pool thread (one at a time) and saved
     * each time. Not volatile: {@link #getStatus()} may show a count one look old, and an increment of a volatile
     * field is what SpotBugs flags (VO_VOLATILE_INCREMENT), which fails the Jenkins build.
     */
    private int looks;
    /**
     * The controller copy of {@code .chant/} this gate reads ({@link ControllerChantCopy}): the one it took inside
     * {@code node}, else the newest of the build for its spec when it first looked; null until then. Changed on the
     * pool thread and saved; passed on to {@code createUpstreamPullRequest} with the proposal.
     */
    private volatile String copy;

    UpstreamPullRequestPreflightExecution(UpstreamPullRequestPreflightStep step, StepContext context) {
        super(step, FUNCTION, context);
    }

    @Override
    protected void prepare() throws Exception {
        PendingWait wait;
        try {
            wait = PendingWait.ofMinutes(step().getWaitMinutes());
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        request();
        names();
        approvals("");
        deadlineMillis = wait.deadline(Instant.now()).toEpochMilli();
        OpenGatesAction.open(getContext().get(Run.class), FUNCTION, step().getId());
    }

    /** The gate opened in {@link #prepare()} closes when the preflight fails: nobody is asked. */
    @Override
    protected void look() throws Exception {
        try {
            lookAtStaging();
        } catch (Exception | Error e) {
            try {
                OpenGatesAction.close(getContext().get(Run.class), step().getId());
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Aborted before anyone was asked: the gate closes, then the step stops. */
    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            if (run != null) {
                OpenGatesAction.close(run, step().getId());
            }
        } finally {
            super.stop(cause);
        }
    }

    private void lookAtStaging() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        GateArguments arguments = arguments();
        if (copy == null) {
            FilePath workspace = getContext().get(FilePath.class);
            copy = (workspace != null
                    ? ControllerChantCopy.refresh(run, workspace, step().getDir(), arguments.spec().strip(), listener)
                    : ControllerChantCopy.named(run, null, arguments.spec())).name();
            saveState();
        }
        ChantTree tree = controllerChant(run, copy);
        GateRequest request = request();
        WritePlan plan = step().isDryRun() ? new WritePlan() : null;
        UpstreamGate gate = plan == null ? engine(run) : dryEngine(run, plan);
        GateProposal proposal;
        try {
            proposal = gate.prepare(request, tree);
        } catch (RuntimeException e) {
            throw explain(e);
        }
        if (isStopped()) {
            return;
        }
        StagingVerdict verdict = proposal.ci();
        if (verdict.passes()) {
            try {
                // gateStatus: pending on the staging head before anyone is asked; a refused status is a warning
                Approvals approvals = approvals("");
                proposal = gate.announceWaiting(proposal, approvals == null ? step().getSubmitter()
                        : approvals.next().orElseThrow().submitter());
            } catch (RuntimeException e) {
                throw explain(e);
            }
            succeed(run, listener, arguments, proposal, plan);
        } else if (verdict.verdict() == Verdict.PENDING) {
            waitOrFail(listener, arguments, verdict);
        } else if (verdict.verdict() == Verdict.NONE) {
            throw new AbortException(Messages.Preflight_NoChecks(arguments.staging(), verdict.sha()));
        } else {
            throw new AbortException(Messages.Preflight_Red(arguments.staging(), verdict.sha(),
                    describe(verdict, CheckState.FAILURE, CheckState.FAILURE)));
        }
    }

    @Override
    public String getStatus() {
        long left = deadlineMillis - System.currentTimeMillis();
        return looks == 0 ? null : Messages.Preflight_Status(step().getStaging(), looks, Math.max(0, left / 60_000));
    }

    private void waitOrFail(TaskListener listener, GateArguments arguments, StagingVerdict verdict)
            throws AbortException {
        Instant deadline = Instant.ofEpochMilli(deadlineMillis);
        int waitMinutes = step().getWaitMinutes();
        Duration delay = PendingWait.ofMinutes(waitMinutes).delayBefore(looks, Instant.now(), deadline);
        String pending = describe(verdict, CheckState.PENDING, CheckState.MISSING);
        if (delay.isZero()) {
            throw new AbortException(Messages.Preflight_StillPending(arguments.staging(), waitMinutes, pending));
        }
        looks++;
        saveState();
        if (isStopped()) {
            return;
        }
        listener.getLogger().println(Messages.Preflight_Pending(arguments.staging(), verdict.sha(), pending,
                delay.toSeconds()));
        lookAgainAfter(delay);
    }

    private void succeed(Run<?, ?> run, TaskListener listener, GateArguments arguments, GateProposal proposal,
            WritePlan plan) throws Exception {
        if (isStopped()) {
            return; // aborted while the status was posted: no proposal page, the step already ended
        }
        GateNames names = names();
        UpstreamProposalAction action = UpstreamProposalAction.of(proposal, step().getApiUri(), names.id(), copy);
        UpstreamProposalAction.record(run, action);
        listener.getLogger().println(Messages.Preflight_Green(arguments.staging(), action.getSha(), action.getTitle()));
        for (String unchecked : action.getUncheckedCriteria()) {
            listener.getLogger().println(Messages.Preflight_Unchecked(unchecked));
        }
        for (String warning : action.getWarnings()) {
            listener.getLogger().println(Messages.Preflight_Warning(warning));
        }
        Map<String, Object> result = proposalResult(proposal, action.getStagingUrl());
        result.put("prompt", Messages.Prompt_Message(arguments.upstream(), arguments.head(), arguments.staging(),
                action.getVerdict(), action.getSha(), action.getUncheckedCriteria().size(),
                action.getWarnings().size(), action.getOverridableBlocks().isEmpty() ? Messages.Prompt_NoBlocks()
                        : String.join(", ", action.getOverridableBlocks()),
                proposalLink(run, names)) + shownChecks(proposal.ci()));
        result.put("id", step().getId());
        result.put("create", createArguments(arguments, action.getSha()));
        Approvals approvals = approvals("");
        if (approvals != null) {
            // several roles: the Groovy asks next.inputId, then passes approvals back (recordUpstreamApproval)
            result.put("approvals", ApprovalsText.write(approvals));
            result.put("next", ApprovalsText.next(approvals, step().getId(), null));
        }
        if (plan != null) {
            listener.getLogger().println(Messages.DryRun_Preflight(plan.writes().size()));
            result.put("plannedWrites", plannedWrites(plan.writes(), listener));
        }
        if (isStopped()) {
            return; // aborted meanwhile: the step already ended
        }
        getContext().onSuccess(result);
    }

    /**
     * The step's return value for the proposal: the engine's machine-readable proposal ({@link GateJson#proposal}),
     * with {@code stagingUrl}, the staging pull request's web page, after {@code staging}, and each check's
     * {@code url} only when it is an http(s) address ({@link WebLinks#webAddressOrNull}, as the proposal page links
     * it). Plain strings, numbers, booleans, lists and maps only, so that it is safe in the Pipeline program state and
     * readable from a sandboxed Jenkinsfile; {@link #succeed} adds the step's own keys.
     */
    static Map<String, Object> proposalResult(GateProposal proposal, String stagingUrl) {
        Map<String, Object> result = new LinkedHashMap<>();
        GateJson.proposal(proposal).forEach((key, value) -> {
            result.put(key, value);
            if (key.equals("staging")) {
                result.put("stagingUrl", stagingUrl);
            }
        });
        for (Object check : (List<?>) result.get("checks")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) check;
            c.put("url", WebLinks.webAddressOrNull((String) c.get("url")));
        }
        return result;
    }

    /**
     * The proposal page's full address for the prompt, whose message the input page shows as escaped text and the
     * REST API and other front ends pass on as it is: a bare relative path would be neither clickable nor usable
     * outside Jenkins. Without a root URL (none configured, and a pool thread is in no HTTP request), the path and
     * what to configure.
     */
    private static String proposalLink(Run<?, ?> run, GateNames names) {
        String page = run.getUrl() + names.proposalPage() + "/";
        String link = WebLinks.jenkinsPage(Jenkins.get().getRootUrl(), page);
        return link != null ? link : Messages.Prompt_PageWithoutRootUrl(page);
    }

    /**
     * The arguments {@code createUpstreamPullRequest} needs, for the one-liner to pass on after the prompt: every
     * parameter the two steps share ({@link GateStep}), so that both judge alike, and the commit shown.
     */
    private Map<String, Object> createArguments(GateArguments arguments, String sha) {
        UpstreamPullRequestPreflightStep step = step();
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("upstream", arguments.upstream());
        create.put("head", arguments.head());
        create.put("staging", arguments.staging());
        create.put("spec", arguments.spec());
        create.put("expectedSha", sha);
        create.put("credentialsId", step.getCredentialsId());
        create.put("apiUri", step.getApiUri());
        create.put("base", arguments.base());
        create.put("requiredChecks", arguments.requiredChecks());
        create.put("allowNoChecks", arguments.allowNoChecks());
        create.put("freezes", arguments.timing().freezes());
        create.put("freezeFile", arguments.timing().freezeFile());
        create.put("freezeLabel", arguments.timing().freezeLabel());
        create.put("milestoneDays", arguments.timing().milestoneDays());
        create.put("assignees", arguments.assignees());
        create.put("draft", step.isDraft());
        create.put("id", step.getId());
        create.put("gateStatus", step.isGateStatus());
        create.put("dryRun", step.isDryRun());
        create.put("approvers", new ArrayList<>(step.getApprovers()));
        return create;
    }

    /**
     * For the prompt: the deciding checks that pass while GitHub's own conclusion says more ({@code skipped},
     * {@code neutral}), as " Counted as passing...: lint success (skipped)"; empty when there are none.
     */
    private static String shownChecks(StagingVerdict verdict) {
        String shown = verdict.checks().stream()
                .filter(CheckResult::required)
                .filter(c -> !c.shownState().equals(c.state().json()))
                .map(c -> c.name() + " " + c.shownState())
                .collect(Collectors.joining("; "));
        return shown.isEmpty() ? "" : " " + Messages.Prompt_ShownChecks(shown);
    }

    /** The deciding checks in one of {@code states}, as "name state url; ...", each in GitHub's own words. */
    private static String describe(StagingVerdict verdict, CheckState... states) {
        return verdict.checks().stream()
                .filter(CheckResult::required)
                .filter(c -> Arrays.asList(states).contains(c.state()))
                .map(c -> c.name() + " " + c.shownState() + (c.url() == null ? "" : " " + c.url()))
                .collect(Collectors.joining("; "));
    }
}
