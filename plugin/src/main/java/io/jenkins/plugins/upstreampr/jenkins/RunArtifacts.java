package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import jenkins.util.BuildListenerAdapter;

/**
 * Archives files that sit on the controller as build artifacts through the run's {@code ArtifactManager}, so that
 * whatever artifact storage the controller uses (local, S3, ...) receives them.
 *
 * <p>Artifact names: {@code upstream-pr/gate-record.json} for the gate record and
 * {@code upstream-pr/specs/<path in the repository>} for each spec of the trail (for example
 * {@code upstream-pr/specs/.chant/specs/2026-01-15-010-abc.md}).
 */
final class RunArtifacts {

    static final String PREFIX = "upstream-pr/";
    static final String GATE_RECORD = PREFIX + "gate-record.json";
    static final String SPECS = PREFIX + "specs/";

    private RunArtifacts() {}

    /**
     * @param base      the controller directory the relative paths start from
     * @param artifacts artifact name to path relative to {@code base} ({@code /}-separated)
     */
    static void archive(@NonNull Run<?, ?> run, @NonNull TaskListener listener, @NonNull Path base,
            @NonNull Map<String, String> artifacts) throws IOException, InterruptedException {
        if (artifacts.isEmpty()) {
            return;
        }
        run.pickArtifactManager().archive(new FilePath(base.toFile()), new Launcher.LocalLauncher(listener),
                BuildListenerAdapter.wrap(listener), artifacts);
        listener.getLogger().println(Messages.Artifacts_Archived(artifacts.size(), String.join(", ", artifacts.keySet())));
    }
}
