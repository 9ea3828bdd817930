package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import io.jenkins.plugins.upstreampr.chant.TrailDocument;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code .chant/} directory of the workspace, copied into the build's directory on the controller, so that
 * the engine reads it with {@code java.nio.file} and later steps (the prompt, the creation, the archive) work
 * without a workspace, outside {@code node}, and after a restart.
 *
 * <p>The copy lives in {@code <build dir>/upstream-pr/repository/}; {@link #repositoryRoot()} is that directory, the
 * engine's "repository root", holding {@code .chant/} and the files outside {@code .chant/} that the trail of the
 * step's spec names as {@code informed_by} documents (a regression test, the changed source file), so that the trail
 * on the controller is the trail in the workspace. A marker file is written last, so a copy cut short by a restart is
 * never mistaken for a complete one.
 */
record ControllerChantCopy(Path repositoryRoot) {

    static final String CHANT_DIR = ".chant";
    private static final String COMPLETE_MARKER = "copy-complete";

    /** Where the copy of this run lives (it may not exist yet). */
    static ControllerChantCopy of(@NonNull Run<?, ?> run) {
        return new ControllerChantCopy(base(run).toPath().resolve("repository"));
    }

    /**
     * Copies {@code <workspace>/<dir>/.chant} to the controller, replacing an earlier copy of this run, then the
     * files outside {@code .chant/} that the trail of {@code spec} names and that exist in the workspace.
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
        ControllerChantCopy copy = of(run);
        FilePath marker = new FilePath(new File(base(run), COMPLETE_MARKER));
        marker.delete();
        FilePath root = new FilePath(copy.repositoryRoot().toFile());
        root.deleteRecursive();
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
                file.copyTo(root.child(reference));
                documents++;
            }
        }
        marker.write("", "UTF-8");
        listener.getLogger().println(Messages.ChantCopy_Copied(files, source.getRemote(), documents));
        return copy;
    }

    /**
     * The copy taken earlier in this run.
     *
     * @throws AbortException saying how to take one when there is none
     */
    static ControllerChantCopy existing(@NonNull Run<?, ?> run) throws AbortException {
        ControllerChantCopy copy = of(run);
        if (!Files.isRegularFile(base(run).toPath().resolve(COMPLETE_MARKER))) {
            throw new AbortException(Messages.ChantCopy_None());
        }
        return copy;
    }

    /**
     * An empty directory of this run on the controller for files about to be archived, named {@code name}
     * (what an earlier call left there is removed first).
     */
    static Path outbox(@NonNull Run<?, ?> run, @NonNull String name) throws IOException, InterruptedException {
        File outbox = new File(base(run), "outbox-" + name);
        new FilePath(outbox).deleteRecursive();
        Files.createDirectories(outbox.toPath());
        return outbox.toPath();
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

    private static File base(Run<?, ?> run) {
        return new File(run.getRootDir(), "upstream-pr");
    }
}
