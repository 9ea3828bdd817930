package io.jenkins.plugins.upstreampr.chant;

import java.util.Arrays;
import java.util.Optional;

/** The {@code type} frontmatter field; chant ≥ 0.23.0 refuses any other value. Default {@link #CODE}. */
public enum SpecType {
    CODE("code"),
    TASK("task"),
    DRIVER("driver"),
    DOCUMENTATION("documentation"),
    RESEARCH("research"),
    GROUP("group");

    private final String yamlName;

    SpecType(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The exact lowercase name used in frontmatter. */
    public String yamlName() {
        return yamlName;
    }

    /** The type with exactly this frontmatter name (case-sensitive, as chant's serde enum is). */
    public static Optional<SpecType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }
}
