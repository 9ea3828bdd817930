package org.jenkinsci.plugins.github_branch_source;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

public class GitHubAppCredentials implements StandardUsernamePasswordCredentials {
    private GitHubAppCredentials() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getAppID() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    @Override
    public Secret getPassword() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
