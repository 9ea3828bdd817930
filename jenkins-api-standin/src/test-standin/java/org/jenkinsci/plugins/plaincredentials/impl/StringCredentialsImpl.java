package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Stand-in of plain-credentials' {@code StringCredentialsImpl}. */
public final class StringCredentialsImpl implements StringCredentials {
    public StringCredentialsImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id,
            @CheckForNull String description, @NonNull Secret secret) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    @NonNull
    public Secret getSecret() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
