package io.jenkins.plugins.upstreampr.cli;

import io.jenkins.plugins.upstreampr.gate.GateDecision;
import io.jenkins.plugins.upstreampr.gate.GateOverride;
import io.jenkins.plugins.upstreampr.gate.GateProposal;
import io.jenkins.plugins.upstreampr.gate.OverridableBlock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The questions the gate asks a person on a terminal, from the proposed pull request to their
 * {@link GateDecision}: {@code [a]pprove, [e]dit, [d]raft toggle, de[f]er, [r]eject}.
 * <ul>
 *   <li>edit opens the editor on a file holding the title (first line), a blank line and the body; an empty title
 *       keeps the text as it was (the next edit reopens what was written, so nothing typed is lost);</li>
 *   <li>approve, while the proposal has blocks a person may override ({@link GateProposal#overridableBlocks()})
 *       that were not overridden beforehand, asks for a reason per block; an empty reason goes back to the menu;</li>
 *   <li>defer and reject ask for a reason; an empty one goes back to the menu.</li>
 * </ul>
 * The dialogue only decides: carrying out the decision is the engine's job.
 */
final class TerminalDialogue {

    static final String MENU = "[a]pprove, [e]dit, [d]raft toggle, de[f]er, [r]eject: ";

    private final BufferedReader in;
    private final PrintWriter out;
    private final EditorLauncher editor;
    private final Clock clock;

    TerminalDialogue(BufferedReader in, PrintWriter out, EditorLauncher editor, Clock clock) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.editor = Objects.requireNonNull(editor, "editor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Asks until the person decides.
     *
     * @param draft whether the pull request starts as a draft
     * @param given overrides already given (on the command line); their blocks are not asked about again
     * @param decidedBy who is answering
     * @return the decision, or empty when the input ended first (nothing decided)
     */
    Optional<GateDecision> decide(GateProposal proposal, boolean draft, List<GateOverride> given, String decidedBy)
            throws IOException {
        try {
            return Optional.of(askUntilDecided(proposal, draft, given, decidedBy));
        } catch (EndOfInput e) {
            out.println();
            out.flush();
            return Optional.empty();
        }
    }

    private GateDecision askUntilDecided(GateProposal proposal, boolean draft, List<GateOverride> given,
            String decidedBy) throws IOException, EndOfInput {
        String title = proposal.text().title();
        String body = proposal.text().body();
        String rejectedEdit = null;
        while (true) {
            String answer = ask(MENU);
            switch (choice(answer)) {
                case 'a' -> {
                    if (title.isBlank()) {
                        out.println("The title is empty: [e]dit it before approving.");
                        break;
                    }
                    Optional<List<GateOverride>> overrides = askOverrides(proposal, given);
                    if (overrides.isPresent()) {
                        return new GateDecision(GateDecision.Outcome.APPROVE, title, body, draft, null, decidedBy,
                                clock.instant(), overrides.get());
                    }
                }
                case 'e' -> {
                    String text = rejectedEdit != null ? rejectedEdit : title + "\n\n" + body;
                    Optional<String> edited = edit(text);
                    if (edited.isEmpty()) {
                        break;
                    }
                    EditedText split = EditedText.parse(edited.get());
                    if (split.title().isBlank()) {
                        rejectedEdit = edited.get();
                        out.println("The first line (the title) is empty, so the edit was not taken; [e]dit again "
                                + "to finish it.");
                        break;
                    }
                    rejectedEdit = null;
                    title = split.title();
                    body = split.body();
                    out.println("Title: " + title);
                    out.println("Body:");
                    out.println(ProposalReport.indent(body));
                }
                case 'd' -> {
                    draft = !draft;
                    out.println(draft ? "The pull request will be opened as a draft."
                            : "The pull request will be opened ready for review (not a draft).");
                }
                case 'f', 'r' -> {
                    GateDecision.Outcome outcome = choice(answer) == 'f' ? GateDecision.Outcome.DEFER
                            : GateDecision.Outcome.REJECT;
                    String reason = ask("Reason to " + outcome.name().toLowerCase(Locale.ROOT)
                            + " (empty: back to the menu): ");
                    if (!reason.isBlank()) {
                        return new GateDecision(outcome, title, body, draft, reason, decidedBy, clock.instant(),
                                List.of());
                    }
                }
                default -> out.println("Answer a (approve), e (edit), d (draft toggle), f (defer) or r (reject).");
            }
        }
    }

    /** The menu letter an answer stands for ({@code a} or {@code approve}...), or 0. */
    private static char choice(String answer) {
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return switch (a) {
            case "a", "approve" -> 'a';
            case "e", "edit" -> 'e';
            case "d", "draft" -> 'd';
            case "f", "defer" -> 'f';
            case "r", "reject" -> 'r';
            default -> 0;
        };
    }

    /**
     * The overrides an approval needs: those given plus one per remaining block, each with the reason asked for.
     * Empty when the person went back to the menu.
     */
    private Optional<List<GateOverride>> askOverrides(GateProposal proposal, List<GateOverride> given)
            throws IOException, EndOfInput {
        List<GateOverride> overrides = new ArrayList<>(given);
        for (OverridableBlock block : proposal.overridableBlocks()) {
            if (overrides.stream().anyMatch(o -> o.check().equals(block.id()))) {
                continue;
            }
            out.println("Approving overrides '" + block.id() + "': " + block.describe(proposal));
            String reason = ask("Reason to override it (empty: back to the menu): ");
            if (reason.isBlank()) {
                return Optional.empty();
            }
            overrides.add(new GateOverride(block.id(), reason));
        }
        return Optional.of(overrides);
    }

    /** Lets the person edit {@code text} in their editor; empty when the editor failed (text unchanged). */
    private Optional<String> edit(String text) throws IOException {
        Path file = Files.createTempFile("upstream-pr-pull-request-", ".md");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            try {
                editor.edit(file, out);
            } catch (IOException e) {
                out.println("Editing failed: " + e.getMessage() + "; the text is unchanged.");
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The text of the edit file: the title (first line) and the body (the rest, after the blank lines). */
    record EditedText(String title, String body) {

        /** Reads the edited file's text; the body ends with a newline unless it is empty. */
        static EditedText parse(String text) {
            String normalized = text.replace("\r\n", "\n");
            int newline = normalized.indexOf('\n');
            String title = (newline < 0 ? normalized : normalized.substring(0, newline)).strip();
            String body = newline < 0 ? ""
                    : normalized.substring(newline + 1).replaceFirst("^(?:[ \\t]*\\n)+", "");
            if (!body.isEmpty() && !body.endsWith("\n")) {
                body = body + "\n";
            }
            return new EditedText(title, body);
        }
    }

    /** The input ended (Ctrl-D, closed pipe) before the person decided. */
    private static final class EndOfInput extends Exception {
        private static final long serialVersionUID = 1L;

        EndOfInput() {
            super(null, null, false, false);
        }
    }

    private String ask(String prompt) throws IOException, EndOfInput {
        out.print(prompt);
        out.flush();
        String line = in.readLine();
        if (line == null) {
            throw new EndOfInput();
        }
        return line;
    }
}
