package io.jenkins.plugins.upstreampr.jenkins.params;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the human chose on the gate's input prompt: open the upstream pull request now, defer it (the build
 * ends without a pull request, to be run again later), or reject it (the build fails).
 */
public enum GateChoice {
    /** Open the upstream pull request. */
    APPROVE,
    /** Do not open it now; a later build may. */
    DEFER,
    /** Do not open it; the change should not go upstream as proposed. */
    REJECT;

    /** The value shown in the prompt's choice list and accepted by the steps' {@code decision} argument. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every accepted value, in prompt order (the first is the default). */
    public static String values(String separator) {
        return Arrays.stream(values()).map(GateChoice::value).collect(Collectors.joining(separator));
    }

    /**
     * Parses a decision as typed in a Jenkinsfile or returned by the input prompt.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static GateChoice parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (GateChoice choice : values()) {
            if (choice.value().equals(value)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("decision '" + (text == null ? "" : text.trim())
                + "' is not one of " + values(", ") + ": pass decision: 'approve', 'defer' or 'reject'");
    }
}
