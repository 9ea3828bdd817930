package io.jenkins.plugins.upstreampr.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Run;
import java.io.IOException;
import org.jenkinsci.plugins.github_branch_source.Connector;
import org.jenkinsci.plugins.github_branch_source.GitHubAppCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.github.GitHub;

/**
 * A GitHub client for one step call, built from a Jenkins {@code credentialsId} the way github-branch-source
 * builds its own: {@link Connector#lookupScanCredentials} with the job as context, the API URI and the upstream
 * owner as {@code repoOwner} (so a GitHub App credential is narrowed to that owner's installation), then
 * {@link Connector#connect}. That covers GitHub App and username/password (token) credentials and the GitHub
 * Enterprise endpoints configured in Jenkins. A secret-text token (plain-credentials), which {@code Connector}
 * refuses, is handed to the engine's own client construction.
 *
 * <p>The secret never leaves this class: no message here or in {@link #explain} contains it. Close the connection
 * when done (it releases the pooled {@code Connector} client).
 */
final class GitHubConnection implements AutoCloseable {

    /** github.com's API, used when {@code apiUri} is empty. */
    static final String GITHUB_API = "https://api.github.com";

    private final GitHub github;
    private final boolean pooled;
    private final String credentialsDescription;
    private final boolean gitHubApp;

    private GitHubConnection(GitHub github, boolean pooled, String credentialsDescription, boolean gitHubApp) {
        this.github = github;
        this.pooled = pooled;
        this.credentialsDescription = credentialsDescription;
        this.gitHubApp = gitHubApp;
    }

    /**
     * Resolves {@code credentialsId} for {@code run}'s job and connects.
     *
     * @param apiUri        GitHub API URL; empty for github.com
     * @param credentialsId Jenkins credentials ID; empty for anonymous access (public reads only)
     * @param upstreamOwner owner of the upstream repository, the {@code repoOwner} of the lookup
     * @throws AbortException when the ID matches no usable credentials, naming the ID and what to do
     */
    static GitHubConnection open(@NonNull Run<?, ?> run, @CheckForNull String apiUri,
            @CheckForNull String credentialsId, @NonNull String upstreamOwner) throws IOException {
        String api = apiUri == null || apiUri.isBlank() ? GITHUB_API : apiUri.trim();
        if (credentialsId == null || credentialsId.isBlank()) {
            return new GitHubConnection(Connector.connect(api, null), true, Messages.GitHub_Anonymous(), false);
        }
        StandardCredentials credentials =
                Connector.lookupScanCredentials(run.getParent(), api, credentialsId, upstreamOwner);
        if (credentials != null) {
            CredentialsProvider.track(run, credentials);
            boolean app = credentials instanceof GitHubAppCredentials;
            String description = app
                    ? Messages.GitHub_AppCredentials(credentialsId, ((GitHubAppCredentials) credentials).getAppID())
                    : Messages.GitHub_Credentials(credentialsId);
            try {
                return new GitHubConnection(Connector.connect(api, credentials), true, description, app);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // GitHubAppCredentials reports "not installed" and key problems this way; its messages hold no secret.
                throw new AbortException(app
                        ? Messages.GitHub_AppCannotReach(description, upstreamOwner, e.getMessage())
                        : Messages.GitHub_CannotConnect(description, api, e.getMessage()));
            }
        }
        StringCredentials token = CredentialsProvider.findCredentialById(
                credentialsId, StringCredentials.class, run, URIRequirementBuilder.fromUri(api).build());
        if (token != null) {
            CredentialsProvider.track(run, token);
            // CORE: the engine builds the client from API URL + token (GitHubSession.connect(URI, String) in
            // io.jenkins.plugins.upstreampr.github, not in main yet). Until it lands, github-api's builder is used
            // directly; replace this line with the engine's construction when it is merged.
            GitHub github = new org.kohsuke.github.GitHubBuilder()
                    .withEndpoint(api)
                    .withOAuthToken(token.getSecret().getPlainText())
                    .build();
            return new GitHubConnection(github, false, Messages.GitHub_TokenCredentials(credentialsId), false);
        }
        throw new AbortException(Messages.GitHub_NoCredentials(credentialsId, api));
    }

    /** The client. Do not keep it beyond {@link #close()}. */
    @NonNull
    GitHub github() {
        return github;
    }

    /** Whether the credentials are a GitHub App's, whose token reaches only the repositories it is installed on. */
    boolean isGitHubApp() {
        return gitHubApp;
    }

    /**
     * A step failure for a GitHub error met with these credentials on {@code repository}: for a GitHub App that
     * could not read or write there, says exactly that and suggests a user token; otherwise the error as is.
     */
    @NonNull
    Exception explain(@NonNull Exception failure, @NonNull String repository) {
        if (gitHubApp && (failure instanceof IllegalArgumentException
                || failure instanceof org.kohsuke.github.GHFileNotFoundException
                || failure instanceof org.kohsuke.github.HttpException
                        && ((org.kohsuke.github.HttpException) failure).getResponseCode() == 403)) {
            AbortException explained = new AbortException(
                    Messages.GitHub_AppCannotReach(credentialsDescription, repository, failure.getMessage()));
            explained.initCause(failure);
            return explained;
        }
        return failure;
    }

    @Override
    public void close() {
        if (pooled) {
            Connector.release(github);
        }
    }
}
