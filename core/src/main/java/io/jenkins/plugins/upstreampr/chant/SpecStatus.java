package io.jenkins.plugins.upstreampr.chant;

import java.util.Arrays;
import java.util.Optional;

/** The {@code status} frontmatter field (chant's lifecycle states). Default {@link #PENDING}. */
public enum SpecStatus {
    PENDING("pending", "Pending"),
    IN_PROGRESS("in_progress", "InProgress"),
    PAUSED("paused", "Paused"),
    COMPLETED("completed", "Completed"),
    FAILED("failed", "Failed"),
    NEEDS_ATTENTION("needs_attention", "NeedsAttention"),
    READY("ready", "Ready"),
    BLOCKED("blocked", "Blocked"),
    CANCELLED("cancelled", "Cancelled");

    private final String yamlName;
    private final String chantName;

    SpecStatus(String yamlName, String chantName) {
        this.yamlName = yamlName;
        this.chantName = chantName;
    }

    /** The exact snake_case name used in frontmatter. */
    public String yamlName() {
        return yamlName;
    }

    /** The CamelCase name chant prints in its messages ({@code current: Cancelled}). */
    public String chantName() {
        return chantName;
    }

    /** The status with exactly this frontmatter name (case-sensitive). */
    public static Optional<SpecStatus> fromYaml(String name) {
        return Arrays.stream(values()).filter(s -> s.yamlName.equals(name)).findFirst();
    }

    /** Accepted names, for error messages. */
    public static String allowedNames() {
        return String.join(", ", Arrays.stream(values()).map(SpecStatus::yamlName).toList());
    }
}
