package io.jenkins.plugins.upstreampr.body;

import java.util.List;
import java.util.Objects;

/**
 * The text proposed for an upstream pull request, written for the upstream project's maintainers, and the files
 * it says the change touches (shown at the gate next to it).
 *
 * @param title the proposed title (may be empty when the trail gives none)
 * @param body the markdown body, ending with a newline
 * @param changedFiles the target files of the trail's code specs, each with its reason when the specs give one
 */
public record PullRequestText(String title, String body, List<ChangedFile> changedFiles) {

    public PullRequestText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        changedFiles = List.copyOf(changedFiles);
    }
}
