package org.jenkinsci.remoting;

public abstract class RoleChecker {
    private RoleChecker() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
