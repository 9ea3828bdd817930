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
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.followup.ArchivePushException;
import io.jenkins.plugins.upstreampr.followup.UpstreamOutcome;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.PullRequestReads;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import java.util.LinkedHashMap;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@link ArchiveChantSpecsStep} on a pool thread: refreshes the controller copy of {@code .chant/} when a
 * workspace is at hand, takes the trail of the spec with the engine ({@link SpecTrail}), has the engine copy the
 * trail's files ({@link GateArtifacts#writeTrail}) and archives them. Repeating it after a restart archives the same
 * files again, which is harmless.
 *
 * <p>It has no gate id: its artifacts are the engine's names ({@code upstream-pr/chant/...}) in every branch. Two
 * calls in {@code parallel} branches each take (inside {@code node}) or pick (outside, the newest for the spec) a
 * copy and archive from their own outbox, so neither removes the other's files; a trail file both archive has one
 * name, and the one archived last is kept (the same file, unless the branches' workspaces differ).
 */
final class ArchiveChantSpecsExecution extends BackgroundStepExecution {

    private static final long serialVersionUID = 3L;

    private final String spec;
    private final String dir;
    /**
     * The controller copy of {@code .chant/} this step archives from: the one it took inside {@code node}, else the
     * newest of the build for its spec; null until the first look. Changed on the pool thread and saved.
     */
    private volatile String copy;
    private final boolean move;
    private final boolean commit;
    private final boolean push;
    private final String upstream;
    private final String credentialsId;
    private final String apiUri;
    private final String branch;
    private final String remote;

    ArchiveChantSpecsExecution(ArchiveChantSpecsStep step, StepContext context) {
        super(context);
        this.spec = step.getSpec();
        this.dir = step.getDir();
        this.move = step.isMove();
        this.commit = step.isCommit();
        this.push = step.isPush();
        this.upstream = step.getUpstream();
        this.credentialsId = step.getCredentialsId();
        this.apiUri = step.getApiUri();
        this.branch = step.getBranch();
        this.remote = step.getRemote();
    }

    @Override
    protected void prepare() throws Exception {
        if (spec == null || spec.isBlank()) {
            throw new AbortException(Messages.Step_MissingArgument("spec", "archiveChantSpecs"));
        }
        if ((commit || push) && !move) {
            throw new AbortException(Messages.ArchiveMove_CommitNeedsMove());
        }
        if (commit != push) {
            throw new AbortException(Messages.ArchiveMove_CommitAndPush());
        }
        if (move && getContext().get(FilePath.class) == null) {
            throw new AbortException(Messages.ArchiveMove_NoWorkspace()); // before anything is archived
        }
        if (push) {
            try {
                PullRequestRef.parse(upstream);
            } catch (IllegalArgumentException e) {
                throw new AbortException(Messages.ArchiveMove_NeedsUpstream(e.getMessage()));
            }
        }
    }

    @Override
    protected void look() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        if (copy == null) {
            FilePath workspace = getContext().get(FilePath.class);
            copy = (workspace != null ? ControllerChantCopy.refresh(run, workspace, dir, spec.strip(), listener)
                    : ControllerChantCopy.named(run, null, spec)).name();
            saveState();
        }
        Path repository = ControllerChantCopy.named(run, copy, spec).repositoryRoot();
        SpecTrail trail = ChantSpecs.trail(ChantSpecs.read(repository), spec.strip());
        for (TrailGap gap : trail.gaps()) {
            listener.getLogger().println(Messages.Preflight_Warning(gap.describe()));
        }
        Path outbox = ControllerChantCopy.outbox(run, "specs");
        Map<String, String> artifacts;
        try {
            artifacts = GateArtifacts.writeTrail(outbox, repository, trail.files());
            RunArtifacts.archive(run, listener, outbox, artifacts);
        } catch (ChantException e) {
            throw new AbortException(e.getMessage());
        } finally {
            ControllerChantCopy.remove(outbox);
        }
        if (!move) {
            if (isStopped()) {
                return; // aborted meanwhile: what was done is recorded above, the step already ended
            }
            getContext().onSuccess(new ArrayList<>(artifacts.keySet()));
            return;
        }
        FilePath workspace = getContext().get(FilePath.class);
        if (workspace == null) {
            throw new AbortException(Messages.ArchiveMove_NoWorkspace());
        }
        List<String> ids = SpecId.values(trail.ids());
        FilePath checkout = workspace.child(dir);
        WorkspaceSpecArchive.Report report;
        try {
            report = checkout.act(push ? afterMerge(run, listener, ids) : new WorkspaceSpecArchive.Move(ids));
        } catch (ChantException | ArchivePushException e) {
            throw new AbortException(e.getMessage());
        }
        for (String line : report.lines()) {
            listener.getLogger().println(Messages.ArchiveMove_Line(line));
        }
        listener.getLogger().println(Messages.ArchiveMove_Line(report.summary()));
        if (report.outcome().equals("refused")) {
            throw new AbortException(report.summary());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("artifacts", new ArrayList<>(artifacts.keySet()));
        result.put("archive", report.outcome());
        result.put("archived", new ArrayList<>(report.archived()));
        result.put("commit", report.commit());
        result.put("branch", report.branch());
        if (isStopped()) {
            return; // aborted meanwhile: what was done is recorded above, the step already ended
        }
        getContext().onSuccess(result);
    }

    /**
     * The commit-and-push archive for the merged upstream pull request: one read of it through the engine, the CLI's
     * read too ({@link PullRequestReads#ending()}; nothing is archived unless GitHub says it was merged), and the token
     * of the same credentials, for the fork's owner (the owner of the pull request's head).
     */
    private WorkspaceSpecArchive.AfterMerge afterMerge(Run<?, ?> run, TaskListener listener, List<String> ids)
            throws Exception {
        PullRequestRef ref = PullRequestRef.parse(upstream);
        PullRequestReads.Ending ending;
        GitHubConnection connection = GitHubConnection.open(run, apiUri, credentialsId, ref.repository().owner());
        try {
            ending = new PullRequestReads(connection.session(), ref).ending();
        } catch (RuntimeException e) {
            throw connection.explain(e, ref.repository().toString());
        }
        UpstreamOutcome outcome = UpstreamOutcome.ifEnded(ending).orElse(null);
        if (outcome == null) {
            throw new AbortException(Messages.ArchiveMove_StillOpen(ref));
        }
        listener.getLogger().println(Messages.ArchiveMove_Line(outcome.describe()));
        HeadRef head = ending.pullRequest().head();
        String forkOwner = head != null ? head.owner() : ref.repository().owner();
        GitHubConnection fork = forkOwner.equals(ref.repository().owner()) ? connection
                : GitHubConnection.open(run, apiUri, credentialsId, forkOwner);
        return new WorkspaceSpecArchive.AfterMerge(ids, outcome, remote.isEmpty() ? null : remote,
                branch.isEmpty() ? null : branch, fork.gitToken());
    }
}
