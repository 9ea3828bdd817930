package io.jenkins.plugins.upstreampr.cli;

import static io.jenkins.plugins.upstreampr.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top level: subcommands, help, version, and the mapping of failures to exit codes and one-line errors. */
class UpstreamPrCommandTest {

    @Test
    void noCommandIsAUsageError() {
        CommandRun r = run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("upstream-pr: Missing command: give one of specs, resolve, body, archive, preflight, "
                + "create, gate, watch, help (see upstream-pr --help)" + System.lineSeparator());
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        CommandRun r = run("archiv", "x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("upstream-pr: Unmatched arguments from index 0: 'archiv', 'x' (see "
                + "upstream-pr --help)" + System.lineSeparator());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CommandRun r = run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: upstream-pr [-hV] [--debug] [COMMAND]")
                .contains("  resolve    Print the full ID of the active spec that ID names")
                .contains("  preflight  Read the staging pull request's CI")
                .contains("  create     Open the upstream pull request")
                .contains("  gate       The human gate in a terminal")
                .contains("Exit codes:")
                .contains("3   refused (ambiguous or unknown ID, ineligible spec, unchecked criteria)");
        assertThat(r.err()).isEmpty();

        CommandRun sub = run("help", "resolve");
        assertThat(sub.exitCode()).isZero();
        assertThat(sub.out()).contains("Usage: upstream-pr resolve [-hV] [--debug] [--dir=D] ID");
    }

    @Test
    void versionIsPrinted() {
        CommandRun r = run("--version");
        assertThat(r.exitCode()).isZero();
        // classes from target/classes have no manifest; the shaded jar carries the project version
        assertThat(r.out()).isEqualTo("upstream-pr (development build)" + System.lineSeparator());
    }

    /** A command that fails in a given way, added to the real top level to check the exit-code mapping. */
    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "KIND")
        String kind;

        @Override
        public Integer call() {
            switch (kind) {
                case "refusal":
                    throw new io.jenkins.plugins.upstreampr.chant.Refusal("Spec X is not completed: finish it first");
                case "bad-input":
                    throw new io.jenkins.plugins.upstreampr.chant.ChantException("File F is not a template:\n"
                            + "  give a markdown file");
                case "bug":
                    throw new IllegalStateException("index out of step");
                default:
                    return 0;
            }
        }
    }

    @Test
    void everyCommandsHelpPrintsItsUsageAndExitsZeroAsTheErrorsSay() {
        for (String command : List.of("specs", "resolve", "body", "archive", "preflight", "create", "gate", "watch")) {
            CommandRun r = run(command, "--help");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: upstream-pr " + command + " ");
            assertThat(r.err()).as(command).isEmpty();
        }
    }

    @Test
    void aRunBuildsOnlyTheCommandItNamesAndHelpBuildsThemAll() {
        assertThat(UpstreamPrCommand.commandLineFor(new UpstreamPrCommand(), new String[] {"--debug", "specs", "--json"})
                .getSubcommands()).containsOnlyKeys("specs");
        assertThat(UpstreamPrCommand.commandLineFor(new UpstreamPrCommand(), new String[] {"--help"})
                .getSubcommands()).containsOnlyKeys("specs", "resolve", "body", "archive", "preflight", "create", "gate",
                        "watch", "help");
        assertThat(UpstreamPrCommand.commandLineFor(new UpstreamPrCommand(), new String[] {"archiv", "x"})
                .getSubcommands()).hasSize(UpstreamPrCommand.COMMANDS.size());
    }

    private static CommandRun runFailing(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new UpstreamPrCommand());
        cli.addSubcommand(new CommandLine(new Failing()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new CommandRun(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void exitCodesFollowTheKindOfFailure() {
        assertThat(runFailing("fail", "ok").exitCode()).isZero();

        CommandRun refused = runFailing("fail", "refusal");
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).isEqualTo("upstream-pr fail: Spec X is not completed: finish it first"
                + System.lineSeparator());

        CommandRun bad = runFailing("fail", "bad-input");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("upstream-pr fail: File F is not a template: give a markdown file"
                + System.lineSeparator());

        CommandRun bug = runFailing("fail", "bug");
        assertThat(bug.exitCode()).isEqualTo(1);
        assertThat(bug.err()).isEqualTo("upstream-pr fail: unexpected failure (java.lang.IllegalStateException: "
                + "index out of step); rerun with --debug for the stack trace and report it" + System.lineSeparator());

        CommandRun debug = runFailing("fail", "bug", "--debug");
        assertThat(debug.exitCode()).isEqualTo(1);
        assertThat(debug.err()).contains("java.lang.IllegalStateException: index out of step")
                .contains("\tat io.jenkins.plugins.upstreampr.cli.UpstreamPrCommandTest$Failing.call(");
    }
}
