package io.jenkins.plugins.upstreampr.jenkins;

import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.chant.SpecResolver;
import io.jenkins.plugins.upstreampr.chant.archive.ArchiveOptions;
import io.jenkins.plugins.upstreampr.chant.archive.ArchiveResult;
import io.jenkins.plugins.upstreampr.chant.archive.SkippedSpec;
import io.jenkins.plugins.upstreampr.chant.archive.SpecArchive;
import io.jenkins.plugins.upstreampr.chant.archive.SpecMove;
import io.jenkins.plugins.upstreampr.followup.AfterMergeArchive;
import io.jenkins.plugins.upstreampr.followup.AfterMergeReport;
import io.jenkins.plugins.upstreampr.followup.ArchivePushResult;
import io.jenkins.plugins.upstreampr.followup.ForkCheckout;
import io.jenkins.plugins.upstreampr.followup.ForkToken;
import io.jenkins.plugins.upstreampr.followup.UpstreamOutcome;
import java.io.File;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * The chant archive move in the workspace, run where the workspace is (on the agent) through
 * {@code FilePath.act}: {@link Move} moves the specs as {@code chant archive} does (staged in git when the workspace
 * is a git checkout), {@link AfterMerge} also commits and pushes the move to the fork with the engine's
 * {@link AfterMergeArchive} (never forced; rebased and retried when the branch moved; a side branch when it is
 * protected). All the rules are the engine's; these classes only carry the arguments there and a {@link Report}
 * back.
 */
final class WorkspaceSpecArchive {

    private WorkspaceSpecArchive() {}

    /**
     * What happened in the workspace, for the build log and the step's result.
     *
     * @param outcome {@code archived} or {@code nothing_to_do} for a move; for a push, the engine's word
     *        ({@link AfterMergeReport.Result#json()}): {@code pushed}, {@code pushed_to_side_branch},
     *        {@code nothing_to_do} or {@code refused}
     * @param summary one line for a person
     * @param archived the IDs moved to the archive
     * @param commit the archive commit, when one was pushed
     * @param branch the fork branch it was pushed to
     * @param lines progress lines, in order (they never hold the token)
     */
    record Report(String outcome, String summary, List<String> archived, String commit, String branch,
            List<String> lines) implements Serializable {
        private static final long serialVersionUID = 1L;

        Report {
            archived = List.copyOf(archived);
            lines = List.copyOf(lines);
        }
    }

    private static SpecArchive archive() {
        return new SpecArchive(new SpecResolver(Clock.systemDefaultZone())::resolve);
    }

    /** Moves the specs {@code ids} to the archive in the repository at the callable's directory. */
    static final class Move extends MasterToSlaveFileCallable<Report> {
        private static final long serialVersionUID = 1L;

        private final ArrayList<String> ids;

        Move(List<String> ids) {
            this.ids = new ArrayList<>(ids);
        }

        @Override
        public Report invoke(File repository, VirtualChannel channel) {
            ArchiveResult result = archive().archive(new ChantTreeReader().read(repository.toPath()), ids,
                    ArchiveOptions.DEFAULTS);
            List<String> lines = new ArrayList<>();
            for (SpecMove move : result.archived()) {
                lines.add("Archived " + move.id() + ": " + move.from() + " -> " + move.to());
            }
            for (SkippedSpec skipped : result.skipped()) {
                lines.add("Not moved " + skipped.id() + ": " + skipped.reason());
            }
            lines.addAll(result.warnings());
            List<String> archived = SpecId.values(result.archived().stream().map(SpecMove::id).toList());
            return new Report(archived.isEmpty() ? "nothing_to_do" : "archived", archived.isEmpty()
                    ? "Nothing to move: the specs are already archived"
                    : "Archived " + archived.size() + " spec(s) in the workspace; not committed", archived, null,
                    null, lines);
        }
    }

    /** Archives, commits and pushes the specs {@code ids} of a merged upstream pull request in the fork checkout. */
    static final class AfterMerge extends MasterToSlaveFileCallable<Report> {
        private static final long serialVersionUID = 1L;

        private final ArrayList<String> ids;
        private final UpstreamOutcome outcome;
        private final String remote;
        private final String branch;
        private final Secret token;

        /**
         * @param branch the fork branch to push to; null for the fork's default branch
         * @param token the HTTPS token to push with; null when the remote needs none
         */
        AfterMerge(List<String> ids, UpstreamOutcome outcome, String remote, String branch, Secret token) {
            this.ids = new ArrayList<>(ids);
            this.outcome = outcome;
            this.remote = remote;
            this.branch = branch;
            this.token = token;
        }

        @Override
        public Report invoke(File repository, VirtualChannel channel) {
            List<String> lines = new ArrayList<>();
            ForkToken fork = token == null ? ForkToken.none() : ForkToken.of(token.getPlainText());
            ArchivePushResult result = new AfterMergeArchive(archive(), AfterMergeArchive.DEFAULT_ATTEMPTS, lines::add)
                    .archive(new ForkCheckout(repository.toPath(), remote, branch), fork, outcome, ids);
            // the engine's report, as the CLI prints it; a pull request closed without merge is refused here too,
            // the step failing the build for either
            AfterMergeReport report = AfterMergeReport.of(result, outcome.isMerged(), null);
            AfterMergeReport.Result said = report.result() == AfterMergeReport.Result.CLOSED_UNMERGED
                    ? AfterMergeReport.Result.REFUSED : report.result();
            return new Report(said.json(), result.summary(), report.archived(), report.commit(), report.branch(),
                    lines);
        }
    }
}
