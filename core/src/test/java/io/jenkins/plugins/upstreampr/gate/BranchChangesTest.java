package io.jenkins.plugins.upstreampr.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.upstreampr.gate.BranchChanges.Change;
import io.jenkins.plugins.upstreampr.gate.BranchChanges.Kind;
import io.jenkins.plugins.upstreampr.github.BaseCommit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a branch actually changes, read from real git repositories made here with JGit. */
class BranchChangesTest {

    @TempDir
    Path dir;

    private static final List<String> DECLARED = List.of("src/store.py", "./src/batch.py",
            ".chant/research/notes.md");

    private static void write(Path root, String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static RevCommit commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.invalid")
                .setCommitter("t", "t@example.invalid").setSign(false).call();
    }

    /** A repository in {@code root}: base on main, the fix branch from it, and main moved on after the fork point. */
    private static RevCommit[] baseAndHead(Path root) throws Exception {
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            write(root, "src/store.py", "def put(k, v):\n    pass\n");
            write(root, "src/batch.py", "def batch():\n    pass\n");
            write(root, "src/old_name.py", "# a module long enough to be recognised after its rename\n".repeat(5));
            write(root, ".chant/specs/a.md", "---\nstatus: pending\n---\n# A\n");
            RevCommit forkPoint = commit(git, "base");
            git.checkout().setCreateBranch(true).setName("fix").call();
            write(root, "src/store.py", "def put(k, v):\n    with lock:\n        pass\n");
            write(root, "src/extra.py", "# not declared\n");
            Files.move(root.resolve("src/old_name.py"), root.resolve("src/new_name.py"));
            write(root, ".chant/specs/a.md", "---\nstatus: completed\n---\n# A\n");
            RevCommit head = commit(git, "fix");
            git.checkout().setName("main").call();
            write(root, "README.md", "main moved on\n");
            RevCommit base = commit(git, "later on main");
            assertThat(base.getParent(0)).isEqualTo(forkPoint);
            return new RevCommit[] {base, head};
        }
    }

    @Test
    void readsTheChangesSinceTheMergeBaseAndComparesThemWithTheDeclaredFiles() throws Exception {
        RevCommit[] commits = baseAndHead(dir);

        BranchChanges changes = BranchChanges.read(dir, new BaseCommit("main", commits[0].name()), commits[1].name());

        assertThat(changes.known()).isTrue();
        assertThat(changes.unavailable()).isNull();
        // README.md changed on main after the fork point: not a change of the branch
        assertThat(changes.files()).containsExactlyInAnyOrder(
                new Change(Kind.MODIFIED, ".chant/specs/a.md", null),
                new Change(Kind.ADDED, "src/extra.py", null),
                new Change(Kind.RENAMED, "src/new_name.py", "src/old_name.py"),
                new Change(Kind.MODIFIED, "src/store.py", null));
        assertThat(changes.undeclared(DECLARED)).containsExactly(
                new Change(Kind.ADDED, "src/extra.py", null),
                new Change(Kind.RENAMED, "src/new_name.py", "src/old_name.py"));
        assertThat(changes.unchanged(DECLARED)).containsExactly("src/batch.py");
        // a rename counts as changing the old path too
        assertThat(changes.undeclared(List.of("src/old_name.py", "src/store.py", "src/extra.py"))).isEmpty();
    }

    @Test
    void pathsAreRelativeToAChantRootInsideTheWorkTree() throws Exception {
        Path root = dir.resolve("project");
        RevCommit base;
        RevCommit head;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write(dir, "outside.txt", "1\n");
            write(root, "src/store.py", "1\n");
            base = commit(git, "base");
            write(dir, "outside.txt", "2\n");
            write(root, "src/store.py", "2\n");
            head = commit(git, "head");
        }

        BranchChanges changes = BranchChanges.read(root, new BaseCommit("main", base.name()), head.name());

        assertThat(changes.files()).containsExactly(new Change(Kind.MODIFIED, "src/store.py", null));
    }

    @Test
    void aDirectoryOutsideGitLeavesTheChangesUnknown() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));

        BranchChanges changes = BranchChanges.read(plain, new BaseCommit("main", "a".repeat(40)), "b".repeat(40));

        assertThat(changes.known()).isFalse();
        assertThat(changes.unavailable()).contains("not in a git work tree");
        assertThat(changes.files()).isEmpty();
        assertThat(changes.unchanged(DECLARED)).isEmpty();
    }

    @Test
    void aMissingHeadOrBaseCommitLeavesTheChangesUnknown() throws Exception {
        RevCommit[] commits = baseAndHead(dir);
        String absent = "0123456789abcdef0123456789abcdef01234567";

        BranchChanges noHead = BranchChanges.read(dir, new BaseCommit("main", commits[0].name()), absent);
        BranchChanges noBase = BranchChanges.read(dir, new BaseCommit("main", absent), commits[1].name());
        BranchChanges noPullRequest = BranchChanges.read(dir, null, commits[1].name());

        assertThat(noHead.known()).isFalse();
        assertThat(noHead.unavailable()).contains("lacks the staging head commit " + absent);
        assertThat(noBase.known()).isFalse();
        assertThat(noBase.unavailable()).contains("lacks the staging base commit " + absent + " of main");
        assertThat(noPullRequest.known()).isFalse();
    }
}
