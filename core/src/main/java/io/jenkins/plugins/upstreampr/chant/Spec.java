package io.jenkins.plugins.upstreampr.chant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One spec file that chant can load.
 *
 * <p>Immutable, with value equality over every part. The body of a spec that came from the reader's cache
 * ({@link SpecCache}) is read from its file the first time {@link #body()} is asked for, and checked against what
 * the cache said about the file then: a listing needs the frontmatter, the title and the criteria of every spec, and
 * the bodies of none.
 */
public final class Spec {

    private final SpecId id;
    private final String path;
    private final boolean archived;
    private final Frontmatter frontmatter;
    private final String title;
    private final List<String> warnings;
    private final Supplier<String> bodySource;
    private volatile String body;
    private volatile AcceptanceCriteria criteria;

    /**
     * @param id the spec ID (file name without {@code .md})
     * @param path repository-relative path with {@code /} separators, e.g. {@code .chant/specs/001-fix.md}
     * @param archived whether the file lies under {@code .chant/archive/} (in any layout chant has used)
     * @param frontmatter the typed frontmatter ({@link Frontmatter#DEFAULTS} when the file has none)
     * @param title the first {@code # } heading of the body, or {@code null}
     * @param body the markdown body after the frontmatter
     * @param warnings things chant accepts silently but a person should know (no frontmatter, unterminated
     *     frontmatter, a byte-order mark, the same ID both active and archived...)
     */
    public Spec(SpecId id, String path, boolean archived, Frontmatter frontmatter, String title, String body,
            List<String> warnings) {
        this(id, path, archived, frontmatter, title, null, Objects.requireNonNull(body, "body"), null, warnings);
    }

    /** A spec whose body is read when first asked for, with its criteria already counted. */
    Spec(SpecId id, String path, boolean archived, Frontmatter frontmatter, String title,
            Supplier<String> bodySource, AcceptanceCriteria criteria, List<String> warnings) {
        this(id, path, archived, frontmatter, title, Objects.requireNonNull(bodySource, "bodySource"), null,
                Objects.requireNonNull(criteria, "criteria"), warnings);
    }

    private Spec(SpecId id, String path, boolean archived, Frontmatter frontmatter, String title,
            Supplier<String> bodySource, String body, AcceptanceCriteria criteria, List<String> warnings) {
        this.id = Objects.requireNonNull(id, "id");
        this.path = Objects.requireNonNull(path, "path");
        this.archived = archived;
        this.frontmatter = Objects.requireNonNull(frontmatter, "frontmatter");
        this.title = title;
        this.bodySource = bodySource;
        this.body = body;
        this.criteria = criteria;
        this.warnings = List.copyOf(warnings);
    }

    public SpecId id() {
        return id;
    }

    public String path() {
        return path;
    }

    public boolean archived() {
        return archived;
    }

    public Frontmatter frontmatter() {
        return frontmatter;
    }

    public String title() {
        return title;
    }

    /**
     * The markdown body after the frontmatter.
     *
     * @throws ChantException when the spec came from the cache and its file has changed or gone since the tree was
     *     read (the command is then run again)
     */
    public String body() {
        String b = body;
        if (b == null) {
            synchronized (this) {
                b = body;
                if (b == null) {
                    b = Objects.requireNonNull(bodySource.get(), "body");
                    body = b;
                }
            }
        }
        return b;
    }

    public List<String> warnings() {
        return warnings;
    }

    public SpecStatus status() {
        return frontmatter.status();
    }

    public SpecType type() {
        return frontmatter.type();
    }

    /** The acceptance criteria of the body as chant counts them, counted once. */
    AcceptanceCriteria criteria() {
        AcceptanceCriteria c = criteria;
        if (c == null) {
            c = AcceptanceCriteria.of(body());
            criteria = c;
        }
        return c;
    }

    /** This spec with one more warning. */
    public Spec withWarning(String warning) {
        List<String> more = new ArrayList<>(warnings);
        more.add(warning);
        String b = body;
        return b != null ? new Spec(id, path, archived, frontmatter, title, null, b, criteria, more)
                : new Spec(id, path, archived, frontmatter, title, bodySource, null, criteria, more);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spec s && id.equals(s.id) && path.equals(s.path) && archived == s.archived
                && frontmatter.equals(s.frontmatter) && Objects.equals(title, s.title)
                && warnings.equals(s.warnings) && body().equals(s.body());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, path, archived, frontmatter, title, warnings, body());
    }

    @Override
    public String toString() {
        return "Spec[id=" + id + ", path=" + path + ", archived=" + archived + ", frontmatter=" + frontmatter
                + ", title=" + title + ", warnings=" + warnings + "]";
    }
}
