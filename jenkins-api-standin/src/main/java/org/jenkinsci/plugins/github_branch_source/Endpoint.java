package org.jenkinsci.plugins.github_branch_source;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public class Endpoint {
    private Endpoint() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public String getApiUri() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public String getName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
