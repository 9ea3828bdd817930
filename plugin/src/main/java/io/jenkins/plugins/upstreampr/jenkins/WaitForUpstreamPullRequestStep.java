package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.upstreampr.jenkins.params.UpstreamWait;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code waitForUpstreamPullRequest}: waits until the upstream pull request is merged (or closed, or reviewed),
 * writing each change the engine sees (new reviews and comments, the head moving, staging CI on the same head) to
 * the build log. It holds no executor outside {@code node} and no thread between looks, and goes on after a
 * controller restart ({@link WaitForUpstreamPullRequestExecution}). Returns
 * {@code [result, reached, number, url, headSha, mergeCommitSha, closingComment]}; a pull request closed without merge
 * or a timeout does not fail the step: the Jenkinsfile decides on {@code result}.
 */
public final class WaitForUpstreamPullRequestStep extends StagingChecksStep {

    private static final long serialVersionUID = 1L;

    private final String upstream;
    private String staging = "";
    private String until = UpstreamWait.DEFAULT_UNTIL;
    private int timeoutMinutes = UpstreamWait.DEFAULT_TIMEOUT_MINUTES;

    @DataBoundConstructor
    public WaitForUpstreamPullRequestStep(String upstream) {
        this.upstream = trim(upstream);
    }

    public String getUpstream() {
        return upstream;
    }

    public String getStaging() {
        return staging;
    }

    /** The staging pull request in the fork ({@code OWNER/REPO#N}) whose CI must pass on the upstream head. */
    @DataBoundSetter
    public void setStaging(String staging) {
        this.staging = trim(staging);
    }

    public String getUntil() {
        return until;
    }

    /** {@code merged} (default), {@code closed} or {@code review}. */
    @DataBoundSetter
    public void setUntil(String until) {
        this.until = until == null || until.isBlank() ? UpstreamWait.DEFAULT_UNTIL : until.trim();
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new WaitForUpstreamPullRequestExecution(this, context);
    }

    /** Descriptor: function name and the wait's own fields; the GitHub fields are {@link GitHubStepDescriptor}'s. */
    @Extension
    @Symbol("waitForUpstreamPullRequest")
    public static final class DescriptorImpl extends GitHubStepDescriptor {

        @Override
        public String getFunctionName() {
            return "waitForUpstreamPullRequest";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.WaitStep_DisplayName();
        }

        @POST
        public ListBoxModel doFillUntilItems() {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.WaitStep_UntilMerged(), "merged");
            items.add(Messages.WaitStep_UntilClosed(), "closed");
            items.add(Messages.WaitStep_UntilReview(), "review");
            return items;
        }

        @POST
        public FormValidation doCheckUpstream(@QueryParameter String value) {
            return checkWait(value, "", UpstreamWait.DEFAULT_TIMEOUT_MINUTES);
        }

        @POST
        public FormValidation doCheckStaging(@QueryParameter String value) {
            return value == null || value.isBlank() ? FormValidation.ok()
                    : checkWait("o/r#1", value, UpstreamWait.DEFAULT_TIMEOUT_MINUTES);
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(@QueryParameter String value) {
            try {
                return checkWait("o/r#1", "", Integer.parseInt(value == null ? "" : value.trim()));
            } catch (NumberFormatException e) {
                return FormValidation.error(Messages.Form_NotANumber(value));
            }
        }

        private static FormValidation checkWait(String upstream, String staging, int timeoutMinutes) {
            return check(() -> UpstreamWait.of(upstream, staging, UpstreamWait.DEFAULT_UNTIL, timeoutMinutes));
        }
    }
}
