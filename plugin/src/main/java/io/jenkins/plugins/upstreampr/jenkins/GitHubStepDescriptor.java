package io.jenkins.plugins.upstreampr.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.github_branch_source.Connector;
import org.jenkinsci.plugins.github_branch_source.Endpoint;
import org.jenkinsci.plugins.github_branch_source.GitHubConfiguration;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.core.Authentication;

/**
 * The descriptor of a {@link GitHubStep}: the Snippet Generator's {@code credentialsId} and {@code apiUri} fields,
 * shared by every step of the plugin. It offers github.com's API URL and the GitHub Enterprise endpoints configured
 * for github-branch-source, lists the credentials only to users who may pick them ({@link #mayListCredentials}), and
 * checks the chosen credentials the way github-branch-source does. Every step runs with a run and a listener.
 *
 * <p>Public (unlike the steps' base classes) because Stapler dispatches these web methods by reflection and reads
 * their {@code @QueryParameter} names from the class that declares them.
 */
public abstract class GitHubStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    /**
     * github.com's API URL and each GitHub Enterprise endpoint configured in Jenkins (Manage Jenkins, System,
     * GitHub Enterprise Servers), as github-branch-source offers them; the field also takes any other URL.
     */
    @POST
    public ComboBoxModel doFillApiUriItems() {
        ComboBoxModel items = new ComboBoxModel();
        items.add(GitHubConnection.GITHUB_API);
        for (Endpoint endpoint : GitHubConfiguration.get().getEndpoints()) {
            items.add(endpoint.getApiUri());
        }
        return items;
    }

    /** Username/token and secret text credentials for the API URL's domain that the current user may see. */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String apiUri,
            @QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        String current = credentialsId == null ? "" : credentialsId;
        if (!mayListCredentials(item)) {
            return result.includeCurrentValue(current);
        }
        result.includeEmptyValue()
                .includeMatchingAs(listingAs(item), item, StandardCredentials.class, domain(apiUri),
                        CredentialsMatchers.anyOf(
                                CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                                CredentialsMatchers.instanceOf(StringCredentials.class)))
                .includeCurrentValue(current);
        return result;
    }

    /** Recommends credentials; checks a GitHub App or username/token as github-branch-source does. */
    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String apiUri,
            @QueryParameter String upstream, @QueryParameter String value) {
        if (!mayListCredentials(item)) {
            return FormValidation.ok();
        }
        if (value == null || value.isBlank()) {
            return FormValidation.warning(Messages.Form_CredentialsRecommended());
        }
        if (isSecretText(item, apiUri, value)) {
            return FormValidation.ok(Messages.Form_SecretTextToken());
        }
        return Connector.checkScanCredentials(item, GitHubConnection.api(apiUri), value, appOwner(upstream));
    }

    /**
     * The account a GitHub App token is minted for, given the step's {@code upstream} field: its owner; null when not
     * known from the form.
     */
    @CheckForNull
    protected String appOwner(@CheckForNull String upstream) {
        if (upstream == null) {
            return null;
        }
        int slash = upstream.indexOf('/');
        return slash > 0 ? upstream.substring(0, slash).trim() : null;
    }

    /** The result of a check that throws {@link IllegalArgumentException} naming what is wrong. */
    static FormValidation check(Runnable parse) {
        try {
            parse.run();
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /**
     * Whether the current user may see the credentials list (and their check) for {@code item}: the credentials
     * plugin's consumer guide (docs/consumer.adoc, "doFillXYZItems" and "doCheckXYZ"): without a job, administrators;
     * for a job, users with {@link Item#EXTENDED_READ} or {@link CredentialsProvider#USE_ITEM}, who may pick
     * credentials without being allowed to configure the job. Others get only the current value and no check.
     */
    static boolean mayListCredentials(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    private static boolean isSecretText(@CheckForNull Item item, @CheckForNull String apiUri, String id) {
        return !new StandardListBoxModel()
                .includeMatchingAs(listingAs(item), item, StringCredentials.class, domain(apiUri),
                        CredentialsMatchers.withId(id))
                .isEmpty();
    }

    /**
     * Who the credentials are listed as: the authentication the job will run as (what the steps' lookup at run time
     * sees), else the system; the credentials plugin's consumer guide (docs/consumer.adoc, "listing"). Listed as the
     * user of the form instead, the global store would list nothing for anyone but the system.
     */
    @NonNull
    private static Authentication listingAs(@CheckForNull Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    private static List<DomainRequirement> domain(@CheckForNull String apiUri) {
        return URIRequirementBuilder.fromUri(GitHubConnection.api(apiUri)).build();
    }
}
