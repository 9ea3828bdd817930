package io.jenkins.plugins.upstreampr.chant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything under one repository's {@code .chant/}: active specs ({@code specs/}, recursively), archived
 * specs (dated or legacy folders {@code archive/<first 10 chars>/<ID>.md} and flat {@code archive/<ID>.md}),
 * files that cannot be loaded with the reason, research documents and the configuration. Lists are sorted in
 * chant's natural ID order.
 *
 * <p>A tree from {@link ChantTreeReader} reads its spec files on demand: looking up one ID
 * ({@link #activeSpec}, {@link #archivedSpec}, {@link #unreadable(SpecId)}) reads only the files with that ID;
 * {@link #active()}, {@link #archived()} and {@link #unreadable()} read every file (once, on all cores). Either way a
 * file gives the same spec or the same reason it cannot be read. A tree is safe to use from several threads.
 */
public final class ChantTree {

    private final Path root;
    private final SpecFiles files;
    private final List<UnreadableSpec> unnamed;
    private final List<String> researchDocuments;
    private final ChantConfig config;
    private volatile Listing listing;

    private record Listing(List<Spec> active, List<Spec> archived, List<UnreadableSpec> unreadable) {
    }

    /**
     * A tree with its specs already read.
     *
     * @param root the repository root (the directory that holds {@code .chant/})
     * @param researchDocuments repository-relative paths of the files under {@code .chant/research/}
     */
    public ChantTree(Path root, List<Spec> active, List<Spec> archived, List<UnreadableSpec> unreadable,
            List<String> researchDocuments, ChantConfig config) {
        this.root = root;
        this.files = null;
        this.unnamed = List.of();
        this.listing = new Listing(List.copyOf(active), List.copyOf(archived), List.copyOf(unreadable));
        this.researchDocuments = List.copyOf(researchDocuments);
        this.config = config;
    }

    /** A tree whose spec files are read on demand; {@code unnamed}: files and links known unusable without reading. */
    ChantTree(Path root, SpecFiles files, List<UnreadableSpec> unnamed, List<String> researchDocuments,
            ChantConfig config) {
        this.root = root;
        this.files = Objects.requireNonNull(files, "files");
        this.unnamed = List.copyOf(unnamed);
        this.researchDocuments = List.copyOf(researchDocuments);
        this.config = config;
    }

    /** The repository root (the directory that holds {@code .chant/}). */
    public Path root() {
        return root;
    }

    /** The active specs that can be loaded, in chant's natural ID order. */
    public List<Spec> active() {
        return listing().active();
    }

    /** The archived specs that can be loaded, in chant's natural ID order. */
    public List<Spec> archived() {
        return listing().archived();
    }

    /** The files (and linked directories) that cannot be used as specs, with the reason, sorted by path. */
    public List<UnreadableSpec> unreadable() {
        return listing().unreadable();
    }

    /** Repository-relative paths of the files under {@code .chant/research/}. */
    public List<String> researchDocuments() {
        return researchDocuments;
    }

    /** The repository's {@code .chant/config.md}, or why it cannot be used. */
    public ChantConfig config() {
        return config;
    }

    /** The {@code .chant} directory. */
    public Path chantDir() {
        return root.resolve(".chant");
    }

    /** The active spec with exactly this ID. */
    public Optional<Spec> activeSpec(SpecId id) {
        if (files != null) {
            return Optional.ofNullable(files.outcome(id).active());
        }
        return active().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The archived spec with exactly this ID. */
    public Optional<Spec> archivedSpec(SpecId id) {
        if (files != null) {
            return Optional.ofNullable(files.outcome(id).archived());
        }
        return archived().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The files named after this ID that cannot be used as specs, with the reason, sorted by path. */
    public List<UnreadableSpec> unreadable(SpecId id) {
        if (files != null) {
            return files.outcome(id).unreadable();
        }
        return unreadable().stream().filter(u -> id.equals(u.id())).toList();
    }

    /**
     * The IDs that spec files are named after, active or archived, whether the files can be read or not, in no
     * particular order. Reads no file: look an ID up to know what its files are.
     */
    public Set<SpecId> fileIds() {
        if (files != null) {
            return files.ids();
        }
        return ids(true);
    }

    /** Like {@link #fileIds()}, for the files under {@code .chant/specs/} only. */
    public Set<SpecId> activeFileIds() {
        if (files != null) {
            return files.activeIds();
        }
        return ids(false);
    }

    private Set<SpecId> ids(boolean withArchived) {
        Set<SpecId> ids = new HashSet<>();
        Listing l = listing();
        l.active().forEach(s -> ids.add(s.id()));
        if (withArchived) {
            l.archived().forEach(s -> ids.add(s.id()));
        }
        l.unreadable().stream().filter(u -> u.id() != null && (withArchived || !u.archived()))
                .forEach(u -> ids.add(u.id()));
        return Set.copyOf(ids);
    }

    /** Active then archived specs. */
    public List<Spec> all() {
        List<Spec> all = new ArrayList<>(active());
        all.addAll(archived());
        return all;
    }

    /** The absolute file of a repository-relative path of this tree. */
    public Path file(String relativePath) {
        return root.resolve(relativePath);
    }

    private Listing listing() {
        Listing l = listing;
        if (l == null) {
            synchronized (this) {
                l = listing;
                if (l == null) {
                    l = readAll();
                    listing = l;
                }
            }
        }
        return l;
    }

    private Listing readAll() {
        List<Spec> active = new ArrayList<>();
        List<Spec> archived = new ArrayList<>();
        List<UnreadableSpec> unreadable = new ArrayList<>(unnamed);
        for (SpecFiles.Outcome o : files.outcomes()) {
            if (o.active() != null) {
                active.add(o.active());
            }
            if (o.archived() != null) {
                archived.add(o.archived());
            }
            unreadable.addAll(o.unreadable());
        }
        Comparator<Spec> order = Comparator.comparing(Spec::id).thenComparing(Spec::path);
        active.sort(order);
        archived.sort(order);
        unreadable.sort(Comparator.comparing(UnreadableSpec::path));
        return new Listing(List.copyOf(active), List.copyOf(archived), List.copyOf(unreadable));
    }

    @Override
    public String toString() {
        return "ChantTree[" + root + "]";
    }
}
