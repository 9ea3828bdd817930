package io.jenkins.plugins.upstreampr.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.upstreampr.jenkins.params.PendingWait;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.github_branch_source.Connector;
import org.jenkinsci.plugins.github_branch_source.Endpoint;
import org.jenkinsci.plugins.github_branch_source.GitHubConfiguration;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The form logic the steps' descriptors share for the Snippet Generator: the API URL suggestions (github.com and
 * the GitHub Enterprise endpoints configured for github-branch-source), the credentials dropdown (only what the
 * current user may see, and only for users who may configure the job), credentials validation, and plain field
 * checks. Descriptors call these from their {@code doFill...}/{@code doCheck...} web methods, which carry the
 * {@code @POST} and {@code @AncestorInPath} annotations.
 */
final class GateFormFields {

    private GateFormFields() {}

    static ListBoxModel fillCredentialsIdItems(@CheckForNull Item item, @CheckForNull String apiUri,
            @CheckForNull String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        String current = credentialsId == null ? "" : credentialsId;
        if (!mayConfigure(item) && (item == null || !item.hasPermission(CredentialsProvider.USE_ITEM))) {
            return result.includeCurrentValue(current);
        }
        result.includeEmptyValue()
                .includeMatching(item, StandardCredentials.class, URIRequirementBuilder.fromUri(api(apiUri)).build(),
                        CredentialsMatchers.anyOf(
                                CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                                CredentialsMatchers.instanceOf(StringCredentials.class)))
                .includeCurrentValue(current);
        return result;
    }

    /**
     * github.com's API URL and each GitHub Enterprise endpoint configured in Jenkins (Manage Jenkins, System,
     * GitHub Enterprise Servers), as github-branch-source offers them; the field also takes any other URL.
     */
    static ComboBoxModel fillApiUriItems() {
        ComboBoxModel items = new ComboBoxModel();
        items.add(GitHubConnection.GITHUB_API);
        for (Endpoint endpoint : GitHubConfiguration.get().getEndpoints()) {
            items.add(endpoint.getApiUri());
        }
        return items;
    }

    static FormValidation checkCredentialsId(@CheckForNull Item item, @CheckForNull String apiUri,
            @CheckForNull String upstream, @CheckForNull String value) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        if (value == null || value.isBlank()) {
            return FormValidation.warning(Messages.Form_CredentialsRecommended());
        }
        if (isSecretText(item, apiUri, value)) {
            return FormValidation.ok(Messages.Form_SecretTextToken());
        }
        return Connector.checkScanCredentials(item, api(apiUri), value, ownerOf(upstream));
    }

    static FormValidation checkWaitMinutes(@CheckForNull String value) {
        try {
            PendingWait.ofMinutes(Integer.parseInt(value == null ? "" : value.trim()));
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.Form_NotANumber(value));
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static String api(@CheckForNull String apiUri) {
        return apiUri == null || apiUri.isBlank() ? GitHubConnection.GITHUB_API : apiUri.trim();
    }

    /** The owner part of {@code owner/name}, or null when the text is not of that form yet. */
    @CheckForNull
    static String ownerOf(@CheckForNull String repository) {
        if (repository == null) {
            return null;
        }
        int slash = repository.indexOf('/');
        return slash > 0 ? repository.substring(0, slash).trim() : null;
    }

    private static boolean mayConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    private static boolean isSecretText(@CheckForNull Item item, @CheckForNull String apiUri, String id) {
        ListBoxModel tokens = new StandardListBoxModel()
                .includeMatching(item, StringCredentials.class, URIRequirementBuilder.fromUri(api(apiUri)).build(),
                        CredentialsMatchers.withId(id));
        return !tokens.isEmpty();
    }
}
