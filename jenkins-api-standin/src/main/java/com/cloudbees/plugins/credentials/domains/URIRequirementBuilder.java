package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;

public class URIRequirementBuilder {
    private URIRequirementBuilder() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static URIRequirementBuilder fromUri(@CheckForNull String uri) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
