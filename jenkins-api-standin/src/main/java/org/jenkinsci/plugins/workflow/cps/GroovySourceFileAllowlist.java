package org.jenkinsci.plugins.workflow.cps;

public abstract class GroovySourceFileAllowlist {
    public abstract boolean isAllowed(String groovySourceFileUrl);
}
