package io.jenkins.plugins.upstreampr.chant.archive;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The git work tree a chant repository lives in, seen through JGit: the questions archive asks git (is this
 * branch merged, which files did the commits of a spec touch, is this file tracked) and the index it stages
 * renames in. The chant root may be a sub-folder of the work tree; paths given here are relative to the chant
 * root and translated.
 */
final class GitWorkTree implements AutoCloseable {

    /** Outcome of chant's unmerged-branch check for one branch. */
    enum BranchState { ABSENT, MERGED, NOT_MERGED, MAIN_MISSING }

    private final Repository repository;
    private final String prefix;
    private DirCache indexSnapshot;

    private GitWorkTree(Repository repository, String prefix) {
        this.repository = repository;
        this.prefix = prefix;
    }

    /** The git work tree containing {@code root} (searching upwards, as git does), if any. */
    static Optional<GitWorkTree> find(Path root) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            Repository repository = builder.build();
            if (repository.isBare()) {
                repository.close();
                return Optional.empty();
            }
            Path work = repository.getWorkTree().toPath().toRealPath();
            Path real = root.toRealPath();
            if (!real.startsWith(work)) {
                repository.close();
                return Optional.empty();
            }
            String rel = work.relativize(real).toString().replace(File.separatorChar, '/');
            return Optional.of(new GitWorkTree(repository, rel.isEmpty() ? "" : rel + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the git repository at " + builder.getGitDir(), e);
        }
    }

    /** The index path of a chant-root-relative path. */
    String indexPath(String rootRelative) {
        return prefix + rootRelative;
    }

    /** chant's check: does local branch {@code branch} exist, and is it merged into {@code mainBranch}? */
    BranchState branchState(String branch, String mainBranch) {
        try {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            if (ref == null || ref.getObjectId() == null) {
                return BranchState.ABSENT;
            }
            ObjectId main;
            try {
                main = repository.resolve(mainBranch + "^{commit}");
            } catch (RevisionSyntaxException | IOException e) {
                main = null;
            }
            if (main == null) {
                return BranchState.MAIN_MISSING;
            }
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit tip = walk.parseCommit(ref.getObjectId());
                RevCommit into = walk.parseCommit(main);
                return walk.isMergedInto(tip, into) ? BranchState.MERGED : BranchState.NOT_MERGED;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read branch " + branch + " in " + repository.getDirectory(), e);
        }
    }

    /**
     * For each key, the files (work-tree paths, as {@code git show --numstat} prints them) touched by the commits of the current branch whose message the predicate accepts. Each commit is
     * compared with its first parent, as {@code git show --numstat} does for merges too. A key whose predicate
     * matches no commit is absent from the map.
     */
    <K> Map<K, Set<String>> filesTouchedByCommits(Map<K, Predicate<String>> messageMatchers) {
        Map<K, Set<String>> touched = new LinkedHashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                return touched;
            }
            walk.markStart(walk.parseCommit(head));
            for (RevCommit commit : walk) {
                List<K> keys = new ArrayList<>();
                String message = commit.getFullMessage();
                messageMatchers.forEach((k, matcher) -> {
                    if (matcher.test(message)) {
                        keys.add(k);
                    }
                });
                if (!keys.isEmpty()) {
                    Set<String> files = changedFiles(walk, commit);
                    keys.forEach(k -> touched.computeIfAbsent(k, x -> new HashSet<>()).addAll(files));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the history of " + repository.getDirectory(), e);
        }
        return touched;
    }

    private Set<String> changedFiles(RevWalk walk, RevCommit commit) throws IOException {
        Set<String> files = new HashSet<>();
        try (TreeWalk tw = new TreeWalk(repository)) {
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            if (commit.getParentCount() > 0) {
                tw.addTree(walk.parseCommit(commit.getParent(0)).getTree());
            } else {
                tw.addTree(new EmptyTreeIterator());
            }
            tw.addTree(commit.getTree());
            while (tw.next()) {
                files.add(tw.getPathString());
            }
        }
        return files;
    }

    /** Whether a chant-root-relative path is in the index (any stage), as the index was when first asked. */
    boolean isInIndex(String rootRelative) {
        try {
            if (indexSnapshot == null) {
                indexSnapshot = repository.readDirCache();
            }
            return indexSnapshot.findEntry(indexPath(rootRelative)) >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the git index of " + repository.getDirectory(), e);
        }
    }

    /** The prefix of the chant root inside the work tree ({@code ""} or {@code "sub/dir/"}). */
    String prefix() {
        return prefix;
    }

    /** Locks and reads the index, to stage renames in it; the caller commits or unlocks it. */
    DirCache lockIndex() {
        try {
            return repository.lockDirCache();
        } catch (LockFailedException e) {
            throw new ChantException("The git index of " + repository.getWorkTree() + " is locked ("
                    + e.getFile() + " exists): another git command is running. Wait for it to finish (or remove "
                    + "a stale lock file) and run archive again; nothing was moved");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the git index of " + repository.getDirectory(), e);
        }
    }

    /** The stage-0 index entry of a chant-root-relative path, if it is cleanly tracked (not conflicted). */
    static Optional<DirCacheEntry> trackedEntry(DirCache index, String indexPath) {
        int i = index.findEntry(indexPath);
        if (i < 0) {
            return Optional.empty();
        }
        DirCacheEntry entry = index.getEntry(i);
        if (entry.getStage() != DirCacheEntry.STAGE_0 || index.nextEntry(i) != i + 1) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    @Override
    public void close() {
        repository.close();
    }
}
