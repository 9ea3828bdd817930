package io.jenkins.plugins.upstreampr.chant;

import java.util.List;
import java.util.Objects;

/**
 * One spec file that chant can load.
 *
 * @param id the spec ID (file name without {@code .md})
 * @param path repository-relative path with {@code /} separators, e.g. {@code .chant/specs/001-fix.md}
 * @param archived whether the file lies under {@code .chant/archive/} (in any layout chant has used)
 * @param frontmatter the typed frontmatter ({@link Frontmatter#DEFAULTS} when the file has none)
 * @param title the first {@code # } heading of the body, or {@code null}
 * @param body the markdown body after the frontmatter
 * @param warnings things chant accepts silently but a person should know (no frontmatter, unterminated
 *     frontmatter, a byte-order mark, the same ID both active and archived...)
 */
public record Spec(SpecId id, String path, boolean archived, Frontmatter frontmatter, String title, String body,
        List<String> warnings) {

    public Spec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(frontmatter, "frontmatter");
        Objects.requireNonNull(body, "body");
        warnings = List.copyOf(warnings);
    }

    public SpecStatus status() {
        return frontmatter.status();
    }

    public SpecType type() {
        return frontmatter.type();
    }

    /** This spec with one more warning. */
    public Spec withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new Spec(id, path, archived, frontmatter, title, body, more);
    }
}
