package io.jenkins.plugins.upstreampr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.upstreampr.chant.SpecResolver;
import io.jenkins.plugins.upstreampr.chant.archive.ArchiveOptions;
import io.jenkins.plugins.upstreampr.chant.archive.ArchivePlan;
import io.jenkins.plugins.upstreampr.chant.archive.ArchiveResult;
import io.jenkins.plugins.upstreampr.chant.archive.SkippedSpec;
import io.jenkins.plugins.upstreampr.chant.archive.SpecArchive;
import io.jenkins.plugins.upstreampr.chant.archive.SpecMove;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code upstream-pr archive ID...}: moves finished specs to {@code .chant/archive/<first 10 bytes of ID>/<ID>.md} as
 * {@code chant archive} does, all or nothing.
 */
@Command(name = "archive",
        description = {"Archive specs: move .chant/specs/<ID>.md to .chant/archive/<first 10 characters of ID>/<ID>.md, "
                + "with `git mv` semantics inside a git work tree (the rename is staged, not committed).",
            "Each ID is resolved like `resolve` does (exact, unique suffix, today's sequence, unique substring). A "
                + "driver goes with all its members (members first, by number), and only when every member is "
                + "completed or cancelled; a member goes alone. Without --force only completed specs go (cancelled "
                + "ones need --force, which is what chant's own move requires), and a spec whose work branch "
                + "exists and is not merged into the main branch is refused.",
            "Unlike chant: the batch is all or nothing (any refused spec refuses the batch, exit 3; a failed move "
                + "undoes the others), an existing destination is never overwritten, an already archived spec is "
                + "reported as skipped, and an ID shorter than 10 characters is refused. Flat archive files "
                + "(.chant/archive/<ID>.md) are moved into their folders first, as chant does."})
public final class ArchiveCommand implements Callable<Integer> {

    @ParentCommand
    private UpstreamPrCommand top;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepositoryOption repository;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Spec IDs (or unique parts of them) to archive.")
    private List<String> ids;

    @Option(names = "--dry-run", description = "Show what would move; move nothing.")
    private boolean dryRun;

    @Option(names = "--force", description = "Archive whatever the status, skip the unmerged-branch and target-files "
            + "checks (a driver still needs all its members completed or cancelled).")
    private boolean force;

    @Option(names = "--no-stage", description = "Plain file-system renames, nothing staged in git.")
    private boolean noStage;

    @Option(names = "--json", description = "Print {\"archived\":[{\"id\",\"from\",\"to\"}],"
            + "\"skipped\":[{\"id\",\"reason\"}]} (a refused batch prints every spec under skipped, then fails).")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        SpecArchive archive = new SpecArchive(new SpecResolver(top.clock())::resolve);
        ArchivePlan plan = archive.plan(repository.readTree(), ids, new ArchiveOptions(force, noStage, dryRun));
        if (plan.isRefused()) {
            if (json) {
                printJson(plan.unexecutedResult());
            }
            throw plan.refusal();
        }
        ArchiveResult result = archive.execute(plan);
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(w -> err.println(spec.qualifiedName() + ": warning: " + w));
        err.flush();
        if (json) {
            printJson(result);
        } else {
            printText(result);
        }
        return UpstreamPrCommand.EXIT_OK;
    }

    private void printJson(ArchiveResult result) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode archived = root.putArray("archived");
        for (SpecMove m : result.archived()) {
            archived.addObject().put("id", m.id().value()).put("from", m.from()).put("to", m.to());
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedSpec s : result.skipped()) {
            skipped.addObject().put("id", s.id()).put("reason", s.reason());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(mapper.writeValueAsString(root));
        out.flush();
    }

    private void printText(ArchiveResult result) {
        PrintWriter out = spec.commandLine().getOut();
        String verb = result.dryRun() ? "Would archive" : "Archived";
        if (!result.migrated().isEmpty()) {
            out.println((result.dryRun() ? "Would move " : "Moved ") + result.migrated().size()
                    + " flat archive file(s) into their folders first (.chant/archive/<ID>.md -> "
                    + ".chant/archive/<first 10>/<ID>.md).");
        }
        if (result.archived().isEmpty()) {
            out.println("Nothing to archive.");
        } else {
            out.println(verb + " " + result.archived().size() + " spec(s):");
            result.archived().forEach(m -> out.println("  " + m.id() + "  " + m.from() + " -> " + m.to()));
        }
        if (!result.skipped().isEmpty()) {
            out.println("Skipped " + result.skipped().size() + ":");
            result.skipped().forEach(s -> out.println("  " + s.id() + "  " + s.reason()));
        }
        out.flush();
    }
}
