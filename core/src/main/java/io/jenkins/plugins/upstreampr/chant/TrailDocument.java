package io.jenkins.plugins.upstreampr.chant;

import java.util.List;
import java.util.Objects;

/**
 * One {@code informed_by} entry of a pull request's trail: a research document or another input the specs were
 * written from.
 *
 * @param reference the entry as the specs write it (a repository-relative path, a glob or a URL)
 * @param kind what the entry turned out to be
 * @param path the repository-relative path with {@code /} separators for {@link Kind#FILE},
 *     {@link Kind#DIRECTORY} and {@link Kind#SPEC}, else {@code null}
 * @param text the content of a {@link Kind#FILE} that is UTF-8 text of at most
 *     {@link SpecTrail#MAX_DOCUMENT_BYTES}, else {@code null}
 * @param citedBy the specs of the trail that list the entry, in trail order
 */
public record TrailDocument(String reference, Kind kind, String path, String text, List<SpecId> citedBy) {

    /** What an {@code informed_by} entry names. */
    public enum Kind {
        /** An existing file inside the repository. */
        FILE,
        /** An existing directory inside the repository. */
        DIRECTORY,
        /** A spec file ({@code .chant/specs/ID.md} or an archived one); the spec itself joins the trail. */
        SPEC,
        /** A pattern ({@code *}, {@code ?}, {@code [} or <code>{</code>); kept as a reference, not expanded. */
        GLOB,
        /** A URL (anything with a {@code scheme://}); kept as a reference, not fetched. */
        URL,
        /** A path that does not exist or cannot be used; {@link SpecTrail#gaps()} says why. */
        MISSING
    }

    public TrailDocument {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        citedBy = List.copyOf(citedBy);
    }

    /** Whether the document's content was read ({@link #text()} is present). */
    public boolean hasText() {
        return text != null;
    }
}
