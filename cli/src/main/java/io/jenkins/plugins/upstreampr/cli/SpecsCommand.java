package io.jenkins.plugins.upstreampr.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.upstreampr.chant.AcceptanceCriteria;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.Spec;
import io.jenkins.plugins.upstreampr.chant.SpecCache;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.chant.UnreadableSpec;
import io.jenkins.plugins.upstreampr.chant.archive.Archivability;
import io.jenkins.plugins.upstreampr.chant.archive.SpecArchive;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code upstream-pr specs}: every spec of the repository (active and archived) and every file that cannot be read,
 * with whether {@code archive ID} would accept it and its acceptance criteria as chant counts them.
 */
@Command(name = "specs", mixinStandardHelpOptions = true,
        description = {"List every spec, active and archived, and every spec file that cannot be read, with its "
                + "status, type, acceptance criteria (checked/total, counted as chant counts them) and whether "
                + "`archive ID` would accept it without --force (if not, why; if so, where it would go).",
            "--json prints an array of objects with the keys id, title, status, type, path, archived, archivable, "
                + "reason, destination, criteria {checked,total} and error."})
public final class SpecsCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    private CommandSpec spec;

    @Mixin
    private RepositoryOption repository;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    private boolean json;

    /** One line of the listing. */
    record Row(String id, String title, String status, String type, String path, boolean archived,
            boolean archivable, String reason, String destination, AcceptanceCriteria criteria, String error) {
    }

    @Override
    public Integer call() throws Exception {
        // the listing keeps what it read in the user's cache (UPSTREAM_PR_CACHE=off: none), bench/README.md; the
        // cache is written while the listing is printed
        SpecCache cache = SpecCache.forUser(System::getenv).orElse(null);
        try {
            List<Row> rows = rows(repository.readTree(cache));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                writeJson(rows, out);
                out.println();
            } else {
                printTable(rows, out);
            }
            out.flush();
            return UpstreamPrCommand.EXIT_OK;
        } finally {
            if (cache != null) {
                cache.finish();
            }
        }
    }

    static List<Row> rows(ChantTree tree) {
        List<Spec> specs = tree.all(); // reads every spec file (on all cores)
        // archivability is worked out on one core while the criteria, a fifth of the work, are counted on all
        CompletableFuture<Map<SpecId, Archivability>> archivability = CompletableFuture.supplyAsync(
                () -> SpecArchive.archivability(tree));
        List<AcceptanceCriteria> criteria = specs.parallelStream().map(AcceptanceCriteria::of).toList();
        Map<SpecId, Archivability> archivable = archivability.join();
        List<Row> rows = new ArrayList<>(specs.size() + tree.unreadable().size());
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            if (s.archived()) {
                rows.add(new Row(s.id().value(), s.title(), s.status().yamlName(), s.type().yamlName(), s.path(),
                        true, false, "already archived", null, criteria.get(i), null));
            } else {
                Archivability a = archivable.get(s.id());
                rows.add(new Row(s.id().value(), s.title(), s.status().yamlName(), s.type().yamlName(), s.path(),
                        false, a.archivable(), a.reason(), a.destination(), criteria.get(i), null));
            }
        }
        for (UnreadableSpec u : tree.unreadable()) {
            rows.add(new Row(u.id() == null ? null : u.id().value(), null, null, null, u.path(), u.archived(), false,
                    u.archived() ? "already archived" : "the file cannot be read, so chant cannot load it (see error)",
                    null, null, u.reason()));
        }
        return rows;
    }

    /** The rows as a JSON array, written as it goes (no tree of nodes, no copy: a listing can have 10,000 rows). */
    private static void writeJson(List<Row> rows, PrintWriter out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartArray();
            for (Row r : rows) {
                json.writeStartObject();
                json.writeStringField("id", r.id());
                json.writeStringField("title", r.title());
                json.writeStringField("status", r.status());
                json.writeStringField("type", r.type());
                json.writeStringField("path", r.path());
                json.writeBooleanField("archived", r.archived());
                json.writeBooleanField("archivable", r.archivable());
                json.writeStringField("reason", r.reason());
                json.writeStringField("destination", r.destination());
                if (r.criteria() == null) {
                    json.writeNullField("criteria");
                } else {
                    json.writeObjectFieldStart("criteria");
                    json.writeNumberField("checked", r.criteria().checked());
                    json.writeNumberField("total", r.criteria().total());
                    json.writeEndObject();
                }
                json.writeStringField("error", r.error());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    private static void printTable(List<Row> rows, PrintWriter out) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"ID", "STATUS", "TYPE", "CRITERIA", "ARCHIVE", "TITLE"});
        List<String> notes = new ArrayList<>();
        for (Row r : rows) {
            String archive = r.error() != null ? "unreadable" : r.archived() ? "archived" : r.archivable() ? "yes" : "no";
            cells.add(new String[] {r.id() == null ? r.path() : r.id(), dash(r.status()), dash(r.type()),
                r.criteria() == null ? "-" : r.criteria().checked() + "/" + r.criteria().total(), archive,
                r.title() == null ? "" : r.title()});
            if (r.error() != null) {
                notes.add(r.path() + ": " + r.error());
            } else if (!r.archived() && !r.archivable()) {
                notes.add(r.id() + ": " + r.reason());
            }
        }
        int[] widths = new int[5];
        for (String[] c : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], c[i].length());
            }
        }
        for (String[] c : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(String.format("%-" + widths[i] + "s  ", c[i]));
            }
            out.println(line.append(c[5]).toString().stripTrailing());
        }
        long active = rows.stream().filter(r -> !r.archived() && r.error() == null).count();
        long archivable = rows.stream().filter(Row::archivable).count();
        long archived = rows.stream().filter(r -> r.archived() && r.error() == null).count();
        out.println();
        out.println(active + " active (" + archivable + " archivable), " + archived + " archived, "
                + (rows.size() - active - archived) + " unreadable");
        if (!notes.isEmpty()) {
            out.println();
            out.println("Why not archivable / why unreadable:");
            notes.forEach(n -> out.println("  " + n));
        }
    }

    private static String dash(String text) {
        return text == null ? "-" : text;
    }
}
