package org.jenkinsci.plugins.workflow.cps;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class GlobalVariable {
    public abstract @NonNull String getName();

    public abstract @NonNull Object getValue(@NonNull CpsScript script) throws Exception;
}
