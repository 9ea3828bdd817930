package io.jenkins.plugins.upstreampr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.upstreampr.body.PullRequestTemplate;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.gate.GateArtifacts;
import io.jenkins.plugins.upstreampr.gate.GateDecision;
import io.jenkins.plugins.upstreampr.gate.GateJson;
import io.jenkins.plugins.upstreampr.gate.GateOutcome;
import io.jenkins.plugins.upstreampr.gate.GateOverride;
import io.jenkins.plugins.upstreampr.gate.GateProposal;
import io.jenkins.plugins.upstreampr.gate.GateRequest;
import io.jenkins.plugins.upstreampr.gate.OverridableBlock;
import io.jenkins.plugins.upstreampr.gate.UpstreamGate;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.WritePlan;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code upstream-pr gate}: the whole human gate in a terminal, as a thin front end over {@link UpstreamGate}. It
 * prepares the proposal, shows it ({@link ProposalReport}), stops with the {@code preflight} exit codes when the
 * staging CI is not green, asks the person ({@link TerminalDialogue}), or takes {@code --yes} as approval of the
 * proposal as it is, then submits the decision and prints the outcome.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"The human gate in a terminal: check the staging pull request's CI, show the specs trail, "
                + "unchecked acceptance criteria, warnings and the proposed title and body, then ask: [a]pprove, "
                + "[e]dit (opens $VISUAL or $EDITOR, else vi, on the title and body), [d]raft toggle, de[f]er or "
                + "[r]eject (both with a reason). Approving opens the upstream pull request idempotently; every "
                + "decision can be recorded with the trail in --artifacts DIR.",
            "Without a terminal it refuses unless --yes approves the proposal as it is; --yes never overrides a "
                + "freeze or unchecked criteria: give --override CHECK=REASON for each."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:decided (approved: opened or found open; deferred; rejected)",
            "4:staging CI pending (after --wait)", "5:staging CI red, or no checks without --allow-none",
            "3:refused (blocks without override, staging head for another branch or moved to a red commit, spec ID)",
            "2:usage error, no terminal without --yes, input ended, bad credentials, not found",
            "1:GitHub failed (rate limit, outage, network) or the artifacts could not be written"})
public final class GateCommand implements Callable<Integer> {

    @ParentCommand
    private UpstreamPrCommand top;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepositoryOption repository;

    @Mixin
    private GitHubOptions github;

    /** The preflight the gate begins with. */
    @Mixin
    private PreflightOptions preflight;

    @Option(names = "--head", required = true, paramLabel = "OWNER:BRANCH", description = "The fork branch to propose.")
    private String head;

    @Option(names = "--spec", required = true, paramLabel = "ID",
            description = "The implementation spec (or the upstream-PR spec): its trail gives the body and is archived.")
    private String specId;

    @Option(names = "--template", paramLabel = "F", description = "A markdown file laying out the body (see body "
            + "--help for the placeholders).")
    private Path template;

    @Option(names = "--label", paramLabel = "L", description = "A label to add; repeatable.")
    private List<String> labels = new ArrayList<>();

    @Option(names = "--reviewer", paramLabel = "R",
            description = "A reviewer: a login, or ORG/TEAM for a team; repeatable.")
    private List<String> reviewers = new ArrayList<>();

    @Option(names = "--assignee", paramLabel = "U", description = "A user to assign the pull request to; repeatable.")
    private List<String> assignees = new ArrayList<>();

    @Option(names = "--no-maintainer-can-modify",
            description = "Do not let upstream maintainers push to the branch (default: allow).")
    private boolean noMaintainerCanModify;

    @Option(names = "--artifacts", paramLabel = "DIR", description = "Write the gate record, the pull request text "
            + "and copies of the specs trail into DIR/upstream-pr/.")
    private Path artifacts;

    @Option(names = "--yes", description = "Do not ask: approve the proposed title and body as they are.")
    private boolean yes;

    @Option(names = "--draft", description = "Open the pull request as a draft (in the dialogue: the starting "
            + "choice, toggled with [d]).")
    private boolean draft;

    @Option(names = "--override", paramLabel = "CHECK=REASON",
            description = "Approve despite a block, with the reason recorded: freeze or unchecked-criteria; "
                    + "repeatable.")
    private List<String> overrideArguments = new ArrayList<>();

    @Option(names = "--decided-by", paramLabel = "USER",
            description = "Who decides, as recorded (default: the USER environment variable, else the operating "
                    + "system's user name; the record says which in decidedBySource).")
    private String decidedBy;

    @Option(names = "--gate-status", description = "Show the gate on GitHub: a commit status upstream-pr/gate on the "
            + "staging head, pending 'Waiting for a decision by USER' while asking, then success 'Approved by USER: "
            + "OWNER/REPO#N', failure 'Rejected: REASON' or pending 'Deferred: REASON'. One request each; a status "
            + "that cannot be posted is only a warning.")
    private boolean gateStatus;

    @Option(names = "--decision-url", paramLabel = "URL", description = "With --gate-status, where the statuses "
            + "waiting, rejected and deferred link to (e.g. the team's review page).")
    private String decisionUrl;

    @Option(names = "--dry-run", description = "Read and ask as usual, then print the writes the decision would send "
            + "(method, path, JSON body; with --json one {\"method\",\"path\",\"body\"} per line), in order, and "
            + "send none; no artifact is written. A number only GitHub's answer would give shows as {number}.")
    private boolean dryRun;

    @Option(names = "--json", description = "Print the outcome as one JSON object {decision, number, url, created, "
            + "artifacts, warnings, verdict, sha, decidedBy, decidedBySource, checks, actualChangedFiles}; the report and questions go to stderr.")
    private boolean json;

    @Override
    public Integer call() {
        GateRequest request;
        Duration waitFor;
        List<GateOverride> overrides;
        try {
            request = GateRequest.builder(preflight.staging(), preflight.upstream(), HeadRef.parse(head), specId)
                    .base(preflight.base())
                    .stagingPolicy(preflight.stagingPolicy())
                    .timing(preflight.timing())
                    .template(template == null ? PullRequestTemplate.DEFAULT : PullRequestTemplate.read(template))
                    .labels(labels)
                    .reviewers(reviewers)
                    .assignees(assignees)
                    .maintainerCanModify(!noMaintainerCanModify)
                    .lookUpExisting(preflight.lookUpExisting())
                    .gateStatus(gateStatus, decisionUrl)
                    .build();
            if (decisionUrl != null && !gateStatus) {
                throw new IllegalArgumentException("--decision-url is where the gate's status on GitHub links to: "
                        + "give --gate-status too, or leave --decision-url out");
            }
            waitFor = preflight.waitFor();
            overrides = parseOverrides();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Terminal terminal = top.terminal();
        if (!yes && !terminal.interactive()) {
            throw new ParameterException(spec.commandLine(), "No terminal to ask on (standard input is not a "
                    + "terminal): run the gate in a terminal, or pass --yes to approve the proposed title and body as "
                    + "they are");
        }
        prepareArtifactsDirectory();

        PrintWriter report = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        // one gate for both phases: its session remembers what it read, so the head re-read after the pause is
        // conditional; the command's clock says what "today" is for freeze windows as for spec IDs
        GitHubSession session = github.session().withTime(GitHubOptions.sleeper, top.clock());
        UpstreamGate gate = new UpstreamGate(dryRun ? session.dryRun(new WritePlan()) : session, top.clock());
        try {
            GateProposal proposal = gate.await(gate.prepare(request, repository.readTree()), waitFor);
            ProposalReport.print(proposal, report);
            StagingVerdict verdict = proposal.ci();
            if (!verdict.passes()) {
                return stop(proposal);
            }
            Decider decider = decider(terminal);
            if (!yes) {
                // only when someone is asked: with --yes the decision is taken at once
                List<String> shown = proposal.warnings();
                proposal = gate.announceWaiting(proposal, decider.name());
                proposal.warnings().stream().filter(w -> !shown.contains(w))
                        .forEach(w -> report.println("warning: " + w));
            }
            Optional<GateDecision> decision = (yes ? Optional.of(approveAsProposed(proposal, overrides,
                            decider.name()))
                    : new TerminalDialogue(terminal.input(), report, EditorLauncher.of(terminal), top.clock())
                            .decide(proposal, draft, applicable(overrides, proposal), decider.name()))
                    .map(d -> d.withDecidedBySource(decider.source()));
            if (decision.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "The input ended before a decision: nothing was "
                        + "opened or recorded; run the gate again to decide");
            }
            GateOutcome outcome = gate.submit(proposal, decision.get(), artifacts);
            if (outcome.dryRun()) {
                DryRunReport.print(outcome.plannedWrites(), json, spec.commandLine().getOut(),
                        spec.commandLine().getErr(), spec.qualifiedName());
            } else {
                print(outcome, proposal);
            }
            return UpstreamPrCommand.EXIT_OK;
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": writing the gate record into --artifacts " + artifacts
                    + " failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); if you approved, the "
                    + "pull request may be open: run the gate again to find it (no second one is opened)");
            err.flush();
            return UpstreamPrCommand.EXIT_UNEXPECTED;
        }
    }

    /** The exit code of a verdict that does not let the gate ask, with the reason on stderr. */
    private int stop(GateProposal proposal) {
        StagingVerdict verdict = proposal.ci();
        int exit = PreflightCommand.exitCode(verdict);
        String why = switch (verdict.verdict()) {
            case PENDING -> "is still pending" + (preflight.waitGiven() == null
                    ? " (--wait DURATION polls until it is decided)" : " after waiting " + preflight.waitGiven());
            case NONE -> "has no checks at all (pass --allow-none if that is expected)";
            default -> "is red";
        };
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": the staging CI on " + verdict.sha() + " " + why + ": nothing to decide "
                + "yet; run the gate again once " + verdict.subject() + " is green");
        err.flush();
        if (json) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(new ObjectMapper().valueToTree(GateJson.notDecided(proposal)).toPrettyString());
            out.flush();
        }
        return exit;
    }

    /** {@code --yes}: the proposal as it is, with the blocks overridden on the command line, or a refusal. */
    private GateDecision approveAsProposed(GateProposal proposal, List<GateOverride> overrides, String decider) {
        List<OverridableBlock> missing = proposal.overridableBlocks().stream()
                .filter(block -> overrides.stream().noneMatch(o -> o.check().equals(block.id()))).toList();
        if (!missing.isEmpty()) {
            throw new Refusal("--yes does not override "
                    + String.join(" and ", missing.stream().map(b -> "'" + b.id() + "' ("
                            + b.describe(proposal) + ")").toList())
                    + ": nothing was opened. Decide in a terminal, or pass "
                    + String.join(" ", missing.stream().map(b -> "--override " + b.id() + "=REASON").toList())
                    + " to approve anyway with the reason recorded");
        }
        if (proposal.text().title().isBlank()) {
            throw new Refusal("--yes approves the proposed title, but the trail of " + proposal.trail().head().id()
                    + " gives none: nothing was opened. Give the spec a title, or decide in a terminal and edit it");
        }
        return new GateDecision(GateDecision.Outcome.APPROVE, proposal.text().title(), proposal.text().body(), draft,
                null, decider, top.clock().instant(), applicable(overrides, proposal));
    }

    /** The overrides given for blocks the proposal has; the others are noted on stderr and left out. */
    private List<GateOverride> applicable(List<GateOverride> overrides, GateProposal proposal) {
        List<String> blocks = OverridableBlock.ids(proposal.overridableBlocks());
        PrintWriter err = spec.commandLine().getErr();
        for (GateOverride o : overrides) {
            if (!blocks.contains(o.check())) {
                err.println(spec.qualifiedName() + ": note: --override " + o.check() + " ignored: nothing blocks "
                        + "on it");
            }
        }
        err.flush();
        return overrides.stream().filter(o -> blocks.contains(o.check())).toList();
    }

    private List<GateOverride> parseOverrides() {
        List<GateOverride> parsed = new ArrayList<>();
        for (String argument : overrideArguments) {
            int eq = argument.indexOf('=');
            String check = OverridableBlock.named(eq < 0 ? argument : argument.substring(0, eq))
                    .orElseThrow(() -> new IllegalArgumentException("--override '" + argument + "': expected "
                            + "CHECK=REASON with CHECK one of " + String.join(", ", OverridableBlock.names())))
                    .id();
            if (eq < 0 || argument.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("--override " + check + " needs a reason: --override " + check
                        + "=REASON, saying why it is safe to go ahead anyway");
            }
            parsed.add(new GateOverride(check, argument.substring(eq + 1)));
        }
        return parsed;
    }

    /** Who decides and where the name came from (see {@link GateDecision#decidedBySource()}). */
    record Decider(String name, String source) {
    }

    /**
     * {@code --decided-by}, else {@code $USER} (or {@code $USERNAME}), else the operating system's account running
     * the JVM ({@code user.name}, set by the JVM from the process's user, also where no variable is, as in
     * containers and CI); {@code null} only when none gives a name.
     */
    private Decider decider(Terminal terminal) {
        if (decidedBy != null && !decidedBy.isBlank()) {
            return new Decider(decidedBy.strip(), "option");
        }
        for (String name : new String[] {"USER", "USERNAME"}) {
            String user = terminal.environment().apply(name);
            if (user != null && !user.isBlank()) {
                return new Decider(user.strip(), name);
            }
        }
        String account = terminal.osUserName();
        if (account != null && !account.isBlank() && !account.equals("?")) {
            return new Decider(account.strip(), "os");
        }
        return new Decider(null, null);
    }

    /** Creates {@code --artifacts DIR} before anything is asked, so a decision is not lost to a bad directory. */
    private void prepareArtifactsDirectory() {
        if (artifacts == null || dryRun) {
            return;
        }
        try {
            Files.createDirectories(artifacts);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--artifacts " + artifacts + ": cannot create it ("
                    + e.getClass().getSimpleName() + "); give a writable directory");
        }
        if (!Files.isWritable(artifacts)) {
            throw new ParameterException(spec.commandLine(), "--artifacts " + artifacts + ": not writable; give a "
                    + "writable directory");
        }
    }

    private void print(GateOutcome outcome, GateProposal proposal) {
        PrintWriter out = spec.commandLine().getOut();
        Optional<UpstreamPullRequest> pr = outcome.pullRequest();
        StagingVerdict verdict = proposal.ci();
        List<String> artifactPaths = outcome.artifacts().values().stream()
                .map(rel -> artifacts.resolve(rel).toString()).toList();
        if (json) {
            out.println(new ObjectMapper().valueToTree(GateJson.outcome(outcome, proposal, artifactPaths))
                    .toPrettyString());
        } else {
            if (pr.isPresent()) {
                out.println((pr.get().created() ? "Opened " : "Already open (reused, no second one opened): ")
                        + pr.get().url() + (pr.get().draft() ? " (draft)" : ""));
            } else {
                out.println((outcome.record().decision().equals("defer") ? "Deferred" : "Rejected")
                        + ": nothing was opened. Reason: " + outcome.record().reason());
            }
            if (!outcome.record().staging().headSha().equals(verdict.sha())) {
                out.println("The staging head moved to " + outcome.record().staging().headSha()
                        + " during the pause; its CI is " + outcome.record().staging().verdict() + ".");
            }
            // the warnings shown before the pause are not repeated
            outcome.warnings().stream().filter(w -> !proposal.warnings().contains(w))
                    .forEach(w -> out.println("warning: " + w));
            if (!artifactPaths.isEmpty()) {
                out.println("Recorded in " + artifacts.resolve(GateArtifacts.FOLDER + "/gate-record.json") + " ("
                        + artifactPaths.size() + " files under " + artifacts.resolve(GateArtifacts.FOLDER) + ")");
            }
        }
        out.flush();
    }
}
