package hudson.util;

import java.io.IOException;

public abstract class FormValidation extends IOException {
    private FormValidation() {
        kind = null;
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
