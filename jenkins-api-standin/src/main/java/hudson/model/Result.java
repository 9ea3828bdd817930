package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** Stand-in of {@code hudson.model.Result} (jenkins core): the results the plugin's tests assert. */
public final class Result implements Serializable {
    private Result() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static final @NonNull Result SUCCESS = null;

    public static final @NonNull Result FAILURE = null;

    public static final @NonNull Result ABORTED = null;
}
