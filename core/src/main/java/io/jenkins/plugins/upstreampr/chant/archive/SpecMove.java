package io.jenkins.plugins.upstreampr.chant.archive;

import io.jenkins.plugins.upstreampr.chant.SpecId;
import java.util.Objects;

/**
 * One file moved (or to be moved) by an archive run.
 *
 * @param id the spec ID the file name gives
 * @param from repository-relative source path with {@code /} separators, e.g. {@code .chant/specs/X.md}
 * @param to repository-relative destination, e.g. {@code .chant/archive/2026-02-07/X.md}
 */
public record SpecMove(SpecId id, String from, String to) {

    public SpecMove {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
