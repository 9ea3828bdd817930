package io.jenkins.plugins.upstreampr.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.github.GitHubException;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.jenkinsci.plugins.github_branch_source.Connector;
import org.jenkinsci.plugins.github_branch_source.GitHubAppCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.github.authorization.AuthorizationProvider;

/**
 * The engine's {@link GitHubSession} for one step, built from a Jenkins {@code credentialsId}.
 *
 * <p>The credentials are found for the run, as the build runs ({@code CredentialsProvider.findCredentialById} with the
 * run, which uses the build's authentication, as {@code withCredentials} does), for the API URL's domain:
 * username/password (a user and a personal access token), GitHub App, or a token stored as secret text. A GitHub App
 * credential is then narrowed to the installation on the upstream owner the way github-branch-source does it
 * ({@link Connector#lookupScanCredentials} with the job, the API URI and the owner as {@code repoOwner}).
 *
 * <p>Both are handed to the engine as an {@link AuthorizationProvider} that reads the credential's secret on every
 * request ({@code getPassword()} / {@code getSecret()}): for a GitHub App, {@code GitHubAppCredentials.getPassword()}
 * mints an installation token and refreshes it when it goes stale, so a gate that waits for hours still sends a
 * valid token. {@code Connector.connect} is not used: its pooled github-api client is not the engine's transport,
 * and it refuses secret text. The secret never leaves the provider: no message of this class contains it.
 */
final class GitHubConnection {

    /** github.com's API, used when {@code apiUri} is empty. */
    static final String GITHUB_API = "https://api.github.com";

    private final GitHubSession session;
    private final String description;
    private final boolean gitHubApp;
    /** The credential's secret, read when needed (a GitHub App's is minted then); null for anonymous access. */
    private final Supplier<Secret> secret;

    private GitHubConnection(String api, AuthorizationProvider authorization, String description, boolean gitHubApp)
            throws AbortException {
        this.session = connect(api, authorization);
        this.description = description;
        this.gitHubApp = gitHubApp;
        this.secret = authorization instanceof SecretAuthorization secretAuthorization
                ? secretAuthorization.secret()
                : null;
    }

    /**
     * Resolves {@code credentialsId} for {@code run}'s job and connects.
     *
     * @param apiUri        GitHub API URL; empty for github.com
     * @param credentialsId Jenkins credentials ID; empty for anonymous access (public reads only)
     * @param upstreamOwner owner of the upstream repository, the {@code repoOwner} of the lookup
     * @throws AbortException when the API URL is invalid or the ID matches no usable credentials, naming the input
     *     and what to do
     */
    static GitHubConnection open(@NonNull Run<?, ?> run, @CheckForNull String apiUri,
            @CheckForNull String credentialsId, @NonNull String upstreamOwner) throws AbortException {
        String api = api(apiUri);
        if (credentialsId == null || credentialsId.isBlank()) {
            return new GitHubConnection(api, AuthorizationProvider.ANONYMOUS, Messages.GitHub_Anonymous(), false);
        }
        String id = credentialsId.trim();
        List<DomainRequirement> domain = URIRequirementBuilder.fromUri(api).build();
        // Resolved as the build runs (its authentication, as withCredentials resolves it), so that a build cannot use
        // credentials it may not see, also under Authorize Project.
        StandardUsernamePasswordCredentials usernameToken = CredentialsProvider.findCredentialById(
                id, StandardUsernamePasswordCredentials.class, run, domain);
        if (usernameToken instanceof GitHubAppCredentials) {
            // github-branch-source's lookup gives the copy narrowed to the installation on the upstream owner; asked
            // only once the build is known to see the credentials (it looks up as the job's default authentication)
            StandardCredentials scoped = Connector.lookupScanCredentials(run.getParent(), api, id, upstreamOwner);
            if (scoped instanceof GitHubAppCredentials app) {
                CredentialsProvider.track(run, app);
                String description = Messages.GitHub_AppCredentials(id, app.getAppID());
                return new GitHubConnection(api, new SecretAuthorization(app::getPassword, description,
                        upstreamOwner), description, true);
            }
            throw new AbortException(Messages.GitHub_NoCredentials(id, api));
        }
        if (usernameToken != null) {
            CredentialsProvider.track(run, usernameToken);
            return new GitHubConnection(api, new SecretAuthorization(usernameToken::getPassword, null, null),
                    Messages.GitHub_Credentials(id), false);
        }
        StringCredentials token = CredentialsProvider.findCredentialById(id, StringCredentials.class, run, domain);
        if (token != null) {
            CredentialsProvider.track(run, token);
            return new GitHubConnection(api, new SecretAuthorization(token::getSecret, null, null),
                    Messages.GitHub_TokenCredentials(id), false);
        }
        throw new AbortException(Messages.GitHub_NoCredentials(id, api));
    }

    /** The API URL a step's {@code apiUri} parameter names: github.com's when empty. */
    static String api(@CheckForNull String apiUri) {
        return apiUri == null || apiUri.isBlank() ? GITHUB_API : apiUri.trim();
    }

    /**
     * A session through Jenkins' HTTP proxy settings (Manage Jenkins, System, HTTP Proxy Configuration), over the
     * controller's one {@link SharedHttpTransport}; its cache of conditional answers is its own.
     */
    private static GitHubSession connect(String api, AuthorizationProvider authorization) throws AbortException {
        try {
            return GitHubSession.connect(URI.create(api), authorization, SharedHttpTransport.get());
        } catch (IllegalArgumentException e) {
            throw new AbortException("apiUri: " + e.getMessage());
        }
    }

    /**
     * The credential's token for git over HTTPS (pushing to the fork), or null without credentials. For a GitHub
     * App this is an installation token for the owner the connection was opened for. Never log it.
     */
    @CheckForNull
    Secret gitToken() {
        return secret == null ? null : secret.get();
    }

    /** The engine's session. */
    @NonNull
    GitHubSession session() {
        return session;
    }

    /**
     * A step failure for what the engine threw while working with these credentials: its refusals and GitHub errors
     * become {@link AbortException}s with the engine's message (which names the repository and a remedy, never a
     * secret); for a GitHub App whose token cannot act on a repository (403, 404) or cannot be minted for the upstream
     * owner, the message says exactly that and suggests a user token. Anything else is returned as is.
     *
     * @param upstream the upstream repository, named in the GitHub App message
     */
    @NonNull
    Exception explain(@NonNull RuntimeException failure, @NonNull String upstream) {
        String message;
        if (failure instanceof AppTokenUnavailable) {
            message = failure.getMessage();
        } else if (failure instanceof GitHubException github) {
            boolean unreachable = github.kind() == GitHubException.Kind.FORBIDDEN
                    || github.kind() == GitHubException.Kind.NOT_FOUND;
            message = gitHubApp && unreachable
                    ? Messages.GitHub_AppCannotReach(description, upstream, github.getMessage())
                    : github.getMessage();
        } else if (failure instanceof Refusal || failure instanceof ChantException) {
            message = failure.getMessage();
        } else {
            return failure;
        }
        AbortException explained = new AbortException(message);
        explained.initCause(failure);
        return explained;
    }

    /**
     * Reads the secret on every request. A GitHub App credential that cannot mint a token for the upstream owner
     * (not installed there, several installations and none for that owner, a broken key) throws
     * {@code IllegalArgumentException}/{@code IllegalStateException} from {@code getPassword()}; that becomes an
     * {@link AppTokenUnavailable} naming the credential and the owner, which the engine lets through unchanged.
     *
     * @param appDescription the GitHub App credential as named in messages; null for other credentials
     * @param owner the upstream owner the App token is for; null for other credentials
     */
    private record SecretAuthorization(Supplier<Secret> secret, String appDescription, String owner)
            implements AuthorizationProvider {

        @Override
        public String getEncodedAuthorization() {
            if (appDescription == null) {
                return "token " + secret.get().getPlainText();
            }
            try {
                return "token " + secret.get().getPlainText();
            } catch (IllegalArgumentException | IllegalStateException e) {
                String why = e.getMessage() + (e.getCause() == null || e.getCause().getMessage() == null ? ""
                        : " (" + e.getCause().getMessage() + ")");
                throw new AppTokenUnavailable(Messages.GitHub_AppNoToken(appDescription, owner, why));
            }
        }
    }

    /** A GitHub App credential could not give an installation token for the upstream owner. */
    static final class AppTokenUnavailable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        AppTokenUnavailable(String message) {
            super(message);
        }
    }
}
