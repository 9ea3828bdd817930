package io.jenkins.plugins.upstreampr.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@link ArchiveChantSpecsStep} on a pool thread: refreshes the controller copy of {@code .chant/} when a
 * workspace is at hand, resolves the trail through the engine, and archives its files. Repeating it after a
 * restart archives the same files again, which is harmless.
 */
final class ArchiveChantSpecsExecution extends BackgroundStepExecution {

    private static final long serialVersionUID = 1L;

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
                ControllerChantCopy.refresh(run, workspace, dir, listener);
            }
            copied = true;
        }
        ControllerChantCopy copy = ControllerChantCopy.existing(run);
        // CORE(pending): resolve `spec` and its trail with the chant package, then copy its files with the engine
        // (as io.jenkins.plugins.upstreampr.gate.GateArtifacts does for the gate) into an outbox and hand them to
        // RunArtifacts.archive(run, listener, outbox, artifacts); return the artifact names.
        ChantSpecs.resolve(copy, spec);
        throw new AbortException(Messages.Engine_NotMerged("specs trail (io.jenkins.plugins.upstreampr.chant)"));
    }
}
