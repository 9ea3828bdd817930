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
 * Archives files the engine wrote on the controller as build artifacts through the run's {@code ArtifactManager},
 * so that whatever artifact storage the controller uses (local, S3, ...) receives them. The names are the engine's
 * ({@code io.jenkins.plugins.upstreampr.gate.GateArtifacts}): {@code upstream-pr/gate-record.json},
 * {@code upstream-pr/pull-request.md} and {@code upstream-pr/chant/...} for each file of the trail (for example
 * {@code upstream-pr/chant/specs/2026-01-15-010-abc.md}), which a gate with an id other than the default one puts
 * under {@code upstream-pr/ID/} before they come here ({@code params.GateNames#artifacts}). The files are copied
 * before {@code archive} returns, so the caller may then remove {@code base}.
 */
final class RunArtifacts {

    private RunArtifacts() {}

    /**
     * @param base      the controller directory the engine wrote into
     * @param artifacts artifact name to path relative to {@code base} ({@code /}-separated), as the engine returned
     */
    static void archive(@NonNull Run<?, ?> run, @NonNull TaskListener listener, @NonNull Path base,
            @NonNull Map<String, String> artifacts) throws IOException, InterruptedException {
        if (artifacts.isEmpty()) {
            return;
        }
        run.pickArtifactManager().archive(new FilePath(base.toFile()), new Launcher.LocalLauncher(listener),
                BuildListenerAdapter.wrap(listener), artifacts);
        listener.getLogger().println(
                Messages.Artifacts_Archived(artifacts.size(), String.join(", ", artifacts.keySet())));
    }
}
