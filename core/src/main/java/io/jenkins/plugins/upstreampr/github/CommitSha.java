package io.jenkins.plugins.upstreampr.github;

import java.util.regex.Pattern;

/**
 * What GitHub's REST API gives as a commit SHA: 40 lower-case hex digits. One pattern for every read of this package,
 * so that a head, a base or a branch tip is taken for a commit by the same rule.
 */
final class CommitSha {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    private CommitSha() {
    }

    /** Whether {@code text} is a full commit SHA (false for null). */
    static boolean is(String text) {
        return text != null && SHA.matcher(text).matches();
    }
}
