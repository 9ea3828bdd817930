package io.jenkins.plugins.upstreampr.github;

import java.util.Objects;

/**
 * The head of a cross-repository pull request, {@code OWNER:BRANCH}: the fork owner and the branch there.
 *
 * @param owner login owning the fork that holds the branch
 * @param branch branch name, may contain {@code /}
 */
public record HeadRef(String owner, String branch) {

    public HeadRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(branch, "branch");
        if (owner.isBlank() || owner.contains("/") || owner.contains(":")) {
            throw new IllegalArgumentException("Invalid head owner '" + owner + "': expected a GitHub login");
        }
        if (branch.isBlank() || branch.startsWith("/") || branch.endsWith("/") || branch.contains("..")
                || branch.chars().anyMatch(c -> c <= ' ' || c == '~' || c == '^' || c == ':' || c == '?' || c == '*'
                        || c == '[' || c == '\\')) {
            throw new IllegalArgumentException("Invalid head branch '" + branch + "': not a valid git branch name");
        }
    }

    /**
     * Parses {@code OWNER:BRANCH}.
     *
     * @throws IllegalArgumentException naming the input and the expected form
     */
    public static HeadRef parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Missing head: expected OWNER:BRANCH");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("Invalid head '" + text
                    + "': expected OWNER:BRANCH, e.g. yourusername:fix/issue-1234");
        }
        return new HeadRef(trimmed.substring(0, colon), trimmed.substring(colon + 1));
    }

    @Override
    public String toString() {
        return owner + ":" + branch;
    }
}
