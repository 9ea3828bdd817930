package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.ListBoxModel;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code recordUpstreamApproval}: takes one role's answer in a gate with several roles ({@code approvers}), between
 * two {@code input} prompts of the one-liner. It prepares the gate again (the staging head read again: approvals of a
 * head that moved lapse) and hands the answer to the engine ({@link io.jenkins.plugins.upstreampr.gate.UpstreamGate#
 * answer}), which decides everything: each role by a different person, approvals bound to the head and the text, a
 * later edit making earlier approvals lapse, a rejection or deferral ending the gate. Opens nothing and archives
 * nothing; {@code createUpstreamPullRequest} does, with the approvals this step returns.
 *
 * <p>Returns {@code [approvals:, next:, ended:, complete:]}: {@code approvals} the text to pass on, {@code next}
 * {@code [role:, submitter:, inputId:, why:]} or {@code null}, {@code ended} {@code defer}/{@code reject} or
 * {@code null}. An answer the engine refuses (the same person for a second role) is not taken: {@code next} asks
 * that role again and its {@code why} starts with the refusal.
 */
public final class RecordUpstreamApprovalStep extends GateStep {

    private static final long serialVersionUID = 1L;

    private String title = "";
    private String body = "";
    private String decision = "approve";
    private String reason = "";
    private String approver = "";
    private String overrides = "";
    private String expectedSha = "";
    private String approvals = "";
    private int role;

    @DataBoundConstructor
    public RecordUpstreamApprovalStep(String upstream, String head, String staging, String spec) {
        super(upstream, head, staging, spec);
    }

    public String getTitle() {
        return title;
    }

    @DataBoundSetter
    public void setTitle(String title) {
        this.title = trim(title);
    }

    public String getBody() {
        return body;
    }

    /** The pull request body, kept as typed (Markdown is whitespace-sensitive). */
    @DataBoundSetter
    public void setBody(String body) {
        this.body = body == null ? "" : body;
    }

    public String getDecision() {
        return decision;
    }

    @DataBoundSetter
    public void setDecision(String decision) {
        this.decision = decision == null || decision.isBlank() ? "approve" : decision.trim();
    }

    public String getReason() {
        return reason;
    }

    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = trim(reason);
    }

    public String getApprover() {
        return approver;
    }

    /** Who answered, as the input step's {@code submitterParameter} reports it; each role needs a different one. */
    @DataBoundSetter
    public void setApprover(String approver) {
        this.approver = trim(approver);
    }

    public String getOverrides() {
        return overrides;
    }

    @DataBoundSetter
    public void setOverrides(String overrides) {
        this.overrides = trim(overrides);
    }

    public String getExpectedSha() {
        return expectedSha;
    }

    /**
     * Taken so that the one-liner can pass the create step's arguments as they are; the engine reads the staging
     * head again itself and binds the approval to it.
     */
    @DataBoundSetter
    public void setExpectedSha(String expectedSha) {
        this.expectedSha = trim(expectedSha);
    }

    public String getApprovals() {
        return approvals;
    }

    /** The approvals so far, as the preflight or the previous {@code recordUpstreamApproval} returned them. */
    @DataBoundSetter
    public void setApprovals(String approvals) {
        this.approvals = trim(approvals);
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

    /** Descriptor: function name and the decision choices; the rest is {@link GateStepDescriptor}'s. */
    @Extension
    @Symbol("recordUpstreamApproval")
    public static final class DescriptorImpl extends GateStepDescriptor {

        @Override
        public String getFunctionName() {
            return RecordUpstreamApprovalExecution.FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RecordApprovalStep_DisplayName();
        }

        public ListBoxModel doFillDecisionItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("approve");
            items.add("defer");
            items.add("reject");
            return items;
        }
    }
}
