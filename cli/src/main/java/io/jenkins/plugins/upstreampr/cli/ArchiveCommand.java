package io.jenkins.plugins.upstreampr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.chant.SpecResolver;
import io.jenkins.plugins.upstreampr.chant.archive.ArchiveOptions;
import io.jenkins.plugins.upstreampr.chant.archive.ArchivePlan;
import io.jenkins.plugins.upstreampr.chant.archive.ArchiveResult;
import io.jenkins.plugins.upstreampr.chant.archive.SkippedSpec;
import io.jenkins.plugins.upstreampr.chant.archive.SpecArchive;
import io.jenkins.plugins.upstreampr.chant.archive.SpecMove;
import io.jenkins.plugins.upstreampr.followup.AfterMergeArchive;
import io.jenkins.plugins.upstreampr.followup.AfterMergeReport;
import io.jenkins.plugins.upstreampr.followup.AfterMergeReport.Result;
import io.jenkins.plugins.upstreampr.followup.ArchivePushException;
import io.jenkins.plugins.upstreampr.followup.ArchivePushResult;
import io.jenkins.plugins.upstreampr.followup.ForkCheckout;
import io.jenkins.plugins.upstreampr.followup.ForkToken;
import io.jenkins.plugins.upstreampr.followup.UpstreamOutcome;
import io.jenkins.plugins.upstreampr.github.GitHubException;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.PullRequestProposal;
import io.jenkins.plugins.upstreampr.github.PullRequestReads;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequests;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code upstream-pr archive ID...}: moves finished specs to {@code .chant/archive/<first 10 bytes of ID>/<ID>.md} as
 * {@code chant archive} does, all or nothing.
 *
 * <p>{@code upstream-pr archive --after-merge --upstream OWNER/REPO#N ID...}: once the upstream pull request is
 * merged, the same archive in a git checkout of the fork, committed and pushed to the fork
 * ({@link AfterMergeArchive}); the upstream pull request is read once
 * ({@link PullRequestReads#ending()}), and a protected branch gets the small pull request in the fork
 * ({@link UpstreamPullRequests#open}, idempotent).
 *
 * <p>The two ways take their own options, two exclusive picocli groups ({@link HereOptions},
 * {@link AfterMergeOptions}), so picocli itself refuses options of both and an {@code --after-merge} without
 * {@code --upstream} (exit 2, as every usage error).
 */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = {"Archive specs: move .chant/specs/<ID>.md to .chant/archive/<first 10 characters of ID>/<ID>.md, "
                + "with `git mv` semantics inside a git work tree (the rename is staged, not committed).",
            "Each ID is resolved like `resolve` does (exact, unique suffix, today's sequence, unique substring). A "
                + "driver goes with all its members (members first, by number), and only when every member is "
                + "completed or cancelled; a member goes alone. Without --force only completed specs go (cancelled "
                + "ones need --force, which is what chant's own move requires), and a spec whose work branch "
                + "exists and is not merged into the main branch is refused.",
            "Unlike chant: the batch is all or nothing (any refused spec refuses the batch, exit 3; a failed move "
                + "undoes the others), an existing destination is never overwritten, an already archived spec is "
                + "reported as skipped, and an ID shorter than 10 characters is refused. Flat archive files "
                + "(.chant/archive/<ID>.md) are moved into their folders first, as chant does.",
            "With --after-merge --upstream OWNER/REPO#N, in a git checkout of the fork (--dir): reads the upstream "
                + "pull request once; only when it is merged, brings the checkout up to the fork's branch (--branch, "
                + "default the fork's default branch), archives the specs as above, commits (message naming the "
                + "upstream pull request) and pushes to the fork with the GitHub token (GITHUB_TOKEN or "
                + "--token-file), never forced; a branch that moved meanwhile gets the commit rebased and pushed "
                + "again. A protected branch gets the commit on chant/archive-upstream-N and a pull request in the "
                + "fork (--fork, default the upstream pull request's head repository) from it, opened once. Specs "
                + "already archived: nothing to do. Closed without merge: nothing archived, exit 6 with the closing "
                + "comment."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:archived (and, with --after-merge, pushed; or nothing to do)", "1:unexpected failure; "
                + "with --after-merge also: GitHub or the fork could not be reached, or the push was rejected",
            "2:usage error or bad input (bad credentials, not found)",
            "3:refused (unknown ID, ineligible spec; with --after-merge also: still open, checkout not ready)",
            "6:with --after-merge: the upstream pull request was closed without merge"})
public final class ArchiveCommand implements Callable<Integer> {

    /** {@code --after-merge}: the upstream pull request was closed without merge (as {@code watch} says it). */
    static final int EXIT_CLOSED_UNMERGED = WatchCommand.EXIT_CLOSED;

    @ParentCommand
    private UpstreamPrCommand top;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepositoryOption repository;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Spec IDs (or unique parts of them) to archive.")
    private List<String> ids;

    @Option(names = "--json", description = "Print {\"archived\":[{\"id\",\"from\",\"to\"}],"
            + "\"skipped\":[{\"id\",\"reason\"}]} (a refused batch prints every spec under skipped, then fails). "
            + "With --after-merge: {\"result\",\"branch\",\"commit\",\"pullRequest\":{\"number\",\"url\","
            + "\"created\"}|null,\"archived\":[ids],\"reason\"}, whatever the result.")
    private boolean json;

    /** Archive here or in the fork after the merge: picocli refuses options of both, and an incomplete after-merge. */
    @ArgGroup(exclusive = true)
    private Mode mode;

    /** The options of one of the two ways to archive; {@code null} when none is given (a plain archive). */
    static final class Mode {
        @ArgGroup(exclusive = false)
        private HereOptions here;

        @ArgGroup(exclusive = false)
        private AfterMergeOptions afterMerge;
    }

    /** The plain archive's options, in the repository at hand. */
    static final class HereOptions {
        @Option(names = "--dry-run", description = "Show what would move; move nothing.")
        private boolean dryRun;

        @Option(names = "--force", description = "Archive whatever the status, skip the unmerged-branch and "
                + "target-files checks (a driver still needs all its members completed or cancelled).")
        private boolean force;

        @Option(names = "--no-stage", description = "Plain file-system renames, nothing staged in git.")
        private boolean noStage;

        ArchiveOptions options() {
            return new ArchiveOptions(force, noStage, dryRun);
        }
    }

    /** {@code --after-merge} and the options that go only with it. */
    static final class AfterMergeOptions {
        @Option(names = "--after-merge", required = true, description = "Archive in a git checkout of the fork once "
                + "the upstream pull request (--upstream) is merged, then commit and push (see above); never with "
                + "--dry-run, --force or --no-stage: the archive after the merge is always staged, committed and "
                + "pushed as chant would archive it.")
        private boolean afterMerge;

        @Option(names = "--upstream", required = true, paramLabel = "OWNER/REPO#N",
                description = "With --after-merge: the upstream pull request whose trail the specs are.")
        private String upstream;

        @Option(names = "--remote", paramLabel = "NAME",
                description = "With --after-merge: the fork's remote in the checkout (default: origin).")
        private String remote;

        @Option(names = "--branch", paramLabel = "B",
                description = "With --after-merge: the fork's branch to push the archive commit to (default: the "
                        + "fork's default branch).")
        private String branch;

        @Option(names = "--fork", paramLabel = "OWNER/REPO",
                description = "With --after-merge: the fork on GitHub, where the pull request for a protected branch "
                        + "is opened (default: the repository of the upstream pull request's head).")
        private String fork;
    }

    @Mixin
    private GitHubOptions github;

    @Override
    public Integer call() throws Exception {
        if (mode != null && mode.afterMerge != null) {
            return archiveAfterMerge(mode.afterMerge);
        }
        HereOptions here = mode == null || mode.here == null ? new HereOptions() : mode.here;
        SpecArchive archive = new SpecArchive(new SpecResolver(top.clock())::resolve);
        ArchivePlan plan = archive.plan(repository.readTree(), ids, here.options());
        if (plan.isRefused()) {
            if (json) {
                printJson(plan.unexecutedResult());
            }
            throw plan.refusal();
        }
        ArchiveResult result = archive.execute(plan);
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(w -> err.println(spec.qualifiedName() + ": warning: " + w));
        err.flush();
        if (json) {
            printJson(result);
        } else {
            printText(result);
        }
        return UpstreamPrCommand.EXIT_OK;
    }

    // ---------------------------------------------------------------- --after-merge

    private int archiveAfterMerge(AfterMergeOptions afterMerge) {
        PullRequestRef upstreamPr;
        RepositoryName forkRepository;
        try {
            upstreamPr = PullRequestRef.parse(afterMerge.upstream);
            forkRepository = afterMerge.fork == null ? null : RepositoryName.parse(afterMerge.fork);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ForkCheckout checkout = new ForkCheckout(repository.dir(), afterMerge.remote, afterMerge.branch);
        ForkToken token = github.forkToken();
        GitHubSession session = github.session();
        Output output = new Output(token, upstreamPr);
        try {
            UpstreamOutcome outcome = UpstreamOutcome.ifEnded(new PullRequestReads(session, upstreamPr).ending())
                    .orElse(null);
            if (outcome == null) {
                return output.finish(AfterMergeReport.nothingPushed(Result.REFUSED, upstreamPr + " is still open: its "
                        + "specs are archived once it is merged. Wait for it with `upstream-pr watch --upstream "
                        + upstreamPr + " --until merged`, then run this again"), UpstreamPrCommand.EXIT_REFUSED);
            }
            AfterMergeArchive archiver = new AfterMergeArchive(new SpecArchive(new SpecResolver(top.clock())::resolve),
                    AfterMergeArchive.DEFAULT_ATTEMPTS, output::progress);
            ArchivePushResult done = archiver.archive(checkout, token, outcome, ids);
            if (done instanceof ArchivePushResult.PushedToSideBranch side) {
                return openForkPullRequest(session, output, outcome, forkRepository, side);
            }
            AfterMergeReport report = AfterMergeReport.of(done, outcome.isMerged(), null);
            return output.finish(report, switch (report.result()) {
                case CLOSED_UNMERGED -> EXIT_CLOSED_UNMERGED;
                case REFUSED -> UpstreamPrCommand.EXIT_REFUSED;
                default -> UpstreamPrCommand.EXIT_OK;
            });
        } catch (GitHubException e) {
            // the error line and exit code are the handler's, as for every command (scrubbed: GitHubOptions.scrub)
            output.json(AfterMergeReport.nothingPushed(Result.FAILED, e.getMessage()));
            throw e;
        } catch (ArchivePushException e) {
            return output.finish(AfterMergeReport.nothingPushed(Result.FAILED, e.getMessage()),
                    UpstreamPrCommand.EXIT_UNEXPECTED);
        } catch (Refusal e) {
            return output.finish(AfterMergeReport.nothingPushed(Result.REFUSED, e.getMessage()),
                    UpstreamPrCommand.EXIT_REFUSED);
        } catch (ChantException e) {
            return output.finish(AfterMergeReport.nothingPushed(Result.FAILED, e.getMessage()),
                    UpstreamPrCommand.EXIT_BAD_INPUT);
        }
    }

    /** The branch is protected: the commit is on the side branch; opens (or finds) its pull request in the fork. */
    private int openForkPullRequest(GitHubSession session, Output output, UpstreamOutcome outcome,
            RepositoryName forkRepository, ArchivePushResult.PushedToSideBranch side) {
        RepositoryName where = forkRepository != null ? forkRepository : outcome.headRepository();
        String pushed = side.pullRequest().base() + " is protected, so the archive commit " + side.commit()
                + " was pushed to " + side.branch() + " of the fork";
        if (where == null) {
            return output.finish(AfterMergeReport.of(side, true, null).withReason(pushed + ", but GitHub names no "
                    + "head repository for " + outcome.pullRequest() + " (was the fork deleted?), so no pull request "
                    + "was opened: run again with --fork OWNER/REPO, or open one from " + side.branch() + " into "
                    + side.pullRequest().base() + " yourself"), UpstreamPrCommand.EXIT_BAD_INPUT);
        }
        PullRequestProposal proposal = PullRequestProposal.builder(where, new HeadRef(where.owner(), side.branch()),
                        side.pullRequest().title(), side.pullRequest().body())
                .base(side.pullRequest().base())
                .maintainerCanModify(false)
                .build();
        UpstreamPullRequest opened;
        try {
            opened = new UpstreamPullRequests(session).open(proposal);
        } catch (GitHubException e) {
            return output.finish(AfterMergeReport.of(side, true, null).withReason(pushed + ", but opening its pull "
                    + "request in " + where + " failed: " + e.getMessage() + " Open one from " + side.branch()
                    + " into " + side.pullRequest().base() + ", or run this again"), UpstreamPrCommand.exitCode(e));
        }
        opened.warnings().forEach(w -> output.error("warning: " + w));
        return output.finish(AfterMergeReport.of(side, true, opened), UpstreamPrCommand.EXIT_OK);
    }

    /** Prints the after-merge results, every line scrubbed of the token. */
    private final class Output {
        private final ForkToken token;
        private final PullRequestRef upstreamPr;
        private final PrintWriter out = spec.commandLine().getOut();
        private final PrintWriter err = spec.commandLine().getErr();

        Output(ForkToken token, PullRequestRef upstreamPr) {
            this.token = token;
            this.upstreamPr = upstreamPr;
        }

        /** A progress line of the archive; its closing "Refused: ..." is left to {@link #finish}'s error line. */
        void progress(String line) {
            if (line.startsWith("Refused: ")) {
                return;
            }
            err.println(token.scrub(line));
            err.flush();
        }

        void error(String message) {
            err.println(token.scrub(spec.qualifiedName() + ": " + UpstreamPrCommand.oneLine(message)));
            err.flush();
        }

        void json(AfterMergeReport report) {
            if (json) {
                out.println(token.scrub(report.toJson()));
                out.flush();
            }
        }

        /** Prints the report (JSON or text; a failure or refusal as one line on stderr) and returns {@code exit}. */
        int finish(AfterMergeReport report, int exit) {
            json(report);
            if (exit != UpstreamPrCommand.EXIT_OK) {
                error(report.reason());
                return exit;
            }
            if (!json) {
                text(report).forEach(line -> out.println(token.scrub(line)));
                out.flush();
            }
            return exit;
        }

        private List<String> text(AfterMergeReport report) {
            List<String> lines = new ArrayList<>();
            String archived = "Archived " + report.archived().size() + " spec(s) of " + upstreamPr + " in commit "
                    + report.commit() + ", pushed to " + report.branch() + " of the fork:";
            switch (report.result()) {
                case PUSHED -> lines.add(archived);
                case PUSHED_TO_SIDE_BRANCH -> {
                    lines.add(UpstreamPrCommand.oneLine(report.reason()));
                    lines.add(archived);
                }
                default -> lines.add(UpstreamPrCommand.oneLine(report.reason()));
            }
            report.archived().forEach(id -> lines.add("  " + id));
            UpstreamPullRequest pr = report.pullRequest();
            if (pr != null) {
                lines.add("Pull request in the fork " + (pr.created() ? "opened" : "already open") + ": " + pr.url()
                        + " (merging it archives the specs on " + pr.base() + ")");
            }
            return lines;
        }
    }

    // ---------------------------------------------------------------- plain archive

    private void printJson(ArchiveResult result) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode archived = root.putArray("archived");
        for (SpecMove m : result.archived()) {
            archived.addObject().put("id", m.id().value()).put("from", m.from()).put("to", m.to());
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedSpec s : result.skipped()) {
            skipped.addObject().put("id", s.id()).put("reason", s.reason());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(mapper.writeValueAsString(root));
        out.flush();
    }

    private void printText(ArchiveResult result) {
        PrintWriter out = spec.commandLine().getOut();
        String verb = result.dryRun() ? "Would archive" : "Archived";
        if (!result.migrated().isEmpty()) {
            out.println((result.dryRun() ? "Would move " : "Moved ") + result.migrated().size()
                    + " flat archive file(s) into their folders first (.chant/archive/<ID>.md -> "
                    + ".chant/archive/<first 10>/<ID>.md).");
        }
        if (result.archived().isEmpty()) {
            out.println("Nothing to archive.");
        } else {
            out.println(verb + " " + result.archived().size() + " spec(s):");
            result.archived().forEach(m -> out.println("  " + m.id() + "  " + m.from() + " -> " + m.to()));
        }
        if (!result.skipped().isEmpty()) {
            out.println("Skipped " + result.skipped().size() + ":");
            result.skipped().forEach(s -> out.println("  " + s.id() + "  " + s.reason()));
        }
        out.flush();
    }
}
