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
 * {@code createUpstreamPullRequest}: records the human's decision and, on approval, opens the upstream pull
 * request once. It prepares the gate again (fresh staging verdict, trail and blocks) on the controller copy of
 * {@code .chant/} taken by an earlier step of the run; if the staging head is no longer {@code expectedSha}, the
 * pull request is opened only if CI on the new head passes. Creation is idempotent (an open pull request with the
 * same head and base is returned with {@code created: false}), so a replayed or restarted build never opens a second
 * one. Archives the gate record, the pull request text and the specs trail. Returns
 * {@code [number:, url:, created:, decision:, dryRun:, plannedWrites:]}; a rejection fails the step after the gate
 * record is archived. With {@code dryRun} nothing is sent, archived or added to the run: the writes that would be sent
 * are logged and returned. With {@code approvers}, an approval opens only on the complete {@code approvals}.
 *
 * <p>The gate parameters it shares with the preflight are {@link GateStep}'s; here are the prompt's answers.
 */
public final class CreateUpstreamPullRequestStep extends GateStep {

    private static final long serialVersionUID = 1L;

    private String title = "";
    private String body = "";
    private String decision = "approve";
    private String reason = "";
    private String approver = "";
    private String overrides = "";
    private String expectedSha = "";
    private String approvals = "";

    @DataBoundConstructor
    public CreateUpstreamPullRequestStep(String upstream, String head, String staging, String spec) {
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

    /** {@code approve} (default), {@code defer} or {@code reject}. */
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

    /** Who decided, as the input step's {@code submitterParameter} reports it. */
    @DataBoundSetter
    public void setApprover(String approver) {
        this.approver = trim(approver);
    }

    public String getOverrides() {
        return overrides;
    }

    /** Checks the human overrides with {@link #getReason() reason}: {@code freeze}, {@code unchecked-criteria}. */
    @DataBoundSetter
    public void setOverrides(String overrides) {
        this.overrides = trim(overrides);
    }

    public String getExpectedSha() {
        return expectedSha;
    }

    /**
     * The staging head SHA the person saw at the prompt (the preflight's {@code sha}); if the head moved since, the
     * pull request is opened only if CI on the new head passes, and the move is recorded. Empty: no comparison.
     */
    @DataBoundSetter
    public void setExpectedSha(String expectedSha) {
        this.expectedSha = trim(expectedSha);
    }

    public String getApprovals() {
        return approvals;
    }

    /**
     * With {@code approvers}: the approvals given so far, as the text {@code recordUpstreamApproval} (or the
     * preflight) returned; an approval opens the pull request only when every role stands approved of exactly this
     * title, body and draft on the staging head.
     */
    @DataBoundSetter
    public void setApprovals(String approvals) {
        this.approvals = trim(approvals);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new CreateUpstreamPullRequestExecution(this, context);
    }

    /** Descriptor: function name and the decision choices; the rest is {@link GateStepDescriptor}'s. */
    @Extension
    @Symbol("createUpstreamPullRequest")
    public static final class DescriptorImpl extends GateStepDescriptor {

        @Override
        public String getFunctionName() {
            return CreateUpstreamPullRequestExecution.FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CreateStep_DisplayName();
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
