package io.jenkins.plugins.upstreampr.chant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns what a person typed ({@code x7m}, {@code 00a}, {@code 001}, a full ID) into the ID of an active spec,
 * with chant's general resolver (chant-format.md §5.1; {@code resolve_spec} in chant v0.23.2). Candidates are
 * the loadable specs under {@code .chant/specs/}; the first step that gives exactly one wins:
 * <ol>
 *   <li><b>exact</b>: the ID equals the input;</li>
 *   <li><b>suffix</b>: the only ID ending with the input ({@code x7m} finds a driver, not its members;
 *       {@code x7m.1} finds member {@code .1}, not {@code .10});</li>
 *   <li><b>today's sequence</b>: for input of exactly 3 bytes, the only ID starting with
 *       {@code <today>-<input>-}, today being the local date of the injected clock;</li>
 *   <li><b>substring</b>: the only ID containing the input; several are a refusal listing them.</li>
 * </ol>
 * Unlike {@code chant archive} this never takes "the first prefix hit in directory order".
 *
 * <p>Where chant would silently pick something else, this refuses: when the input names exactly a file chant
 * cannot load (so chant would fall through to, say, a member whose ID contains it), or names exactly an archived
 * spec while the active match is only partial. When nothing matches, the refusal says whether the input matches
 * an archived spec (and where it is) or a file that cannot be read (and why).
 */
public final class SpecResolver {

    /** How many candidates a message lists before "and N more". */
    static final int LISTED = 10;

    private final Clock clock;

    /** A resolver whose "today" is the local date of {@code clock} (chant uses the machine's local date). */
    public SpecResolver(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The steps of chant's resolver, in order. */
    private enum Step {
        EXACT("exactly"), SUFFIX("by suffix"), TODAY("by today's sequence number"), SUBSTRING("as a part");

        private final String how;

        Step(String how) {
            this.how = how;
        }
    }

    /**
     * Like {@link #resolve}, but the exact ID of an archived spec is accepted too (when no active spec has it): a
     * finished trail can still be described, gated and archived as a record. Partial inputs resolve among active
     * specs only, as chant's resolver does.
     */
    public SpecId resolveIncludingArchived(ChantTree tree, String input) {
        if (input != null && SpecId.problemWith(input) == null) {
            SpecId exact = new SpecId(input);
            if (tree.activeSpec(exact).isEmpty() && tree.archivedSpec(exact).isPresent()) {
                return exact;
            }
        }
        return resolve(tree, input);
    }

    /**
     * The active spec {@code input} names.
     *
     * @throws ChantException when {@code input} cannot be a spec ID at all (empty, a path, {@code ..})
     * @throws Refusal when no active spec, or more than one, matches; the message lists the candidates or says
     *     where the input was found instead (archived, unreadable)
     */
    public SpecId resolve(ChantTree tree, String input) {
        String problem = input == null || input.isEmpty() ? "it is empty"
                : input.isBlank() ? "it is blank" : SpecId.problemWith(input);
        if (problem != null) {
            throw new ChantException("'" + (input == null ? "" : SpecId.printable(input)) + "' cannot be a spec ID: "
                    + problem + ". Give a spec ID or a unique part of one, as `upstream-pr specs` lists them.");
        }
        List<SpecId> active = tree.active().stream().map(Spec::id).toList();
        String todayPrefix = LocalDate.now(clock) + "-" + input + "-";
        boolean threeBytes = input.getBytes(StandardCharsets.UTF_8).length == 3;

        SpecId found = null;
        Step how = null;
        for (Step step : Step.values()) {
            if (step == Step.TODAY && !threeBytes) {
                continue;
            }
            List<SpecId> hits = active.stream().filter(id -> matches(step, id.value(), input, todayPrefix)).toList();
            if (hits.size() == 1) {
                found = hits.get(0);
                how = step;
                break;
            }
            if (step == Step.SUBSTRING && hits.size() > 1) {
                throw new Refusal("Ambiguous spec ID '" + input + "': it matches " + hits.size() + " active specs: "
                        + list(hits, SpecId::value) + ". Give more of the ID (the full ID always works).");
            }
        }
        if (found == null) {
            throw new Refusal(notFound(tree, input));
        }
        refuseIfShadowed(tree, input, found, how, todayPrefix, threeBytes);
        return found;
    }

    private static boolean matches(Step step, String id, String input, String todayPrefix) {
        return switch (step) {
            case EXACT -> id.equals(input);
            case SUFFIX -> id.endsWith(input);
            case TODAY -> id.startsWith(todayPrefix);
            case SUBSTRING -> id.contains(input);
        };
    }

    /**
     * chant does not see unloadable files, nor archived specs: a partial match on an active spec can then hide
     * what the person meant. Refuse when such a file matches at an earlier or the same step.
     */
    private static void refuseIfShadowed(ChantTree tree, String input, SpecId found, Step how, String todayPrefix,
            boolean threeBytes) {
        for (UnreadableSpec u : tree.unreadable()) {
            if (u.archived() || u.id() == null) {
                continue;
            }
            for (Step step : Step.values()) {
                if (step.ordinal() > how.ordinal() || (step == Step.TODAY && !threeBytes)) {
                    break;
                }
                if (matches(step, u.id().value(), input, todayPrefix)) {
                    throw new Refusal("Spec ID '" + input + "' is ambiguous: it matches active spec " + found + " "
                            + how.how + ", but also " + u.path() + " " + step.how + ", which cannot be read ("
                            + u.reason() + "). Fix that file, or give the full ID " + found + ".");
                }
            }
        }
        if (how != Step.EXACT) {
            Optional<Spec> archived = tree.archivedSpec(new SpecId(input));
            if (archived.isPresent()) {
                throw new Refusal("Spec ID '" + input + "' is ambiguous: it is exactly the ID of the archived spec "
                        + archived.get().path() + ", and matches active spec " + found + " only " + how.how
                        + ". Give the full ID " + found + " if you mean the active one.");
            }
        }
    }

    private static String notFound(ChantTree tree, String input) {
        List<Spec> archived = preferExact(tree.archived(), Spec::id, input);
        List<UnreadableSpec> unreadable = preferExact(
                tree.unreadable().stream().filter(u -> u.id() != null).toList(), UnreadableSpec::id, input);
        List<String> hints = new ArrayList<>();
        if (!archived.isEmpty()) {
            hints.add(archived.size() == 1
                    ? "It is archived: " + archived.get(0).id() + " at " + archived.get(0).path()
                    : "It matches " + archived.size() + " archived specs: "
                            + list(archived, s -> s.id() + " at " + s.path()));
        }
        for (UnreadableSpec u : unreadable.subList(0, Math.min(LISTED, unreadable.size()))) {
            hints.add((u.archived() ? "It matches an archived file that cannot be read: " : "It matches a file "
                    + "that cannot be read: ") + u.path() + " (" + u.reason() + ")");
        }
        if (unreadable.size() > LISTED) {
            hints.add("and " + (unreadable.size() - LISTED) + " more unreadable files");
        }
        StringBuilder message = new StringBuilder("Spec not found: ").append(input).append(". ");
        boolean noActiveFiles = tree.active().isEmpty() && tree.unreadable().stream().allMatch(UnreadableSpec::archived);
        if (hints.isEmpty() && noActiveFiles && !Files.isDirectory(tree.chantDir().resolve("specs"))) {
            message.append("There is no .chant/specs/ directory (chant would say \"Not a chant project\"), and no "
                    + "archived spec matches; run `chant init` or pass the repository root with --dir.");
        } else if (hints.isEmpty() && noActiveFiles) {
            message.append(".chant/specs/ holds no spec, and no archived spec matches; create one with `chant add` "
                    + "or pass the repository root with --dir.");
        } else if (hints.isEmpty()) {
            message.append("No active spec in .chant/specs/ has an ID containing it, and no archived one either; "
                    + "run `upstream-pr specs` to list the IDs.");
        } else {
            message.append(String.join(". ", hints)).append(". ");
            message.append(archived.isEmpty()
                    ? "Only specs chant can load are resolved."
                    : "Only active specs in .chant/specs/ are resolved; archived specs are done.");
        }
        return message.toString();
    }

    /** The items whose ID contains {@code input}; only the exact ones when there are any. */
    private static <T> List<T> preferExact(List<T> items, Function<T, SpecId> id, String input) {
        Predicate<T> exact = t -> id.apply(t).value().equals(input);
        List<T> exactHits = items.stream().filter(exact).toList();
        return !exactHits.isEmpty() ? exactHits
                : items.stream().filter(t -> id.apply(t).value().contains(input)).toList();
    }

    private static <T> String list(List<T> items, Function<T, String> show) {
        String shown = items.stream().limit(LISTED).map(show).collect(Collectors.joining(", "));
        return items.size() > LISTED ? shown + " and " + (items.size() - LISTED) + " more" : shown;
    }
}
