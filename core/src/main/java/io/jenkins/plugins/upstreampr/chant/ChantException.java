package io.jenkins.plugins.upstreampr.chant;

/**
 * A problem with the user's chant input (a missing {@code .chant/}, an unknown or ambiguous ID, a spec that
 * cannot be archived...). The message names the input and says what to do; it is meant to be shown as is.
 */
public class ChantException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChantException(String message) {
        super(message);
    }

    public ChantException(String message, Throwable cause) {
        super(message, cause);
    }
}
