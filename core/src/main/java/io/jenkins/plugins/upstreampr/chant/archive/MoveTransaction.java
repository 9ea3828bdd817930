package io.jenkins.plugins.upstreampr.chant.archive;

import io.jenkins.plugins.upstreampr.chant.Refusal;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;

/**
 * Moves a list of files all or nothing. Each file is renamed without ever replacing an existing file; inside a git
 * work tree (unless told not to stage) the index is locked for the whole run and, once every file has moved, the
 * renames of tracked files are written to it in one go (the old path removed, the new one added with the same
 * blob and mode, exactly what {@code git mv} stages). Untracked files are renamed without staging, as chant's
 * fallback does. If a move fails, the moves already done are undone in reverse order, the folders created for
 * them removed, and the index is left as it was.
 */
final class MoveTransaction {

    private final Path root;
    private final Optional<GitWorkTree> git;

    /** @param git the work tree whose index records the renames, or empty for plain renames */
    MoveTransaction(Path root, Optional<GitWorkTree> git) {
        this.root = root;
        this.git = git;
    }

    private record Staged(String from, String to, DirCacheEntry entry) {
    }

    /** Moves every file; returns warnings (files moved without staging). Throws after undoing on failure. */
    List<String> run(List<SpecMove> moves) {
        List<String> warnings = new ArrayList<>();
        DirCache index = git.map(GitWorkTree::lockIndex).orElse(null);
        List<SpecMove> done = new ArrayList<>();
        List<Path> createdFolders = new ArrayList<>();
        List<Staged> staged = new ArrayList<>();
        SpecMove current = null;
        try {
            for (SpecMove move : moves) {
                current = move;
                Path from = root.resolve(move.from());
                Path to = root.resolve(move.to());
                createFolders(to.getParent(), createdFolders);
                Files.move(from, to, LinkOption.NOFOLLOW_LINKS);
                done.add(move);
                if (index != null) {
                    String fromIndex = git.get().indexPath(move.from());
                    Optional<DirCacheEntry> entry = GitWorkTree.trackedEntry(index, fromIndex);
                    if (entry.isPresent()) {
                        staged.add(new Staged(fromIndex, git.get().indexPath(move.to()), entry.get()));
                    } else {
                        warnings.add(move.from() + " is not tracked by git (silent mode?): moved without staging, "
                                + "as chant does when `git mv` fails");
                    }
                }
            }
            current = null;
            if (index != null) {
                if (staged.isEmpty()) {
                    index.unlock();
                } else {
                    stage(index, staged);
                }
            }
            return warnings;
        } catch (IOException | RuntimeException e) {
            if (index != null) {
                index.unlock();
            }
            List<String> stuck = undo(done, createdFolders);
            throw failure(current, done.size(), e, stuck);
        }
    }

    private static void stage(DirCache index, List<Staged> staged) throws IOException {
        DirCacheEditor editor = index.editor();
        for (Staged s : staged) {
            editor.add(new DirCacheEditor.DeletePath(s.from()));
            editor.add(new DirCacheEditor.PathEdit(s.to()) {
                @Override
                public void apply(DirCacheEntry ent) {
                    ent.copyMetaData(s.entry());
                }
            });
        }
        if (!editor.commit()) {
            throw new IOException("the git index could not be written (its lock was lost)");
        }
    }

    private static void createFolders(Path folder, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            created.add(p);
        }
    }

    /** Undoes the moves in reverse order; returns what could not be put back. */
    private List<String> undo(List<SpecMove> done, List<Path> createdFolders) {
        List<String> stuck = new ArrayList<>();
        for (int i = done.size() - 1; i >= 0; i--) {
            SpecMove m = done.get(i);
            try {
                Files.move(root.resolve(m.to()), root.resolve(m.from()), LinkOption.NOFOLLOW_LINKS);
            } catch (IOException | RuntimeException e) {
                stuck.add(m.from() + " is now at " + m.to() + " (move it back by hand: " + e + ")");
            }
        }
        for (int i = createdFolders.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(createdFolders.get(i));
            } catch (IOException | RuntimeException e) {
                // a folder that is no longer empty holds something we did not put there: leave it
            }
        }
        return stuck;
    }

    private static RuntimeException failure(SpecMove at, int undone, Exception cause, List<String> stuck) {
        String where = at == null ? "writing the git index" : "moving " + at.from() + " to " + at.to();
        String restored = stuck.isEmpty()
                ? (undone == 0 ? "nothing had moved yet" : "the " + undone + " move(s) already done were undone")
                        + ", so nothing was archived"
                : "some moves could not be undone: " + String.join("; ", stuck);
        if (cause instanceof FileAlreadyExistsException && stuck.isEmpty()) {
            return new Refusal("Nothing archived: " + at.to() + " appeared while archiving and is never "
                    + "overwritten; " + restored + ". Compare it with " + at.from() + ", remove one, and run "
                    + "archive again");
        }
        return new ArchiveFailedException("Archive failed while " + where + " (" + cause + "); " + restored, cause);
    }
}
