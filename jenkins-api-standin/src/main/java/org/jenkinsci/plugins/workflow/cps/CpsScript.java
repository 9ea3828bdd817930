package org.jenkinsci.plugins.workflow.cps;

public abstract class CpsScript {
    private CpsScript() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
