package io.jenkins.plugins.upstreampr.chant.archive;

import io.jenkins.plugins.upstreampr.chant.Refusal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything an archive run will do, decided before anything moves: the moves in order, the flat-archive
 * migration that comes first, the requested specs that are already archived, and the reasons the batch is
 * refused (if any). A refused plan moves nothing.
 *
 * @param root the repository root (the directory holding {@code .chant/}) the paths are relative to
 * @param options the flags the plan was made with
 * @param moves the specs to archive, in queue order (a driver after its members sorted by member number)
 * @param migrations flat archived files to move into {@code archive/<first 10 bytes>/} before the moves
 * @param skipped requested specs that are already archived (no-ops)
 * @param refusals the specs (or inputs) that cannot be archived, with the reason; any refusal refuses the batch
 * @param warnings notes that do not stop the run (target files without changes, flat files left in place)
 */
public record ArchivePlan(Path root, ArchiveOptions options, List<SpecMove> moves, List<SpecMove> migrations,
        List<SkippedSpec> skipped, List<SkippedSpec> refusals, List<String> warnings) {

    public ArchivePlan {
        moves = List.copyOf(moves);
        migrations = List.copyOf(migrations);
        skipped = List.copyOf(skipped);
        refusals = List.copyOf(refusals);
        warnings = List.copyOf(warnings);
    }

    /** Whether at least one spec cannot be archived, so nothing will be. */
    public boolean isRefused() {
        return !refusals.isEmpty();
    }

    /** The refusal of this batch as one line naming each spec and its reason. */
    public Refusal refusal() {
        String reasons = refusals.stream().map(r -> r.id() + ": " + r.reason()).collect(Collectors.joining("; "));
        String notMoved = moves.isEmpty() ? "" : " (" + moves.size() + " other spec(s) of the batch could be "
                + "archived, but a batch is all or nothing)";
        return new Refusal("Nothing archived: " + reasons + notMoved);
    }

    /**
     * The result to report for this plan without executing it: for a refused plan every spec is skipped with its
     * reason; for a dry run the moves are listed as archived.
     */
    public ArchiveResult unexecutedResult() {
        if (!isRefused()) {
            return new ArchiveResult(true, moves, migrations, skipped, warnings);
        }
        List<SkippedSpec> all = new ArrayList<>(refusals);
        moves.forEach(m -> all.add(new SkippedSpec(m.id().value(), "not archived: the batch was refused because "
                + "another spec cannot be archived (a batch is all or nothing)")));
        all.addAll(skipped);
        return new ArchiveResult(options.dryRun(), List.of(), List.of(), all, warnings);
    }
}
