package io.jenkins.plugins.upstreampr.chant.archive;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.chant.Spec;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.chant.UnreadableSpec;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Archives chant specs the way {@code chant archive ID...} does, all or nothing. {@link #plan} decides everything
 * first and touches nothing; {@link #execute} carries a plan out (flat-archive migration, then the moves, staged in
 * git when inside a work tree) and undoes every move if one fails; {@link #archive} does both.
 *
 * <p>IDs given by the user are resolved by the function passed in (the project's {@code SpecResolver});
 * the exact ID of an already archived spec is a reported no-op, not an error.
 */
public final class SpecArchive {

    private final BiFunction<ChantTree, String, SpecId> resolver;

    /**
     * @param resolver turns an ID given by the user into the ID of an active spec of the tree, or throws a
     *     {@link Refusal} (unknown, ambiguous) or a {@link ChantException} (not an ID at all)
     */
    public SpecArchive(BiFunction<ChantTree, String, SpecId> resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Plans, then executes unless the plan is refused (throws its {@link Refusal}) or a dry run. */
    public ArchiveResult archive(ChantTree tree, List<String> inputs, ArchiveOptions options) {
        return execute(plan(tree, inputs, options));
    }

    /**
     * Decides what archiving {@code inputs} means, without touching anything: each input resolved, drivers expanded
     * to their members, every check run for the whole batch (status, branch, source, destination, the flat-archive
     * migration), target-file warnings gathered.
     *
     * @throws ChantException when the tree has no {@code .chant/specs/} (chant: "Not a chant project"), no input
     *     is given, or an input is not an ID at all
     */
    public ArchivePlan plan(ChantTree tree, List<String> inputs, ArchiveOptions options) {
        if (!Files.isDirectory(tree.chantDir().resolve("specs"), LinkOption.NOFOLLOW_LINKS)) {
            throw new ChantException("Not a chant project: " + tree.root() + "/.chant has no specs/ folder, so there "
                    + "is nothing to archive there (chant refuses too); pass the root of the repository whose "
                    + ".chant/specs/ holds the specs with --dir");
        }
        if (inputs.isEmpty()) {
            throw new ChantException("No spec ID given: name the spec(s) to archive, as `upstream-pr specs` "
                    + "lists them");
        }
        try (ArchiveRules rules = ArchiveRules.open(tree, options)) {
            Map<SpecId, Spec> queue = new LinkedHashMap<>();
            Map<String, SkippedSpec> refusals = new LinkedHashMap<>();
            List<SkippedSpec> skipped = new ArrayList<>();
            for (String input : inputs) {
                Optional<String> archivedAt = archivedAt(tree, input);
                if (archivedAt.isPresent()) {
                    skipped.add(new SkippedSpec(input, "already archived at " + archivedAt.get()
                            + "; nothing to do"));
                    continue;
                }
                SpecId id;
                try {
                    id = resolver.apply(tree, input);
                } catch (Refusal unknown) {
                    refusals.putIfAbsent(input, new SkippedSpec(input, unknown.getMessage()));
                    continue;
                }
                Spec spec = tree.activeSpec(id).orElseThrow(() -> new IllegalStateException(
                        "the resolver returned " + id + ", which is not an active spec"));
                ArchiveRules.Group group = rules.group(spec);
                group.problems().forEach(p -> refusals.putIfAbsent(p.id(), p));
                group.specs().forEach(s -> queue.putIfAbsent(s.id(), s));
            }
            List<SpecMove> moves = new ArrayList<>();
            List<SpecMove> migrations = List.of();
            List<String> warnings = new ArrayList<>();
            if (!queue.isEmpty()) {
                ArchiveRules.Migration migration = rules.migration();
                migrations = migration.moves();
                warnings.addAll(migration.warnings());
                migration.problems().forEach(p -> refusals.putIfAbsent(ArchiveRules.ARCHIVE + p.id() + ".md", p));
                Set<String> taken = rules.migrationDestinations();
                for (Spec s : queue.values()) {
                    String to = ArchiveRules.destination(s.id());
                    if (to == null || refusals.containsKey(s.id().value())) {
                        continue;
                    }
                    if (taken.contains(to)) {
                        refusals.put(s.id().value(), new SkippedSpec(s.id().value(), collision(s, to)));
                        continue;
                    }
                    moves.add(new SpecMove(s.id(), s.path(), to));
                }
                warnings.addAll(rules.targetFileWarnings(List.copyOf(queue.values())));
            }
            return new ArchivePlan(tree.root(), options, moves, migrations, skipped, List.copyOf(refusals.values()),
                    warnings);
        }
    }

    private static String collision(Spec spec, String to) {
        return "destination " + to + " is where the flat archived copy " + ArchiveRules.ARCHIVE + spec.id().fileName()
                + " of this spec moves first: compare it with " + spec.path() + " and remove one; archive never "
                + "overwrites";
    }

    /**
     * Carries out a plan: nothing for a dry run or an empty queue; for a refused plan, throws its refusal;
     * otherwise the flat-archive migration and the moves, all or nothing.
     *
     * @throws Refusal when the plan is refused, or a destination appeared since it was made (nothing moved)
     * @throws ArchiveFailedException when a move or the index update fails (everything undone, or the message
     *     says where each file is)
     */
    public ArchiveResult execute(ArchivePlan plan) {
        if (plan.isRefused()) {
            throw plan.refusal();
        }
        if (plan.options().dryRun() || plan.moves().isEmpty()) {
            return new ArchiveResult(plan.options().dryRun(), plan.moves(), plan.migrations(), plan.skipped(),
                    plan.warnings());
        }
        Optional<GitWorkTree> git = plan.options().noStage() ? Optional.empty() : GitWorkTree.find(plan.root());
        try {
            List<SpecMove> all = new ArrayList<>(plan.migrations());
            all.addAll(plan.moves());
            List<String> warnings = new ArrayList<>(plan.warnings());
            warnings.addAll(new MoveTransaction(plan.root(), git).run(all));
            return new ArchiveResult(false, plan.moves(), plan.migrations(), plan.skipped(), warnings);
        } finally {
            git.ifPresent(GitWorkTree::close);
        }
    }

    /**
     * For every active spec of the tree, whether {@code archive ID} without {@code --force} would accept it, why
     * not, and where it would go. Keys in the tree's order.
     */
    public static Map<SpecId, Archivability> archivability(ChantTree tree) {
        Map<SpecId, Archivability> out = new LinkedHashMap<>();
        if (tree.active().isEmpty()) {
            return out;
        }
        try (ArchiveRules rules = ArchiveRules.open(tree, ArchiveOptions.DEFAULTS)) {
            List<SkippedSpec> migrationProblems = rules.migration().problems();
            Set<String> taken = rules.migrationDestinations();
            for (Spec spec : tree.active()) {
                String destination = ArchiveRules.destination(spec.id());
                ArchiveRules.Group group = rules.group(spec);
                String reason = group.problems().stream().filter(p -> p.id().equals(spec.id().value()))
                        .map(SkippedSpec::reason).findFirst().orElse(null);
                if (reason == null && !group.problems().isEmpty()) {
                    reason = "it goes with its driver group, and " + String.join("; ", group.problems().stream()
                            .map(p -> p.id() + ": " + p.reason()).toList());
                }
                if (reason == null && !migrationProblems.isEmpty()) {
                    reason = "the flat-archive migration that runs first cannot: " + String.join("; ",
                            migrationProblems.stream().map(SkippedSpec::reason).toList());
                }
                if (reason == null && taken.contains(destination)) {
                    reason = collision(spec, destination);
                }
                out.put(spec.id(), new Archivability(spec.id(), reason == null, reason, destination));
            }
        }
        return out;
    }

    /** Where the spec with exactly this ID is archived, when it is archived and not active. */
    private static Optional<String> archivedAt(ChantTree tree, String input) {
        if (SpecId.problemWith(input) != null) {
            return Optional.empty();
        }
        SpecId id = new SpecId(input);
        if (tree.activeSpec(id).isPresent()
                || tree.unreadable().stream().anyMatch(u -> !u.archived() && id.equals(u.id()))) {
            return Optional.empty();
        }
        return tree.archivedSpec(id).map(Spec::path).or(() -> tree.unreadable().stream()
                .filter(u -> u.archived() && id.equals(u.id())).map(UnreadableSpec::path).findFirst());
    }
}
