package io.jenkins.plugins.upstreampr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Opens a file in the person's editor and waits until it is closed: {@code $VISUAL}, else {@code $EDITOR}, else
 * {@code vi}. The editor command is run by {@code sh} as git runs it ({@code sh -c 'EDITOR "$@"' EDITOR FILE}), so
 * it may carry arguments ({@code code --wait}, {@code emacsclient -t}).
 *
 * @param command the editor command line
 * @param ownsTerminal whether the editor inherits this process's terminal; when not, it gets no input and what it
 *        prints is copied to the dialogue's output
 */
record EditorLauncher(String command, boolean ownsTerminal) {

    /** The editor when neither {@code VISUAL} nor {@code EDITOR} is set. */
    static final String FALLBACK = "vi";

    EditorLauncher {
        Objects.requireNonNull(command, "command");
    }

    /** The editor the terminal's environment names. */
    static EditorLauncher of(Terminal terminal) {
        return new EditorLauncher(editorCommand(terminal.environment()), terminal.editorOwnsTerminal());
    }

    private static String editorCommand(UnaryOperator<String> environment) {
        for (String name : new String[] {"VISUAL", "EDITOR"}) {
            String value = environment.apply(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return FALLBACK;
    }

    /**
     * Edits {@code file} and waits for the editor to exit.
     *
     * @param transcript where the editor's output goes when it does not own the terminal
     * @throws IOException when the editor cannot be started or exits with a failure status, naming it
     */
    void edit(Path file, PrintWriter transcript) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command + " \"$@\"", command, file.toString());
        if (ownsTerminal) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true);
        }
        Process editor;
        try {
            editor = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot start the editor '" + command + "' (" + e.getMessage() + ")", e);
        }
        try {
            if (!ownsTerminal) {
                editor.getOutputStream().close();
                try (InputStream output = editor.getInputStream()) {
                    transcript.print(new String(output.readAllBytes(), Charset.defaultCharset()));
                    transcript.flush();
                }
            }
            int status = editor.waitFor();
            if (status != 0) {
                throw new IOException("the editor '" + command + "' exited with status " + status
                        + (status == 127 ? " (command not found: set VISUAL or EDITOR to an editor on the PATH)" : ""));
            }
        } catch (InterruptedException e) {
            editor.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the editor '" + command + "'", e);
        }
    }
}
