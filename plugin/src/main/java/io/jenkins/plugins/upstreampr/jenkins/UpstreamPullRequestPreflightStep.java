package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
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
 * ({@link ControllerChantCopy}); outside it uses the copy an earlier step of the run took.
 */
public final class UpstreamPullRequestPreflightStep extends Step {

    static final int DEFAULT_WAIT_MINUTES = 30;

    private final String upstream;
    private final String head;
    private final String staging;
    private final String spec;
    private String credentialsId = "";
    private String apiUri = "";
    private String base = "";
    private String requiredChecks = "";
    private boolean allowNoChecks;
    private String freezes = "";
    private int milestoneDays;
    private int waitMinutes = DEFAULT_WAIT_MINUTES;
    private String dir = ".";
    private boolean draft;

    @DataBoundConstructor
    public UpstreamPullRequestPreflightStep(String upstream, String head, String staging, String spec) {
        this.upstream = upstream;
        this.head = head;
        this.staging = staging;
        this.spec = spec;
    }

    public String getUpstream() {
        return upstream;
    }

    public String getHead() {
        return head;
    }

    public String getStaging() {
        return staging;
    }

    public String getSpec() {
        return spec;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId == null ? "" : credentialsId.trim();
    }

    public String getApiUri() {
        return apiUri;
    }

    @DataBoundSetter
    public void setApiUri(String apiUri) {
        this.apiUri = apiUri == null ? "" : apiUri.trim();
    }

    public String getBase() {
        return base;
    }

    @DataBoundSetter
    public void setBase(String base) {
        this.base = base == null ? "" : base.trim();
    }

    public String getRequiredChecks() {
        return requiredChecks;
    }

    /** Names or globs of the checks that decide, separated by commas or new lines; empty: all checks decide. */
    @DataBoundSetter
    public void setRequiredChecks(String requiredChecks) {
        this.requiredChecks = requiredChecks == null ? "" : requiredChecks.trim();
    }

    public boolean isAllowNoChecks() {
        return allowNoChecks;
    }

    @DataBoundSetter
    public void setAllowNoChecks(boolean allowNoChecks) {
        this.allowNoChecks = allowNoChecks;
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

    @DataBoundSetter
    public void setDir(String dir) {
        this.dir = dir == null || dir.isBlank() ? "." : dir.trim();
    }

    public boolean isDraft() {
        return draft;
    }

    @DataBoundSetter
    public void setDraft(boolean draft) {
        this.draft = draft;
    }

    public String getFreezes() {
        return freezes;
    }

    /** Declared upstream freeze windows, one per line: {@code FROM..TO[:REASON]} with ISO dates, both inclusive. */
    @DataBoundSetter
    public void setFreezes(String freezes) {
        this.freezes = freezes == null ? "" : freezes.strip();
    }

    public int getMilestoneDays() {
        return milestoneDays;
    }

    /** Warn about open upstream milestones due within this many days; 0 (default) reads none. */
    @DataBoundSetter
    public void setMilestoneDays(int milestoneDays) {
        this.milestoneDays = milestoneDays;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new UpstreamPullRequestPreflightExecution(this, context);
    }

    /** Descriptor: function name, Snippet Generator fields and their validation. */
    @Extension
    @Symbol("upstreamPullRequestPreflight")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "upstreamPullRequestPreflight";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PreflightStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public ComboBoxModel doFillApiUriItems() {
            return GateFormFields.fillApiUriItems();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String apiUri,
                @QueryParameter String credentialsId) {
            return GateFormFields.fillCredentialsIdItems(item, apiUri, credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String apiUri,
                @QueryParameter String upstream, @QueryParameter String value) {
            return GateFormFields.checkCredentialsId(item, apiUri, upstream, value);
        }

        @POST
        public FormValidation doCheckWaitMinutes(@QueryParameter String value) {
            return GateFormFields.checkWaitMinutes(value);
        }
    }
}
