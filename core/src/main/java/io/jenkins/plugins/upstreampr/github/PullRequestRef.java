package io.jenkins.plugins.upstreampr.github;

import java.io.Serializable;
import java.util.Objects;

/**
 * A pull request named as {@code OWNER/REPO#NUMBER}, e.g. the staging pull request inside the fork.
 *
 * @param repository the repository holding the pull request
 * @param number the pull request number (positive)
 *
 * <p>Serializable: the Jenkins plugin sends it to an agent inside the outcome of an after-merge archive.
 */
public record PullRequestRef(RepositoryName repository, int number) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PullRequestRef {
        Objects.requireNonNull(repository, "repository");
        if (number <= 0) {
            throw new IllegalArgumentException("Invalid pull request number " + number + " in " + repository
                    + ": expected a positive number");
        }
    }

    /**
     * Parses {@code OWNER/REPO#N}.
     *
     * @throws IllegalArgumentException naming the input and the expected form
     */
    public static PullRequestRef parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Missing pull request: expected OWNER/REPO#NUMBER");
        }
        String trimmed = text.trim();
        int hash = trimmed.lastIndexOf('#');
        if (hash <= 0 || hash == trimmed.length() - 1) {
            throw new IllegalArgumentException("Invalid pull request '" + text
                    + "': expected OWNER/REPO#NUMBER, e.g. octocat/hello-world#12");
        }
        int number;
        try {
            number = Integer.parseInt(trimmed.substring(hash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid pull request '" + text
                    + "': the part after '#' must be a number, e.g. octocat/hello-world#12");
        }
        return new PullRequestRef(RepositoryName.parse(trimmed.substring(0, hash)), number);
    }

    @Override
    public String toString() {
        return repository + "#" + number;
    }
}
