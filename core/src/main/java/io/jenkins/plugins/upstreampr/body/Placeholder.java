package io.jenkins.plugins.upstreampr.body;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The placeholders a {@link PullRequestTemplate} may use, written <code>{{name}}</code>. */
public enum Placeholder {
    /** The proposed title (the implementation spec's title without workflow labels). */
    TITLE("title"),
    /** The Summary paragraphs: problem, cause, fix. */
    SUMMARY("summary"),
    /** The changed files as a markdown list, each with its reason when the trail gives one. */
    CHANGES("changes"),
    /** How the change was tested, as a markdown list. */
    TESTING("testing"),
    /** {@code Fixes #N} when the trail names the issue, else empty. */
    FIXES("fixes"),
    /** The bare issue number ({@code 1234}), else empty. */
    ISSUE("issue");

    private final String key;

    Placeholder(String key) {
        this.key = key;
    }

    /** The name written between the braces. */
    public String key() {
        return key;
    }

    /** How the placeholder is written in a template. */
    public String written() {
        return "{{" + key + "}}";
    }

    /** The placeholder with this name (exact, lower case). */
    public static Optional<Placeholder> named(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    /** All placeholders as written, for messages. */
    public static String allWritten() {
        return Arrays.stream(values()).map(Placeholder::written).collect(Collectors.joining(", "));
    }
}
