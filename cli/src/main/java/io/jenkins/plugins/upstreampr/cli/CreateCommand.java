package io.jenkins.plugins.upstreampr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.upstreampr.body.PullRequestBodyRenderer;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.SpecResolver;
import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import io.jenkins.plugins.upstreampr.gate.GateJson;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.PullRequestProposal;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequests;
import io.jenkins.plugins.upstreampr.github.WritePlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code upstream-pr create}: opens the upstream pull request, or returns the open one for the same branch. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Open the upstream pull request from a fork branch, idempotently: if one is already open "
                + "for the same head and base it is returned (created: false), never a second one.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:opened or found", "2:usage error, bad credentials, not found, refused by GitHub",
            "1:GitHub failed (rate limit, outage, network)"})
public final class CreateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private GitHubOptions github;

    @Option(names = "--upstream", required = true, paramLabel = "OWNER/REPO", description = "The upstream repository.")
    private String upstream;

    @Option(names = "--head", required = true, paramLabel = "OWNER:BRANCH", description = "The fork branch.")
    private String head;

    @Option(names = "--base", paramLabel = "B", description = "Upstream base branch (default: its default branch).")
    private String base;

    @Option(names = "--title", required = true, paramLabel = "T", description = "The pull request title.")
    private String title;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Body body;

    /** Where the body comes from: a file, or the trail of a spec (exactly one). */
    static final class Body {
        @Option(names = "--body-file", required = true, paramLabel = "F", description = "Markdown file with the body.")
        private Path file;

        @Option(names = "--body-from-spec", required = true, paramLabel = "ID",
                description = "Use the body `upstream-pr body ID` prints: rendered from the trail of spec ID in "
                        + "--dir (trail gaps are noted on stderr).")
        private String spec;
    }

    @ParentCommand
    private UpstreamPrCommand top;

    @Mixin
    private RepositoryOption repository;

    @Option(names = "--draft", description = "Open as a draft.")
    private boolean draft;

    @Option(names = "--no-maintainer-can-modify",
            description = "Do not let upstream maintainers push to the branch (default: allow).")
    private boolean noMaintainerCanModify;

    @Option(names = "--label", paramLabel = "L", description = "A label to add; repeatable.")
    private List<String> labels = new ArrayList<>();

    @Option(names = "--reviewer", paramLabel = "R",
            description = "A reviewer: a login, or ORG/TEAM for a team; repeatable.")
    private List<String> reviewers = new ArrayList<>();

    @Option(names = "--assignee", paramLabel = "U",
            description = "A login to assign, after opening; repeatable. GitHub assigns only with push access to "
                    + "the upstream repository; otherwise the output warns.")
    private List<String> assignees = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Option(names = "--dry-run", description = "Make every read as usual, then print the writes that would be sent "
            + "(method, path, JSON body; with --json one {\"method\",\"path\",\"body\"} per line), in order, and "
            + "send none. A number only GitHub's answer would give shows as {number}.")
    private boolean dryRun;

    @Override
    public Integer call() {
        PullRequestProposal proposal;
        try {
            proposal = PullRequestProposal.builder(RepositoryName.parse(upstream), HeadRef.parse(head), title, readBody())
                    .base(base).draft(draft).maintainerCanModify(!noMaintainerCanModify)
                    .labels(labels).reviewers(reviewers).assignees(assignees)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        GitHubSession session = github.session();
        WritePlan plan = new WritePlan();
        UpstreamPullRequest pr = new UpstreamPullRequests(dryRun ? session.dryRun(plan) : session).open(proposal);
        if (dryRun) {
            DryRunReport.print(plan.writes(), json, spec.commandLine().getOut(), spec.commandLine().getErr(),
                    spec.qualifiedName());
        } else {
            print(pr);
        }
        return UpstreamPrCommand.EXIT_OK;
    }

    private String readBody() {
        if (body.spec != null) {
            return bodyFromSpec(body.spec);
        }
        try {
            return Files.readString(body.file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("--body-file " + body.file + ": not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new IllegalArgumentException("--body-file " + body.file + ": cannot read it ("
                    + e.getClass().getSimpleName() + "); give a readable markdown file");
        }
    }

    /** The body rendered from the trail of {@code id}, as {@code body ID} prints it; gaps noted on stderr. */
    private String bodyFromSpec(String id) {
        ChantTree tree = repository.readTree();
        SpecTrail trail = SpecTrail.of(tree, new SpecResolver(top.clock()).resolveIncludingArchived(tree, id));
        PrintWriter err = spec.commandLine().getErr();
        trail.gaps().forEach(g -> err.println(spec.qualifiedName() + ": note: " + g.describe()));
        err.flush();
        return new PullRequestBodyRenderer().render(trail).body();
    }

    private void print(UpstreamPullRequest pr) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().valueToTree(GateJson.pullRequest(pr)).toPrettyString());
        } else {
            out.println((pr.created() ? "Opened " : "Already open: ") + pr.url());
            for (String w : pr.warnings()) {
                out.println("warning: " + w);
            }
        }
        out.flush();
    }
}
