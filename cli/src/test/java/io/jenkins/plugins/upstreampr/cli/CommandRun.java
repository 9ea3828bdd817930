package io.jenkins.plugins.upstreampr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import io.jenkins.plugins.upstreampr.chant.FixtureTrees;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of {@code upstream-pr} ({@code UpstreamPrCommand.commandLine(new UpstreamPrCommand()).execute(args)}) with
 * its captured output, plus copies of the real chant trees in {@code chant-fixtures/} (see its PROVENANCE.md).
 */
record CommandRun(int exitCode, String out, String err) {

    static final String OSS_MAINTAINER = "lex00-chant-example-oss-maintainer-workflow";
    static final String TDD = "lex00-chant-example-tdd-workflow";
    static final String CHANT_ROOT = "lex00-chant-root-2026-02-07";

    static CommandRun run(String... args) {
        return run(new UpstreamPrCommand(), args);
    }

    static CommandRun run(Clock clock, String... args) {
        return run(new UpstreamPrCommand(clock), args);
    }

    /** Runs {@code args} on a given top level (e.g. one with a test {@link Terminal}). */
    static CommandRun run(UpstreamPrCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = UpstreamPrCommand.commandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        int exit = cli.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** Copies a fixture tree into {@code target} and returns {@code target}. */
    static Path copyFixture(String name, Path target) {
        return FixtureTrees.copy(name, target);
    }

    /**
     * Asserts that no run printed {@code secret}, on stdout or stderr. Checked without printing the output, which
     * would print the secret if it leaked.
     */
    static void assertNeverShown(String secret, List<CommandRun> runs) {
        for (CommandRun run : runs) {
            assertThat((run.out() + run.err()).contains(secret))
                    .as("the token appears in a command's output").isFalse();
        }
    }
}
