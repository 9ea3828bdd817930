package io.jenkins.plugins.upstreampr.body;

import java.util.Objects;

/**
 * One file the pull request changes, with the reason when the trail gives one.
 *
 * @param path the repository-relative path, as the specs' {@code target_files} write it
 * @param why why the file changes, one line of markdown, or {@code null}
 */
public record ChangedFile(String path, String why) {

    public ChangedFile {
        Objects.requireNonNull(path, "path");
    }

    /** The file as a markdown list line: {@code - `path`: why}. */
    String asListItem() {
        String code = path.contains("`") ? "`` " + path + " ``" : "`" + path + "`";
        return "- " + code + (why == null ? "" : ": " + why);
    }
}
