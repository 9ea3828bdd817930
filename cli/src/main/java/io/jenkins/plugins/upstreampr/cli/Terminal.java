package io.jenkins.plugins.upstreampr.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The terminal a person answers the gate on: where their answers are read from, whether anybody is there to
 * answer, the environment that names their editor and user ({@code VISUAL}, {@code EDITOR}, {@code USER}), and
 * whether an editor started from here takes over the terminal.
 *
 * <p>{@link #system()} is the process's own terminal; tests build one over a {@link java.io.StringReader} with
 * {@code editorOwnsTerminal == false}, so that an editor script runs with closed input and its output is shown
 * in the dialogue instead.
 *
 * @param input the person's answers, one per line
 * @param interactive whether a person can answer (false: the gate refuses to ask, see {@code --yes})
 * @param environment environment variables by name ({@code null} when unset)
 * @param editorOwnsTerminal whether the editor inherits the terminal (a full-screen editor needs it)
 * @param osUserName the operating system's account running this process, the decider's name of last resort when
 *        no {@code USER} is set ({@code null} or {@code ?}, as the JVM says when it cannot tell: unknown)
 */
public record Terminal(BufferedReader input, boolean interactive, UnaryOperator<String> environment,
        boolean editorOwnsTerminal, String osUserName) {

    public Terminal {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(environment, "environment");
    }

    /**
     * A terminal whose account is the JVM's {@code user.name}: the JVM reads it from the process's user ID (not
     * from {@code $USER}), so it is there in containers and CI where no variable is set.
     */
    public Terminal(BufferedReader input, boolean interactive, UnaryOperator<String> environment,
            boolean editorOwnsTerminal) {
        this(input, interactive, environment, editorOwnsTerminal, System.getProperty("user.name"));
    }

    /**
     * The process's terminal: interactive when Java sees a console (standard input and output both on a terminal)
     * or, failing that, when standard input alone is a terminal (output redirected, e.g. {@code --json > out}).
     */
    public static Terminal system() {
        Console console = System.console();
        if (console != null) {
            return new Terminal(new BufferedReader(console.reader()), true, System::getenv, true);
        }
        return new Terminal(new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
                standardInputIsATerminal(), System::getenv, true);
    }

    /** Asks {@code test -t 0} with this process's standard input; false where that cannot be asked. */
    private static boolean standardInputIsATerminal() {
        try {
            Process test = new ProcessBuilder("sh", "-c", "test -t 0")
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return test.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
