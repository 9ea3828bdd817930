package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

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
public final class CreateUpstreamPullRequestStep extends GateAnswerStep {

    private static final long serialVersionUID = 1L;

    @DataBoundConstructor
    public CreateUpstreamPullRequestStep(String upstream, String head, String staging, String spec) {
        super(upstream, head, staging, spec);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new CreateUpstreamPullRequestExecution(this, context);
    }

    /** Descriptor: function name and display name; the rest is {@link GateAnswerStepDescriptor}'s. */
    @Extension
    @Symbol("createUpstreamPullRequest")
    public static final class DescriptorImpl extends GateAnswerStepDescriptor {

        @Override
        public String getFunctionName() {
            return CreateUpstreamPullRequestExecution.FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CreateStep_DisplayName();
        }
    }
}
