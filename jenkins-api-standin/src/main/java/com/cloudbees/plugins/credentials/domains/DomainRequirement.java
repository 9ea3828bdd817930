package com.cloudbees.plugins.credentials.domains;

public class DomainRequirement {
    private DomainRequirement() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
