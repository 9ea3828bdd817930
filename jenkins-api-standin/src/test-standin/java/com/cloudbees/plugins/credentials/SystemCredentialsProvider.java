package com.cloudbees.plugins.credentials;

import java.io.IOException;
import java.util.List;

/** Stand-in of credentials' {@code SystemCredentialsProvider}: the global credentials store the tests fill. */
public class SystemCredentialsProvider {
    private SystemCredentialsProvider() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static SystemCredentialsProvider getInstance() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public List<Credentials> getCredentials() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void save() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
