package io.jenkins.plugins.upstreampr.github;

import java.util.Objects;

/**
 * The result of re-reading the staging head right before creating the upstream pull request.
 *
 * @param previous the verdict the human saw
 * @param current the verdict to act on: {@code previous} when the head did not move, else a verdict redone
 *        for the new head
 */
public record HeadCheck(StagingVerdict previous, StagingVerdict current) {

    public HeadCheck {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }

    /** Whether the head moved since {@code previous}. */
    public boolean moved() {
        return !previous.sha().equals(current.sha());
    }
}
