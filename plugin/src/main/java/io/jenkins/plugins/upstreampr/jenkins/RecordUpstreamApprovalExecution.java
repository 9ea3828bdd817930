package io.jenkins.plugins.upstreampr.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.gate.Approvals;
import io.jenkins.plugins.upstreampr.gate.GateDecision;
import io.jenkins.plugins.upstreampr.gate.GateProposal;
import io.jenkins.plugins.upstreampr.gate.UpstreamGate;
import io.jenkins.plugins.upstreampr.github.WritePlan;
import io.jenkins.plugins.upstreampr.jenkins.params.ApprovalsText;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@link RecordUpstreamApprovalStep} on a pool thread: a fresh {@link UpstreamGate#prepare} on the controller
 * copy of {@code .chant/}, then {@link UpstreamGate#answer} with the role's answer, and, when another role is to be
 * asked and {@code gateStatus} is on, {@link UpstreamGate#announceWaiting} for that role. Every rule is the engine's;
 * an answer it refuses is not taken and the same role is asked again, told why.
 */
final class RecordUpstreamApprovalExecution extends GateStepExecution<RecordUpstreamApprovalStep> {

    private static final long serialVersionUID = 1L;
    static final String FUNCTION = "recordUpstreamApproval";

    /** When the answer was given: the step's start, kept across a restart (saved with the program). */
    private long answeredAtMillis;

    RecordUpstreamApprovalExecution(RecordUpstreamApprovalStep step, StepContext context) {
        super(step, FUNCTION, context);
    }

    @Override
    protected void prepare() throws Exception {
        answeredAtMillis = System.currentTimeMillis();
        request();
        if (approvals(step().getApprovals()) == null) {
            throw new AbortException(Messages.RecordApproval_NoApprovers(FUNCTION));
        }
    }

    @Override
    protected void look() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        RecordUpstreamApprovalStep step = step();
        Approvals before = approvals(step.getApprovals());
        WritePlan plan = step.isDryRun() ? new WritePlan() : null;
        UpstreamGate gate = plan == null ? engine(run) : dryEngine(run, plan);
        Approvals after = before;
        String refused = null;
        GateProposal proposal;
        try {
            // the copy of .chant/ this gate's preflight read
            proposal = gate.prepare(request(), controllerChant(run, UpstreamProposalAction.copyOf(run, names().id())));
            try {
                GateDecision decision = step.answers().toDecision(Instant.ofEpochMilli(answeredAtMillis));
                after = gate.answer(proposal, before, step.getRole(), decision);
            } catch (Refusal | IllegalArgumentException e) {
                // not taken: the role is asked again, told why (the same person for two roles, a missing reason)
                refused = Messages.RecordApproval_Refused(e.getMessage());
                listener.getLogger().println(refused);
            }
            Optional<Approvals.Next> next = after.next();
            if (next.isPresent() && refused == null) {
                int known = proposal.warnings().size();
                GateProposal waiting = gate.announceWaiting(proposal, next.get().submitter());
                waiting.warnings().stream().skip(known)
                        .forEach(w -> listener.getLogger().println(Messages.Preflight_Warning(w)));
            }
        } catch (RuntimeException e) {
            throw explain(e);
        }
        if (refused == null) {
            String who = step.getApprover().isEmpty() ? Messages.Create_Unknown() : step.getApprover();
            listener.getLogger().println(Messages.RecordApproval_Taken(step.getRole(),
                    step.getDecision().toLowerCase(Locale.ROOT), who));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("approvals", ApprovalsText.write(after));
        result.put("next", ApprovalsText.next(after, step.getId(), refused));
        result.put("ended", after.ended() == null ? null : after.ended().name().toLowerCase(Locale.ROOT));
        result.put("complete", after.complete());
        if (plan != null) {
            result.put("plannedWrites", plannedWrites(plan.writes(), listener));
        }
        if (isStopped()) {
            return; // aborted meanwhile: the step already ended
        }
        getContext().onSuccess(result);
    }
}
