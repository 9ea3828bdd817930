package io.jenkins.plugins.upstreampr.cli;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.github.GitHubException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top level of the {@code upstream-pr} command line: the list of subcommands and what a failure looks like.
 *
 * <p>Exit codes: {@value #EXIT_OK} success; {@value #EXIT_BAD_INPUT} usage error or bad input (a picocli parameter
 * error, a {@link ChantException}, or a {@link GitHubException} the user can fix: bad credentials, not found,
 * forbidden, refused by validation); {@value #EXIT_REFUSED} refused (a {@link Refusal}: ambiguous or unknown ID,
 * ineligible spec, unchecked criteria); {@value #EXIT_UNEXPECTED} anything else (GitHub rate-limited, down or out
 * of reach included). Every error is one line on stderr, {@code upstream-pr <command>: <message>}, where the message
 * names the input and what to do; {@code --debug} adds the stack trace. Commands let these failures through to
 * {@link ErrorHandling} rather than catching them, so a kind of failure has one exit code in every command.
 *
 * <p>The exit-code mapping is installed when picocli builds the command (see {@link ErrorHandling}), and
 * {@link #commandLine(UpstreamPrCommand)} adds the subcommands ({@link #COMMANDS}), so that {@link #main}, tests and
 * embedders get the same command line. {@link #main} adds only the subcommand its arguments name, when they name one:
 * picocli builds the model of every command it is given, and a short run should not pay for eight it does not use.
 */
@Command(name = "upstream-pr",
        mixinStandardHelpOptions = true,
        versionProvider = UpstreamPrCommand.Version.class,
        modelTransformer = UpstreamPrCommand.ErrorHandling.class,
        description = "The human gate at the end of a chant bug-fix workflow: reads the specs in .chant/, resolves "
                + "their IDs, archives them and writes the upstream pull request.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure (rerun with --debug)",
            "2:usage error or bad input", "3:refused (ambiguous or unknown ID, ineligible spec, unchecked criteria)"})
public final class UpstreamPrCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_UNEXPECTED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_REFUSED = 3;

    private final Clock clock;
    private final Supplier<Terminal> terminal;

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On failure, also print the stack trace.")
    private boolean debug;

    /** The command line with the machine's clock and time zone. */
    public UpstreamPrCommand() {
        this(Clock.systemDefaultZone());
    }

    /** The command line with a given clock (its local date is "today" for the resolver). */
    public UpstreamPrCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.terminal = Terminal::system;
    }

    /** The command line with a given clock and the terminal {@code gate} asks on (for tests and embedders). */
    public UpstreamPrCommand(Clock clock, Terminal terminal) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(terminal, "terminal");
        this.terminal = () -> terminal;
    }

    /** The clock commands use for "today". */
    public Clock clock() {
        return clock;
    }

    /** The terminal {@code gate} asks on (the process's own unless one was given); looked at only when asked for. */
    public Terminal terminal() {
        return terminal.get();
    }

    /** {@code upstream-pr} without a command is a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** Every subcommand, in the order help lists them. */
    public static final List<Class<?>> COMMANDS = List.of(SpecsCommand.class, ResolveCommand.class,
            BodyCommand.class, ArchiveCommand.class, PreflightCommand.class, CreateCommand.class, GateCommand.class,
            WatchCommand.class, CommandLine.HelpCommand.class);

    /** The command line of {@code top} with every subcommand. */
    public static CommandLine commandLine(UpstreamPrCommand top) {
        return withSubcommands(top, COMMANDS);
    }

    /**
     * The command line for one run: only the subcommand {@code args} name (the first argument that is not an
     * option) when there is one, else every subcommand (for help, and for the errors that list them).
     */
    static CommandLine commandLineFor(UpstreamPrCommand top, String[] args) {
        String named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        List<Class<?>> one = COMMANDS.stream().filter(c -> !c.equals(CommandLine.HelpCommand.class))
                .filter(c -> c.getAnnotation(Command.class).name().equals(named)).toList();
        return withSubcommands(top, one.isEmpty() ? COMMANDS : one);
    }

    private static CommandLine withSubcommands(UpstreamPrCommand top, List<Class<?>> commands) {
        CommandLine cli = new CommandLine(top);
        commands.forEach(c -> cli.addSubcommand(new CommandLine(c)));
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLineFor(new UpstreamPrCommand(), args).execute(args));
    }

    /** Installs the exit codes and one-line errors on the command line picocli builds for this command. */
    public static final class ErrorHandling implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            CommandLine top = spec.commandLine();
            if (top != null) {
                top.setExecutionExceptionHandler(ErrorHandling::onExecutionFailure);
                top.setParameterExceptionHandler(ErrorHandling::onBadParameters);
            }
            return spec;
        }

        private static int onExecutionFailure(Exception e, CommandLine failed, ParseResult parsed) {
            boolean debug = parsed.asCommandLineList().stream()
                    .anyMatch(c -> c.getParseResult() != null && c.getParseResult().hasMatchedOption("--debug"));
            if (e instanceof Refusal) {
                return report(failed, e, e.getMessage(), EXIT_REFUSED, debug);
            }
            if (e instanceof ChantException) {
                return report(failed, e, e.getMessage(), EXIT_BAD_INPUT, debug);
            }
            if (e instanceof GitHubException gitHub) {
                return report(failed, e, e.getMessage(), exitCode(gitHub), debug);
            }
            return report(failed, e, "unexpected failure (" + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); rerun with --debug for the stack trace and report it", EXIT_UNEXPECTED, debug);
        }

        /** Parse errors, and {@link ParameterException}s thrown while a command runs (picocli routes both here). */
        private static int onBadParameters(ParameterException e, String[] args) {
            CommandLine failed = e.getCommandLine();
            String help = failed.getCommandSpec().qualifiedName() + " --help";
            return report(failed, e, withTheGivenOptions(e) + " (see " + help + ")", EXIT_BAD_INPUT,
                    Arrays.asList(args).contains("--debug"));
        }

        /**
         * picocli names what an option group misses, not what was given that needs it (a lone {@code archive
         * --upstream} is "Missing required argument(s): --after-merge"): the group's options that were given are
         * named too, so the line says both sides.
         */
        private static String withTheGivenOptions(ParameterException e) {
            ParseResult parsed = e.getCommandLine().getParseResult();
            if (!(e instanceof MissingParameterException missing) || parsed == null) {
                return e.getMessage();
            }
            List<String> given = missing.getMissing().stream().map(ArgSpec::group).filter(Objects::nonNull)
                    .distinct().flatMap(group -> group.options().stream()).filter(parsed::hasMatchedOption)
                    .map(OptionSpec::longestName).distinct().toList();
            return given.isEmpty() ? e.getMessage() : e.getMessage() + " (needed with " + String.join(", ", given)
                    + ")";
        }

        /**
         * The error line (and with {@code --debug} the stack trace), scrubbed as the failed command's GitHub options
         * scrub (of the fork token {@code archive --after-merge} pushes with), so no token reaches stderr.
         */
        private static int report(CommandLine failed, Exception e, String message, int exitCode, boolean debug) {
            PrintWriter err = failed.getErr();
            err.println(scrubbed(failed, failed.getCommandSpec().qualifiedName() + ": " + oneLine(message)));
            if (debug) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.print(scrubbed(failed, trace.toString()));
            }
            err.flush();
            return exitCode;
        }

        private static String scrubbed(CommandLine failed, String text) {
            return failed.getCommandSpec().mixins().values().stream().map(CommandSpec::userObject)
                    .filter(GitHubOptions.class::isInstance).map(GitHubOptions.class::cast).findFirst()
                    .map(github -> github.scrub(text)).orElse(text);
        }
    }

    /**
     * The exit code of a GitHub failure: {@value #EXIT_BAD_INPUT} for what the user can fix in the input (bad
     * credentials, not found, refused by validation, forbidden), {@value #EXIT_UNEXPECTED} for the rest (rate limit,
     * GitHub down, network).
     */
    static int exitCode(GitHubException e) {
        return switch (e.kind()) {
            case BAD_CREDENTIALS, NOT_FOUND, VALIDATION, FORBIDDEN -> EXIT_BAD_INPUT;
            default -> EXIT_UNEXPECTED;
        };
    }

    /** {@code message} as one line of an error: trimmed, each line break and the blanks around it one space. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** The version from the jar's manifest. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = UpstreamPrCommand.class.getPackage().getImplementationVersion();
            return new String[] {"upstream-pr " + (version == null ? "(development build)" : version)};
        }
    }
}
