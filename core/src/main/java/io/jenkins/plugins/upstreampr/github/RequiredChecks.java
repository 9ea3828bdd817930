package io.jenkins.plugins.upstreampr.github;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The checks that decide the verdict, by exact name or glob ({@code *} any run of characters, {@code ?} one
 * character), e.g. {@code continuous-integration/jenkins/pr-merge} or {@code build (*)}. Empty means every
 * reported check decides.
 *
 * @param patterns names or globs, in the order given
 */
public record RequiredChecks(List<String> patterns) {

    public RequiredChecks {
        patterns = List.copyOf(Objects.requireNonNull(patterns, "patterns"));
        for (String p : patterns) {
            if (p == null || p.isBlank()) {
                throw new IllegalArgumentException("A required check name must not be empty");
            }
        }
    }

    /** No required checks: every reported check decides. */
    public static RequiredChecks all() {
        return new RequiredChecks(List.of());
    }

    /** True when no checks are named. */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether {@code name} matches {@code pattern} (exactly, or as a glob when it has {@code *} or {@code ?}). */
    public static boolean matches(String pattern, String name) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern.equals(name);
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(name).matches();
    }

    /** Whether {@code name} matches any pattern. */
    public boolean anyMatches(String name) {
        return patterns.stream().anyMatch(p -> matches(p, name));
    }
}
