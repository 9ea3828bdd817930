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
 * {@code createUpstreamPullRequest}: records the human's decision and, on approval, opens the upstream pull
 * request once. It prepares the gate again (fresh staging verdict, trail and blocks) on the controller copy of
 * {@code .chant/} taken by an earlier step of the run; if the staging head is no longer {@code expectedSha}, the
 * pull request is opened only if CI on the new head passes. Creation is idempotent (an open pull request with the
 * same head and base is returned with {@code created: false}), so a replayed or restarted build never opens a second
 * one. Archives the gate record, the pull request text and the specs trail. Returns
 * {@code [number:, url:, created:, decision:]}; a rejection fails the step after the gate record is archived.
 */
public final class CreateUpstreamPullRequestStep extends Step {

    private final String upstream;
    private final String head;
    private final String staging;
    private final String spec;
    private String credentialsId = "";
    private String apiUri = "";
    private String base = "";
    private String title = "";
    private String body = "";
    private boolean draft;
    private String decision = "approve";
    private String reason = "";
    private String approver = "";
    private String overrides = "";
    private String expectedSha = "";
    private String requiredChecks = "";
    private boolean allowNoChecks;
    private String freezes = "";
    private int milestoneDays;

    @DataBoundConstructor
    public CreateUpstreamPullRequestStep(String upstream, String head, String staging, String spec) {
        this.upstream = trim(upstream);
        this.head = trim(head);
        this.staging = trim(staging);
        this.spec = trim(spec);
    }

    public String getUpstream() {
        return upstream;
    }

    public String getHead() {
        return head;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = trim(credentialsId);
    }

    public String getApiUri() {
        return apiUri;
    }

    @DataBoundSetter
    public void setApiUri(String apiUri) {
        this.apiUri = trim(apiUri);
    }

    public String getBase() {
        return base;
    }

    @DataBoundSetter
    public void setBase(String base) {
        this.base = trim(base);
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

    @DataBoundSetter
    public void setBody(String body) {
        this.body = body == null ? "" : body;
    }

    public boolean isDraft() {
        return draft;
    }

    @DataBoundSetter
    public void setDraft(boolean draft) {
        this.draft = draft;
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

    public String getStaging() {
        return staging;
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

    public String getRequiredChecks() {
        return requiredChecks;
    }

    @DataBoundSetter
    public void setRequiredChecks(String requiredChecks) {
        this.requiredChecks = trim(requiredChecks);
    }

    public boolean isAllowNoChecks() {
        return allowNoChecks;
    }

    @DataBoundSetter
    public void setAllowNoChecks(boolean allowNoChecks) {
        this.allowNoChecks = allowNoChecks;
    }

    /** The implementation spec whose trail feeds the record and the archived specs. */
    public String getSpec() {
        return spec;
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
        return new CreateUpstreamPullRequestExecution(this, context);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    /** Descriptor: function name, Snippet Generator fields and their validation. */
    @Extension
    @Symbol("createUpstreamPullRequest")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "createUpstreamPullRequest";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CreateStep_DisplayName();
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

        public ListBoxModel doFillDecisionItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("approve");
            items.add("defer");
            items.add("reject");
            return items;
        }
    }
}
