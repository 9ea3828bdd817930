package org.jenkinsci.plugins.github_branch_source;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;

public class Connector {
    private Connector() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation checkScanCredentials(
            @CheckForNull Item context, String apiUri, String scanCredentialsId, @CheckForNull String repoOwner) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public static StandardCredentials lookupScanCredentials(
            @CheckForNull Item context,
            @CheckForNull String apiUri,
            @CheckForNull String scanCredentialsId,
            @CheckForNull String repoOwner) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
