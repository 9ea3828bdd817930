package io.jenkins.plugins.upstreampr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.upstreampr.gate.GateJson;
import io.jenkins.plugins.upstreampr.github.PlannedWrite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What {@code --dry-run} prints: the writes that would have been sent, in order, each with its method, path and JSON
 * body; with {@code --json} one object {@code {"method","path","body"}} per line (JSON Lines): the engine's
 * {@link GateJson#plannedWrite}, the body as JSON and without {@code note}.
 * What a placeholder in a path stands for goes to stderr with {@code --json}, into the text otherwise.
 */
final class DryRunReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DryRunReport() {
    }

    static void print(List<PlannedWrite> writes, boolean json, PrintWriter out, PrintWriter err, String command) {
        if (json) {
            for (PlannedWrite w : writes) {
                // the engine's planned write, its body as JSON; the note goes to stderr instead (below)
                ObjectNode line = JSON.valueToTree(GateJson.plannedWrite(w));
                line.set("body", body(w));
                line.remove("note");
                out.println(line.toString());
                if (w.hasPlaceholder()) {
                    err.println(command + ": note: write " + w.index() + ": " + w.note());
                }
            }
            err.println(command + ": dry run: " + count(writes) + " would be sent; nothing was sent");
        } else {
            out.println("Dry run: nothing was sent. " + (writes.isEmpty() ? "No write would be sent."
                    : count(writes) + " would be sent, in this order:"));
            for (PlannedWrite w : writes) {
                out.println(w.index() + ". " + w.method() + " " + w.path());
                if (w.hasPlaceholder()) {
                    out.println("   (" + w.note() + ")");
                }
                out.println(ProposalReport.indent(body(w).toPrettyString()));
            }
        }
        out.flush();
        err.flush();
    }

    private static String count(List<PlannedWrite> writes) {
        return writes.size() + (writes.size() == 1 ? " write" : " writes");
    }

    private static JsonNode body(PlannedWrite w) {
        try {
            return JSON.readTree(w.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
