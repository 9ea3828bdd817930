package hudson.model;

import java.util.concurrent.ExecutorService;

public abstract class Computer {
    private Computer() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static final ExecutorService threadPoolForRemoting = null;
}
