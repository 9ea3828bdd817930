package io.jenkins.plugins.upstreampr.github;

import java.util.Objects;

/**
 * The base of the staging pull request as GitHub reported it with the pull request itself ({@code base.ref} and
 * {@code base.sha} of pulls/get, no extra request): the branch the staging change is compared with, and that
 * branch's commit at the pull request's last update. Used to find what the branch actually changes.
 *
 * @param ref the base branch ({@code main})
 * @param sha the base commit, 40 hex digits
 */
public record BaseCommit(String ref, String sha) {

    public BaseCommit {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(sha, "sha");
    }
}
