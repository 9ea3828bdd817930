package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code .chant/} directory of the workspace, copied into the build's directory on the controller, so that
 * the engine reads it with {@code java.nio.file} and later steps (the prompt, the creation, the archive) work
 * without a workspace, outside {@code node}, and after a restart.
 *
 * <p>The copy lives in {@code <build dir>/upstream-pr/repository/.chant}; {@link #repositoryRoot()} is the
 * directory that holds it, the engine's "repository root". A marker file is written last, so a copy cut short
 * by a restart is never mistaken for a complete one.
 */
record ControllerChantCopy(Path repositoryRoot) {

    static final String CHANT_DIR = ".chant";
    private static final String COMPLETE_MARKER = "copy-complete";

    /** Where the copy of this run lives (it may not exist yet). */
    static ControllerChantCopy of(@NonNull Run<?, ?> run) {
        return new ControllerChantCopy(base(run).toPath().resolve("repository"));
    }

    /**
     * Copies {@code <workspace>/<dir>/.chant} to the controller, replacing an earlier copy of this run.
     *
     * @param dir the repository root inside the workspace ({@code .} for the workspace itself)
     */
    static ControllerChantCopy refresh(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull String dir,
            @NonNull TaskListener listener) throws IOException, InterruptedException {
        FilePath source = workspace.child(dir).child(CHANT_DIR);
        if (!source.isDirectory()) {
            throw new AbortException(Messages.ChantCopy_NoChantDir(source.getRemote()));
        }
        ControllerChantCopy copy = of(run);
        FilePath marker = new FilePath(new File(base(run), COMPLETE_MARKER));
        marker.delete();
        FilePath target = new FilePath(copy.repositoryRoot().resolve(CHANT_DIR).toFile());
        target.deleteRecursive();
        target.mkdirs();
        int files = source.copyRecursiveTo("**/*", target);
        marker.write("", "UTF-8");
        listener.getLogger().println(Messages.ChantCopy_Copied(files, source.getRemote()));
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

    /** The copy of {@code .chant/} itself. */
    Path chantDir() {
        return repositoryRoot.resolve(CHANT_DIR);
    }

    private static File base(Run<?, ?> run) {
        return new File(run.getRootDir(), "upstream-pr");
    }
}
