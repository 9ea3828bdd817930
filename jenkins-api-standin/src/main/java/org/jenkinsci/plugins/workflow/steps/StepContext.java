package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private StepContext() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    public abstract ListenableFuture<Void> saveState();
}
