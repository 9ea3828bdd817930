package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code recordUpstreamApproval}: takes one role's answer in a gate with several roles ({@code approvers}), between
 * two {@code input} prompts of the one-liner. It prepares the gate again (the staging head read again: approvals of a
 * head that moved lapse) and hands the answer to the engine
 * ({@link io.jenkins.plugins.upstreampr.gate.UpstreamGate#answer}), which decides everything: each role by a different person, approvals bound to the head and the text, a
 * later edit making earlier approvals lapse, a rejection or deferral ending the gate. Opens nothing and archives
 * nothing; {@code createUpstreamPullRequest} does, with the approvals this step returns.
 *
 * <p>Returns {@code [approvals:, next:, ended:, complete:]}: {@code approvals} the text to pass on, {@code next}
 * {@code [role:, submitter:, inputId:, why:]} or {@code null}, {@code ended} {@code defer}/{@code reject} or
 * {@code null}. An answer the engine refuses (the same person for a second role) is not taken: {@code next} asks
 * that role again and its {@code why} starts with the refusal.
 */
public final class RecordUpstreamApprovalStep extends GateAnswerStep {

    private static final long serialVersionUID = 1L;

    private int role;

    @DataBoundConstructor
    public RecordUpstreamApprovalStep(String upstream, String head, String staging, String spec) {
        super(upstream, head, staging, spec);
    }

    public int getRole() {
        return role;
    }

    /** The number (from 1) of the role that answered: the {@code next.role} it was asked as. */
    @DataBoundSetter
    public void setRole(int role) {
        this.role = role;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new RecordUpstreamApprovalExecution(this, context);
    }

    /** Descriptor: function name and display name; the rest is {@link GateAnswerStepDescriptor}'s. */
    @Extension
    @Symbol("recordUpstreamApproval")
    public static final class DescriptorImpl extends GateAnswerStepDescriptor {

        @Override
        public String getFunctionName() {
            return RecordUpstreamApprovalExecution.FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RecordApprovalStep_DisplayName();
        }
    }
}
