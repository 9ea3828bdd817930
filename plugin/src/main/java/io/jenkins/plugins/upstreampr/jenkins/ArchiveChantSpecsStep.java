package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code archiveChantSpecs}: archives the specs trail of an implementation spec (the spec, its transitive
 * {@code depends_on} specs, their driver/member groups and {@code informed_by} documents) as build artifacts under
 * {@code upstream-pr/chant/}. Inside {@code node} it first copies the workspace's {@code .chant/} to the controller,
 * which later gate steps outside {@code node} then use. Returns the archived artifact names.
 *
 * <p>With {@code move: true} (inside {@code node}) it also archives the specs in the workspace the way
 * {@code chant archive} does; with {@code commit: true, push: true} and {@code upstream:} a merged upstream pull
 * request, the engine commits that move and pushes it to the fork with the credentials' token
 * ({@link WorkspaceSpecArchive}). It then returns a map: {@code artifacts}, {@code archive} (what happened in the
 * workspace), {@code archived}, {@code commit}, {@code branch}.
 */
public final class ArchiveChantSpecsStep extends GitHubStep {

    private static final long serialVersionUID = 1L;

    private final String spec;
    private String dir = ".";
    private boolean move;
    private boolean commit;
    private boolean push;
    private String upstream = "";
    private String branch = "";
    private String remote = "";

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

    public boolean isMove() {
        return move;
    }

    /** Also moves the trail's specs to {@code .chant/archive/} in the workspace, as {@code chant archive} does. */
    @DataBoundSetter
    public void setMove(boolean move) {
        this.move = move;
    }

    public boolean isCommit() {
        return commit;
    }

    /** Commits the move (with {@code push}: the engine commits and pushes in one go, for a merged upstream PR). */
    @DataBoundSetter
    public void setCommit(boolean commit) {
        this.commit = commit;
    }

    public boolean isPush() {
        return push;
    }

    /** Pushes the archive commit to the fork with the credentials' token over HTTPS; never forced. */
    @DataBoundSetter
    public void setPush(boolean push) {
        this.push = push;
    }

    public String getUpstream() {
        return upstream;
    }

    /** The merged upstream pull request ({@code OWNER/REPO#N}) the archive commit names; needed for commit/push. */
    @DataBoundSetter
    public void setUpstream(String upstream) {
        this.upstream = trim(upstream);
    }

    public String getBranch() {
        return branch;
    }

    /** The fork branch the archive commit is pushed to; empty for the fork's default branch. */
    @DataBoundSetter
    public void setBranch(String branch) {
        this.branch = trim(branch);
    }

    public String getRemote() {
        return remote;
    }

    /** The git remote of the fork in the workspace checkout; empty for {@code origin}. */
    @DataBoundSetter
    public void setRemote(String remote) {
        this.remote = trim(remote);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new ArchiveChantSpecsExecution(this, context);
    }

    /** Descriptor: function name; the GitHub fields are {@link GitHubStepDescriptor}'s. */
    @Extension
    @Symbol("archiveChantSpecs")
    public static final class DescriptorImpl extends GitHubStepDescriptor {

        @Override
        public String getFunctionName() {
            return "archiveChantSpecs";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ArchiveStep_DisplayName();
        }

        /**
         * None: the token is minted for the owner of the fork that is pushed to (the pull request's head), which the
         * form does not name.
         */
        @CheckForNull
        @Override
        protected String appOwner(@CheckForNull String upstream) {
            return null;
        }
    }
}
