package io.jenkins.plugins.upstreampr.chant;

/**
 * The input was understood, but the gate refuses to act on it: an unknown or ambiguous spec ID, a spec that
 * cannot be archived, unchecked acceptance criteria. Like every {@link ChantException} the message names the
 * input and says what to do; the command line reports a refusal with exit code 3 (plain bad input is 2).
 */
public class Refusal extends ChantException {
    private static final long serialVersionUID = 1L;

    public Refusal(String message) {
        super(message);
    }

    public Refusal(String message, Throwable cause) {
        super(message, cause);
    }
}
