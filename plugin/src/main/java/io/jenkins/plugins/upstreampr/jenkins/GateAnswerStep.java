package io.jenkins.plugins.upstreampr.jenkins;

import io.jenkins.plugins.upstreampr.jenkins.params.GateAnswers;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A gate step that takes a person's answer at the prompt: {@code createUpstreamPullRequest} (the answer that is carried
 * out) and {@code recordUpstreamApproval} (one role's answer when several must approve). The answer's parameters,
 * {@code decision}, {@code title}, {@code body}, {@code reason}, {@code approver}, {@code overrides},
 * {@code expectedSha} and {@code approvals}, are the same for both, so the one-liner passes the prompt's answer to
 * either as it is; the engine decides what a valid answer is. Its descriptor extends
 * {@link GateAnswerStepDescriptor}.
 */
abstract class GateAnswerStep extends GateStep {

    private static final long serialVersionUID = 1L;

    private String title = "";
    private String body = "";
    private String decision = "approve";
    private String reason = "";
    private String approver = "";
    private String overrides = "";
    private String expectedSha = "";
    private String approvals = "";

    GateAnswerStep(String upstream, String head, String staging, String spec) {
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

    /** The answer as the Jenkins-free {@link GateAnswers}, which turns it into the engine's decision. */
    GateAnswers answers() {
        return new GateAnswers(getDecision(), getTitle(), getBody(), isDraft(), getReason(), getApprover(),
                getOverrides());
    }
}
