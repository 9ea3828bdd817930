package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.upstreampr.jenkins.params.PendingWait;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code upstreamPullRequestPreflight}: checks the staging pull request's CI before anyone is asked, and prepares
 * the proposal the human decides on. GREEN returns the verdict and the proposal as a map and records an
 * {@link UpstreamProposalAction}; RED or NONE fails the step listing the failing checks; PENDING looks again
 * (bounded by {@code waitMinutes}) without holding an executor, across controller restarts.
 *
 * <p>Inside {@code node} it first copies the workspace's {@code .chant/} to the controller
 * ({@link ControllerChantCopy}); outside it uses the newest copy an earlier step of the run took for its spec. The
 * shared gate parameters are {@link GateStep}'s.
 */
public final class UpstreamPullRequestPreflightStep extends GateStep {

    private static final long serialVersionUID = 1L;
    static final int DEFAULT_WAIT_MINUTES = 30;

    private int waitMinutes = DEFAULT_WAIT_MINUTES;
    private String dir = ".";
    private String submitter = "";

    @DataBoundConstructor
    public UpstreamPullRequestPreflightStep(String upstream, String head, String staging, String spec) {
        super(upstream, head, staging, spec);
    }

    public int getWaitMinutes() {
        return waitMinutes;
    }

    @DataBoundSetter
    public void setWaitMinutes(int waitMinutes) {
        this.waitMinutes = waitMinutes;
    }

    public String getDir() {
        return dir;
    }

    /** The folder of the workspace that holds {@code .chant/}; blank for the workspace itself. */
    @DataBoundSetter
    public void setDir(String dir) {
        this.dir = dir == null || dir.isBlank() ? "." : dir.trim();
    }

    public String getSubmitter() {
        return submitter;
    }

    /**
     * Who may answer the prompt (the input step's {@code submitter}: users or groups, comma-separated), for the gate's
     * status on GitHub ({@code gateStatus}) to say who the decision waits for; empty: not said.
     */
    @DataBoundSetter
    public void setSubmitter(String submitter) {
        this.submitter = trim(submitter);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new UpstreamPullRequestPreflightExecution(this, context);
    }

    /** Descriptor: function name and the {@code waitMinutes} check; the rest is {@link GateStepDescriptor}'s. */
    @Extension
    @Symbol("upstreamPullRequestPreflight")
    public static final class DescriptorImpl extends GateStepDescriptor {

        @Override
        public String getFunctionName() {
            return UpstreamPullRequestPreflightExecution.FUNCTION;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PreflightStep_DisplayName();
        }

        @POST
        public FormValidation doCheckWaitMinutes(@QueryParameter String value) {
            try {
                PendingWait.ofMinutes(Integer.parseInt(value == null ? "" : value.trim()));
                return FormValidation.ok();
            } catch (NumberFormatException e) {
                return FormValidation.error(Messages.Form_NotANumber(value));
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
