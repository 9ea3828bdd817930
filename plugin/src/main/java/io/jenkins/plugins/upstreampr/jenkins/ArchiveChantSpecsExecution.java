package io.jenkins.plugins.upstreampr.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import io.jenkins.plugins.upstreampr.chant.TrailGap;
import io.jenkins.plugins.upstreampr.gate.GateArtifacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@link ArchiveChantSpecsStep} on a pool thread: refreshes the controller copy of {@code .chant/} when a
 * workspace is at hand, takes the trail of the spec with the engine ({@link SpecTrail}), has the engine copy the
 * trail's files ({@link GateArtifacts#writeTrail}) and archives them. Repeating it after a restart archives the same
 * files again, which is harmless.
 */
final class ArchiveChantSpecsExecution extends BackgroundStepExecution {

    private static final long serialVersionUID = 2L;

    private final String spec;
    private final String dir;
    private boolean copied;

    ArchiveChantSpecsExecution(ArchiveChantSpecsStep step, StepContext context) {
        super(context);
        this.spec = step.getSpec();
        this.dir = step.getDir();
    }

    @Override
    protected void prepare() throws Exception {
        if (spec == null || spec.isBlank()) {
            throw new AbortException(Messages.Step_MissingArgument("spec", "archiveChantSpecs"));
        }
    }

    @Override
    protected void look() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        if (!copied) {
            FilePath workspace = getContext().get(FilePath.class);
            if (workspace != null) {
                ControllerChantCopy.refresh(run, workspace, dir, spec.strip(), listener);
            }
            copied = true;
        }
        Path repository = ControllerChantCopy.existing(run).repositoryRoot();
        SpecTrail trail = ChantSpecs.trail(ChantSpecs.read(repository), spec.strip());
        for (TrailGap gap : trail.gaps()) {
            listener.getLogger().println(Messages.Preflight_Warning(gap.describe()));
        }
        Path outbox = ControllerChantCopy.outbox(run, "specs");
        Map<String, String> artifacts;
        try {
            artifacts = GateArtifacts.writeTrail(outbox, repository, trail.files());
        } catch (ChantException e) {
            throw new AbortException(e.getMessage());
        }
        RunArtifacts.archive(run, listener, outbox, artifacts);
        getContext().onSuccess(new ArrayList<>(artifacts.keySet()));
    }
}
