package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code archiveChantSpecs}: archives the specs trail of an implementation spec (the spec, its transitive
 * {@code depends_on} specs, their driver/member groups and {@code informed_by} documents) as build artifacts under
 * {@code upstream-pr/chant/}. Inside {@code node} it first copies the workspace's {@code .chant/} to the controller,
 * which later gate steps outside {@code node} then use. Returns the archived artifact names.
 */
public final class ArchiveChantSpecsStep extends Step {

    private final String spec;
    private String dir = ".";

    @DataBoundConstructor
    public ArchiveChantSpecsStep(String spec) {
        this.spec = spec;
    }

    public String getSpec() {
        return spec;
    }

    public String getDir() {
        return dir;
    }

    @DataBoundSetter
    public void setDir(String dir) {
        this.dir = dir == null || dir.isBlank() ? "." : dir.trim();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new ArchiveChantSpecsExecution(this, context);
    }

    /** Descriptor: function name and Snippet Generator fields. */
    @Extension
    @Symbol("archiveChantSpecs")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "archiveChantSpecs";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ArchiveStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
