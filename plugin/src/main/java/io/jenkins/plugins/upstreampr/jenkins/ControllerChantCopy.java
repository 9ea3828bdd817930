package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import io.jenkins.plugins.upstreampr.chant.TrailDocument;
import io.jenkins.plugins.upstreampr.jenkins.params.ChantCopies;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code .chant/} directory of the workspace, copied into the build's directory on the controller, so that
 * the engine reads it with {@code java.nio.file} and later steps (the prompt, the creation, the archive) work
 * without a workspace, outside {@code node}, and after a restart.
 *
 * <p>Each copy is a new numbered folder of {@code <build dir>/upstream-pr/copies/} ({@link ChantCopies}), whose
 * {@code repository/} is the engine's "repository root", holding {@code .chant/} and the files outside
 * {@code .chant/} that the trail of the step's spec names as {@code informed_by} documents (a regression test, the
 * changed source file), so that the trail on the controller is the trail in the workspace. A copy is marked whole
 * last and never changed afterwards: a step in one {@code parallel} branch that takes a new copy never deletes or
 * rewrites the files a step in another branch is reading (the engine reads spec files when it needs them). A step
 * keeps the name of the copy it took or picked ({@link #named}) and reads that one in every later look.
 */
record ControllerChantCopy(String name, Path repositoryRoot) {

    static final String CHANT_DIR = ".chant";
    /** Where copies lived before they were numbered: a build started by an older version still finds its copy. */
    private static final String LEGACY_REPOSITORY = "repository";
    private static final String LEGACY_MARKER = "copy-complete";

    /** What {@code FilePath.read} with {@code NOFOLLOW_LINKS} says when it refuses a link (jenkins-2.541.1 l. 2257). */
    private static final String LINK_REFUSED = "Symlinks are prohibited.";

    /**
     * Copies {@code <workspace>/<dir>/.chant} to the controller as a new copy of this run, then the files outside
     * {@code .chant/} that the trail of {@code spec} names and that exist in the workspace. Earlier copies stay as
     * they are.
     *
     * @param dir the repository root inside the workspace ({@code .} for the workspace itself)
     * @param spec the spec whose trail documents are copied too
     */
    static ControllerChantCopy refresh(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull String dir,
            @NonNull String spec, @NonNull TaskListener listener) throws IOException, InterruptedException {
        FilePath repository = workspace.child(dir);
        FilePath source = repository.child(CHANT_DIR);
        if (!source.isDirectory()) {
            throw new AbortException(Messages.ChantCopy_NoChantDir(source.getRemote()));
        }
        ChantCopies copies = copies(run);
        ChantCopies.Copy copy = copies.start();
        FilePath root = new FilePath(copy.repositoryRoot().toFile());
        FilePath target = root.child(CHANT_DIR);
        target.mkdirs();
        int files = source.copyRecursiveTo("**/*", target);
        int documents = 0;
        SpecTrail trail = ChantSpecs.trail(ChantSpecs.read(copy.repositoryRoot()), spec);
        for (TrailDocument document : trail.documents()) {
            String reference = document.reference();
            if (document.kind() != TrailDocument.Kind.MISSING || !staysInside(reference)) {
                continue;
            }
            FilePath file = repository.child(reference);
            if (file.exists() && !file.isDirectory()) {
                // read without following a link in the path below the checkout: a branch's symbolic link must not
                // pull a file from outside the checkout (the agent's or the controller's secrets) into the artifacts
                FilePath copied = root.child(reference);
                try (InputStream in = file.read(repository, LinkOption.NOFOLLOW_LINKS)) {
                    copied.copyFrom(in);
                    documents++;
                } catch (IOException e) {
                    try {
                        copied.delete(); // on an agent, copyFrom created the file before the refusal came back
                    } catch (IOException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                    // only the refused link (FilePath.denySymlink's message, wrapped once through an agent's pipe) is
                    // a document left out; any other failure (disk, permissions, a lost agent) fails the step
                    if (e.getMessage() == null || !e.getMessage().contains(LINK_REFUSED)) {
                        throw e;
                    }
                    listener.getLogger().println(Messages.ChantCopy_NotCopied(reference, LINK_REFUSED));
                }
            }
        }
        copies.complete(copy, spec, trail.head().id().value());
        listener.getLogger().println(Messages.ChantCopy_Copied(files, source.getRemote(), documents));
        return new ControllerChantCopy(copy.name(), copy.repositoryRoot());
    }

    /**
     * The copy named {@code name} that a step of this run took or picked earlier; when there is none by that name
     * (null: the step has not picked one, or its state comes from an older version), the newest whole copy taken for
     * {@code spec}, else the newest whole copy ({@link ChantCopies#newest}).
     *
     * @throws AbortException saying how to take one when there is none
     */
    static ControllerChantCopy named(@NonNull Run<?, ?> run, String name, String spec) throws IOException {
        ChantCopies copies = copies(run);
        Optional<ChantCopies.Copy> copy = copies.named(name);
        if (copy.isEmpty()) {
            copy = copies.newest(spec);
        }
        if (copy.isPresent()) {
            return new ControllerChantCopy(copy.get().name(), copy.get().repositoryRoot());
        }
        if (Files.isRegularFile(base(run).toPath().resolve(LEGACY_MARKER))) {
            return new ControllerChantCopy(null, base(run).toPath().resolve(LEGACY_REPOSITORY));
        }
        throw new AbortException(Messages.ChantCopy_None());
    }

    /**
     * A new empty directory of this run on the controller for files about to be archived, its name starting with
     * {@code kind}: one per call, so that two steps archiving at the same time (in {@code parallel} branches, or a
     * second gate while the first one's archive is under way) never share or empty each other's. The caller removes
     * it once archived ({@link #remove}).
     */
    static Path outbox(@NonNull Run<?, ?> run, @NonNull String kind) throws IOException {
        Path outboxes = Files.createDirectories(base(run).toPath().resolve("outboxes"));
        return Files.createTempDirectory(outboxes, kind + "-");
    }

    /** Removes an outbox of {@link #outbox} once its files are archived (or were never written). */
    static void remove(@NonNull Path outbox) throws IOException, InterruptedException {
        new FilePath(outbox.toFile()).deleteRecursive();
    }

    /** A repository-relative path that stays inside the repository: not absolute, no scheme, no {@code ..}. */
    private static boolean staysInside(String reference) {
        if (reference.isBlank() || reference.startsWith("/") || reference.contains("\\") || reference.contains(":")) {
            return false;
        }
        for (String segment : reference.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static ChantCopies copies(Run<?, ?> run) {
        return new ChantCopies(base(run).toPath().resolve("copies"));
    }

    private static File base(Run<?, ?> run) {
        return new File(run.getRootDir(), "upstream-pr");
    }
}
