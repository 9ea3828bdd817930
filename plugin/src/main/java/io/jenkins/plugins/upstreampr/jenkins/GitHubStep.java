package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that talks to GitHub: the two parameters every step of the plugin takes to reach it, {@code credentialsId}
 * (Jenkins credentials, empty for anonymous) and {@code apiUri} (empty for github.com). Its descriptor extends
 * {@link GitHubStepDescriptor}, which offers both fields in the Snippet Generator.
 *
 * <p>Serializable, with plain text, number and flag fields (and lists of texts) only, so that an execution can keep
 * its step across a controller restart.
 */
abstract class GitHubStep extends Step implements Serializable {

    private static final long serialVersionUID = 1L;

    private String credentialsId = "";
    private String apiUri = "";

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

    /** The GitHub API URL; empty for github.com, {@code https://HOST/api/v3} for GitHub Enterprise Server. */
    @DataBoundSetter
    public void setApiUri(String apiUri) {
        this.apiUri = trim(apiUri);
    }

    /** A text parameter as the step keeps it: trimmed, never null. */
    static String trim(@CheckForNull String value) {
        return value == null ? "" : value.trim();
    }
}
