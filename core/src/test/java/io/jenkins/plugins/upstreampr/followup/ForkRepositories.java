package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.chant.FixtureTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Real git repositories for the after-merge archive: a bare "fork" created in a temporary directory, seeded with a
 * copy of a real chant fixture tree, and clones of it (the working checkout, "another clone" that pushes first).
 *
 * <p>Hooks. JGit's push over a local path ({@code file://}) uses JGit's own in-process receive-pack, which runs
 * no hook scripts of the receiving repository. To have the fork's {@code pre-receive} hook run (the protected
 * branch), {@link #useGitCliReceivePack} sets {@code remote.origin.receivepack} in the checkout to the absolute path
 * of git's {@code git-receive-pack}: {@link ForkGit} passes the remote's configured receive-pack to JGit's push, as
 * git does, and JGit then runs that program as a separate process, which runs the hooks and sends their output
 * back as remote messages. Client-side, JGit runs the checkout's {@code pre-push} hook script itself (after the
 * fork advertised its refs), which is where {@link #raceBeforePush} makes another clone push first.
 */
public final class ForkRepositories {

    public static final String EMAIL = "dev@upstream-pr.invalid";

    public final Path base;
    public final Path bare;
    public final String defaultBranch;

    private ForkRepositories(Path base, Path bare, String defaultBranch) {
        this.base = base;
        this.bare = bare;
        this.defaultBranch = defaultBranch;
    }

    /** A bare fork whose default branch {@code branch} holds a copy of the fixture tree {@code fixture}. */
    public static ForkRepositories create(Path base, String fixture, String branch) throws Exception {
        return create(base, FixtureTrees.tree(fixture), branch);
    }

    /** A bare fork whose default branch {@code branch} holds a copy of the directory {@code source}. */
    public static ForkRepositories create(Path base, Path source, String branch) throws Exception {
        String fixture = source.getFileName().toString();
        Path bare = base.resolve("fork.git");
        Git.init().setBare(true).setInitialBranch(branch).setDirectory(bare.toFile()).call().close();
        ForkRepositories fork = new ForkRepositories(base, bare, branch);
        Path seed = base.resolve("seed");
        copyTree(source, seed);
        Files.writeString(seed.resolve("README.md"), "kvstore fork\n");
        try (Git git = Git.init().setInitialBranch(branch).setDirectory(seed.toFile()).call()) {
            var config = git.getRepository().getConfig();
            config.setString("user", null, "name", "seed");
            config.setString("user", null, "email", EMAIL);
            config.setString("remote", "origin", "url", fork.url());
            config.save();
            git.add().addFilepattern(".").call();
            commit(git, "seed: chant tree of " + fixture);
            git.push().setRemote("origin").setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch)).call();
        }
        return fork;
    }

    public String url() {
        return bare.toUri().toString();
    }

    public Git cloneAs(String name) throws GitAPIException {
        Git git = Git.cloneRepository().setURI(url()).setDirectory(base.resolve(name).toFile()).call();
        try {
            var config = git.getRepository().getConfig();
            config.setString("user", null, "name", name);
            config.setString("user", null, "email", EMAIL);
            config.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return git;
    }

    public static RevCommit commit(Git git, String message) throws GitAPIException {
        return git.commit().setMessage(message).call();
    }

    /** Opens the bare fork. */
    public Repository open() throws IOException {
        return new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build();
    }

    /** The commit a branch of the fork points to, or null. */
    public ObjectId head(String branch) throws IOException {
        try (Repository repo = open()) {
            return repo.resolve(Constants.R_HEADS + branch);
        }
    }

    /** Files of the tree of {@code commit} in the fork. */
    public List<String> files(ObjectId commit) throws IOException {
        List<String> files = new ArrayList<>();
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(walk.parseCommit(commit).getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                files.add(tw.getPathString());
            }
        }
        return files;
    }

    /** The changes {@code commit} makes to its first parent in the fork, with git's rename detection. */
    public List<DiffEntry> changes(ObjectId commit) throws IOException {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo);
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            RevCommit c = walk.parseCommit(commit);
            diff.setRepository(repo);
            diff.setDetectRenames(true);
            return diff.scan(walk.parseCommit(c.getParent(0)).getTree(), c.getTree());
        }
    }

    public RevCommit commitIn(ObjectId id) throws IOException {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(id);
            walk.parseBody(c);
            return c;
        }
    }

    /** Makes the fork reject updates of {@code refs/heads/BRANCH} the way GitHub rejects a protected branch. */
    public void protect(String branch) throws IOException {
        hook(bare.resolve("hooks/pre-receive"), "while read old new ref; do\n"
                + "  if [ \"$ref\" = \"refs/heads/" + branch + "\" ]; then\n"
                + "    echo \"error: GH006: Protected branch update failed for refs/heads/" + branch + ".\" >&2\n"
                + "    echo \"error: Changes must be made through a pull request.\" >&2\n"
                + "    exit 1\n"
                + "  fi\n"
                + "done\n"
                + "exit 0\n");
    }

    /** See the class comment: the checkout pushes through git's own receive-pack, which runs the fork's hooks. */
    public static void useGitCliReceivePack(Git checkout) throws Exception {
        var config = checkout.getRepository().getConfig();
        config.setString("remote", "origin", "receivepack", gitExecPath() + "/git-receive-pack");
        config.save();
    }

    /**
     * Installs a {@code pre-push} hook in {@code checkout} that runs {@code script} (as {@code sh}); JGit runs it
     * after the fork advertised its refs and before it sends the update, so what the script pushes from another
     * clone lands between the two, as when someone pushes while we do.
     */
    public static void raceBeforePush(Git checkout, String script) throws IOException {
        Path hooks = checkout.getRepository().getDirectory().toPath().resolve("hooks");
        Path count = hooks.resolve("pre-push.count");
        // JGit runs hooks with GIT_DIR, GIT_COMMON_DIR and GIT_WORK_TREE of the checkout: unset them, or the git commands of the
        // script would act on the checkout (and its push would run this hook again). The count caps the runs.
        hook(hooks.resolve("pre-push"), "unset GIT_DIR GIT_COMMON_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_PREFIX\n"
                + "echo x >> '" + count + "'\n"
                + "[ \"$(wc -l < '" + count + "')\" -le " + MAX_HOOK_RUNS + " ] || exit 0\n"
                + script);
    }

    /** No test pushes more often than this; a pre-push hook does nothing after that many runs. */
    public static final int MAX_HOOK_RUNS = 10;

    /** A shell line pushing {@code clone}'s HEAD to the fork's {@code branch} with the git CLI. */
    public String cliPush(Path clone, String branch) {
        return "git -C '" + clone + "' push -q origin HEAD:refs/heads/" + branch + " >&2";
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (var walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    private static void hook(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    public static String gitExecPath() throws Exception {
        Process p = new ProcessBuilder("git", "--exec-path").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git --exec-path failed: " + out);
        }
        return out;
    }
}
