package io.jenkins.plugins.upstreampr.gate;

import io.jenkins.plugins.upstreampr.github.BaseCommit;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * What the branch to propose actually changes, read from the local git repository (no GitHub request): the files
 * changed between the merge base of the staging pull request's base commit and the staging head commit, as JGit's
 * rename detection reports them. The gate compares them with the files the specs declare ({@code target_files}).
 * When the repository is not git or lacks either commit, the changes are unknown and {@link #unavailable()} says
 * why.
 *
 * @param files the changed files, in path order, relative to the chant root; empty when unknown
 * @param unavailable why the changes could not be read, or {@code null} when they were
 */
public record BranchChanges(List<Change> files, String unavailable) {

    /** The chant folder: its specs are not part of the change proposed upstream, on either side of a comparison. */
    static final String CHANT_FOLDER = ".chant/";

    /** How a file changed, as git reports it. */
    public enum Kind {
        ADDED, MODIFIED, DELETED, RENAMED, COPIED;

        /** Lower-case name, for reports and JSON. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One file the branch changes.
     *
     * @param kind how it changed
     * @param path the path after the change (for a deletion: the deleted path)
     * @param previousPath the path before a rename or copy, else {@code null}
     */
    public record Change(Kind kind, String path, String previousPath) {

        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(path, "path");
        }

        /** The paths this change touches: the path, and the previous path of a rename. */
        List<String> touched() {
            return kind == Kind.RENAMED && previousPath != null ? List.of(previousPath, path) : List.of(path);
        }

        /** {@code path (kind)}, or {@code previous → path (renamed)}. */
        public String describe() {
            return (previousPath == null ? path : previousPath + " → " + path) + " (" + kind.json() + ")";
        }
    }

    public BranchChanges {
        files = List.copyOf(files);
    }

    /** Changes that could not be read, and why. */
    public static BranchChanges unknown(String why) {
        return new BranchChanges(List.of(), Objects.requireNonNull(why, "why"));
    }

    /** Whether the changes were read (else the gate can only show the declared files). */
    public boolean known() {
        return unavailable == null;
    }

    /**
     * Reads what {@code headSha} changes since its merge base with {@code base}, in the git work tree holding
     * {@code root} (searched upwards, as git does; paths are made relative to {@code root}, and changes outside it
     * are left out). Never throws for a missing repository or commit: the result is then {@link #unknown}.
     *
     * @param base the staging pull request's base, or {@code null} when there is none (a ref was checked)
     */
    public static BranchChanges read(Path root, BaseCommit base, String headSha) {
        if (base == null) {
            return unknown("the staging verdict has no pull request base commit to compare the head with");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toFile());
        if (builder.getGitDir() == null) {
            return unknown(root + " is not in a git work tree");
        }
        try (Repository repository = builder.build()) {
            if (repository.isBare()) {
                return unknown(root + " is in a bare git repository, not a work tree");
            }
            Path work = repository.getWorkTree().toPath().toRealPath();
            Path real = root.toRealPath();
            String rel = work.relativize(real).toString().replace(File.separatorChar, '/');
            String prefix = rel.isEmpty() ? "" : rel + "/";
            return diff(repository, prefix, base, headSha);
        } catch (IOException e) {
            return unknown("the git repository of " + root + " could not be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
    }

    private static BranchChanges diff(Repository repository, String prefix, BaseCommit base, String headSha)
            throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit head = commit(walk, headSha);
            if (head == null) {
                return unknown("the local repository lacks the staging head commit " + headSha
                        + " (fetch the branch to propose)");
            }
            RevCommit baseCommit = commit(walk, base.sha());
            if (baseCommit == null) {
                return unknown("the local repository lacks the staging base commit " + base.sha() + " of "
                        + base.ref() + " (fetch " + base.ref() + ")");
            }
            walk.reset();
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(head);
            walk.markStart(baseCommit);
            RevCommit mergeBase = walk.next();
            if (mergeBase == null) {
                return unknown("the staging head " + headSha + " and base " + base.sha() + " of " + base.ref()
                        + " have no common ancestor");
            }
            List<Change> changes = new ArrayList<>();
            try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
                diff.setRepository(repository);
                diff.setDetectRenames(true);
                if (!prefix.isEmpty()) {
                    diff.setPathFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
                }
                RevCommit mergeBaseCommit = walk.parseCommit(mergeBase);
                for (DiffEntry entry : diff.scan(mergeBaseCommit.getTree(), walk.parseCommit(head).getTree())) {
                    changes.add(change(entry, prefix));
                }
            }
            return new BranchChanges(changes, null);
        }
    }

    private static RevCommit commit(RevWalk walk, String sha) throws IOException {
        try {
            return walk.parseCommit(ObjectId.fromString(sha));
        } catch (MissingObjectException | IncorrectObjectTypeException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Change change(DiffEntry entry, String prefix) {
        String oldPath = strip(entry.getOldPath(), prefix);
        String newPath = strip(entry.getNewPath(), prefix);
        return switch (entry.getChangeType()) {
            case ADD -> new Change(Kind.ADDED, newPath, null);
            case MODIFY -> new Change(Kind.MODIFIED, newPath, null);
            case DELETE -> new Change(Kind.DELETED, oldPath, null);
            case RENAME -> new Change(Kind.RENAMED, newPath, oldPath);
            case COPY -> new Change(Kind.COPIED, newPath, oldPath);
        };
    }

    private static String strip(String path, String prefix) {
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /** The changes outside {@code .chant/} that touch none of {@code declared} (repository-relative paths). */
    public List<Change> undeclared(Collection<String> declared) {
        Set<String> named = normalized(declared);
        return files.stream().filter(c -> c.touched().stream().noneMatch(p -> p.startsWith(CHANT_FOLDER)))
                .filter(c -> c.touched().stream().noneMatch(named::contains)).toList();
    }

    /** The paths of {@code declared}, outside {@code .chant/}, that no change touches; empty when unknown. */
    public List<String> unchanged(Collection<String> declared) {
        if (!known()) {
            return List.of();
        }
        Set<String> touched = new LinkedHashSet<>();
        files.forEach(c -> touched.addAll(c.touched()));
        return normalized(declared).stream().filter(p -> !touched.contains(p)).toList();
    }

    private static Set<String> normalized(Collection<String> declared) {
        Set<String> paths = new LinkedHashSet<>();
        for (String path : declared) {
            String p = path.strip().replace('\\', '/');
            while (p.startsWith("./")) {
                p = p.substring(2);
            }
            while (p.startsWith("/")) {
                p = p.substring(1);
            }
            if (!p.isEmpty() && !p.startsWith(CHANT_FOLDER)) {
                paths.add(p);
            }
        }
        return paths;
    }
}
