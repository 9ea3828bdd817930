package hudson.util;

public final class Secret implements java.io.Serializable {
    private Secret() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getPlainText() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
