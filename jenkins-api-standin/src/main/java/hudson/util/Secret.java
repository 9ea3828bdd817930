package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public final class Secret implements java.io.Serializable {
    private Secret() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getPlainText() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static Secret fromString(@CheckForNull String data) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
