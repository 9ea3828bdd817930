package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Descriptor;
import hudson.util.Secret;

/** Stand-in of credentials' {@code UsernamePasswordCredentialsImpl}. */
public class UsernamePasswordCredentialsImpl implements StandardUsernamePasswordCredentials {
    public UsernamePasswordCredentialsImpl(@CheckForNull CredentialsScope scope,
                                           @CheckForNull String id, @CheckForNull String description,
                                           @CheckForNull String username, @CheckForNull String password)
            throws Descriptor.FormException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    @NonNull
    public Secret getPassword() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
