package io.jenkins.plugins.upstreampr.github;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A repository as {@code OWNER/NAME}, validated the way GitHub names them.
 *
 * @param owner user or organization login
 * @param name repository name
 *
 * <p>Serializable: the Jenkins plugin sends it to an agent inside the outcome of an after-merge archive.
 */
public record RepositoryName(String owner, String name) implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public RepositoryName {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        if (!OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("Invalid repository owner '" + owner
                    + "': expected a GitHub user or organization login (letters, digits, '-')");
        }
        if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("Invalid repository name '" + name
                    + "': expected letters, digits, '.', '_' or '-'");
        }
    }

    /**
     * Parses {@code OWNER/NAME}.
     *
     * @throws IllegalArgumentException naming the input and the expected form
     */
    public static RepositoryName parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Missing repository: expected OWNER/REPO");
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash <= 0 || slash != trimmed.lastIndexOf('/') || slash == trimmed.length() - 1) {
            throw new IllegalArgumentException("Invalid repository '" + text + "': expected OWNER/REPO, e.g. octocat/hello-world");
        }
        return new RepositoryName(trimmed.substring(0, slash), trimmed.substring(slash + 1));
    }

    /** The path of this repository in the REST API, {@code /repos/OWNER/NAME}. */
    public String apiPath() {
        return "/repos/" + owner + "/" + name;
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
