package io.jenkins.plugins.upstreampr.chant.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real {@code git} command line in a test repository, isolated from the machine's git configuration, so
 * that tests see what a user's {@code git status} would show.
 */
final class GitCli {

    private final Path dir;

    GitCli(Path dir) {
        this.dir = dir;
    }

    /** A new repository with branch {@code main} in {@code dir}. */
    static GitCli init(Path dir) {
        GitCli git = new GitCli(dir);
        git.run("init", "-q", "-b", "main");
        return git;
    }

    /** Stages everything and commits it. */
    GitCli commitAll(String message) {
        run("add", "-A");
        run("commit", "-q", "-m", message);
        return this;
    }

    /** Runs git and returns its standard output; fails the test when git fails. */
    String run(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=upstream-pr test",
                "-c", "user.email=test@upstream-pr.invalid", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("LC_ALL", "C");
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0) {
                throw new AssertionError("git " + String.join(" ", args) + " failed (" + code + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code git status --porcelain} lines, untracked files listed one by one. */
    List<String> status() {
        return run("status", "--porcelain", "--untracked-files=all").lines().toList();
    }
}
