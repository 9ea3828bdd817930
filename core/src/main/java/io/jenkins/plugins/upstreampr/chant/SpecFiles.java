package io.jenkins.plugins.upstreampr.chant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The spec files of one tree, grouped by the ID their names give. The files of an ID are read, checked and parsed
 * the first time that ID is asked for, once, safely from several threads: a command that needs a few specs of a
 * large tree ({@code body}, {@code resolve}) reads only those, a listing reads all of them in parallel. What an ID's
 * files turn out to be depends on those files alone (duplicates and "also archived" are decided within one ID), so
 * asking for one ID gives exactly what reading the whole tree gives for it.
 */
final class SpecFiles {

    /**
     * One {@code .md} file whose name is a usable spec ID.
     *
     * @param stamp what the walk saw of it, for the cache; {@code null} without a cache, and for links
     */
    record SpecFile(Path file, String path, SpecId id, boolean archived, SpecCache.Stamp stamp) {
    }

    /**
     * What loading one file gave: a spec, or why it cannot be one.
     *
     * @param fromContent whether the outcome follows from the file's content alone (not from a failure to read it)
     */
    record Loaded(Spec spec, UnreadableSpec problem, boolean fromContent) {
        Loaded(Spec spec, UnreadableSpec problem) {
            this(spec, problem, true);
        }
    }

    /**
     * What the files of one ID are.
     *
     * @param active the active spec with that ID, or {@code null}
     * @param archived the archived spec with that ID, or {@code null}
     * @param unreadable the files with that ID that cannot be used, sorted by path
     */
    record Outcome(Spec active, Spec archived, List<UnreadableSpec> unreadable) {
        static final Outcome NONE = new Outcome(null, null, List.of());
    }

    private final Map<SpecId, Group> groups = new HashMap<>();
    private final List<Group> all = new ArrayList<>();
    private final Set<SpecId> activeIds = new HashSet<>();
    private final Function<SpecFile, Loaded> loader;
    private final Runnable afterReadingAll;

    /**
     * Groups {@code files} by ID; {@code loader} reads one file when its ID is first asked for;
     * {@code afterReadingAll} runs once every file has been read for {@link #outcomes()}.
     */
    SpecFiles(List<SpecFile> files, Function<SpecFile, Loaded> loader, Runnable afterReadingAll) {
        this.loader = loader;
        this.afterReadingAll = afterReadingAll;
        for (SpecFile f : files) {
            groups.computeIfAbsent(f.id(), id -> {
                Group g = new Group();
                all.add(g);
                return g;
            }).files.add(f);
            if (!f.archived()) {
                activeIds.add(f.id());
            }
        }
    }

    /** What the files with this ID are (read now if they were not yet). */
    Outcome outcome(SpecId id) {
        Group g = groups.get(id);
        return g == null ? Outcome.NONE : g.outcome();
    }

    /** The IDs that name at least one file, active or archived, readable or not. */
    Set<SpecId> ids() {
        return Collections.unmodifiableSet(groups.keySet());
    }

    /** The IDs that name at least one file under {@code .chant/specs/}, readable or not. */
    Set<SpecId> activeIds() {
        return Collections.unmodifiableSet(activeIds);
    }

    /** Every outcome, reading the files not read yet on all cores. */
    List<Outcome> outcomes() {
        List<Outcome> outcomes = all.parallelStream().map(Group::outcome).toList();
        afterReadingAll.run();
        return outcomes;
    }

    /** The files of one ID and, once read, what they are. */
    private final class Group {
        final List<SpecFile> files = new ArrayList<>(1);
        private volatile Outcome outcome;

        Outcome outcome() {
            Outcome o = outcome;
            if (o == null) {
                synchronized (this) {
                    o = outcome;
                    if (o == null) {
                        o = load();
                        outcome = o;
                    }
                }
            }
            return o;
        }

        private Outcome load() {
            List<Spec> active = new ArrayList<>(1);
            List<Spec> archived = new ArrayList<>(1);
            List<UnreadableSpec> unreadable = new ArrayList<>(0);
            for (SpecFile f : files) {
                Loaded l = loader.apply(f);
                if (l.problem() != null) {
                    unreadable.add(l.problem());
                } else if (l.spec().archived()) {
                    archived.add(l.spec());
                } else {
                    active.add(l.spec());
                }
            }
            rejectDuplicates(active, unreadable, "active");
            rejectDuplicates(archived, unreadable, "archived");
            Spec a = active.isEmpty() ? null : active.get(0);
            Spec r = archived.isEmpty() ? null : archived.get(0);
            if (a != null && r != null) {
                a = a.withWarning("also archived at " + r.path()
                        + "; an earlier archive may have stopped halfway: compare the two and remove one");
            }
            unreadable.sort(Comparator.comparing(UnreadableSpec::path));
            return new Outcome(a, r, List.copyOf(unreadable));
        }
    }

    /** Two readable files with one ID (in one of the two places): chant would pick one by chance, we use neither. */
    private static void rejectDuplicates(List<Spec> specs, List<UnreadableSpec> unreadable, String where) {
        if (specs.size() < 2) {
            return;
        }
        String paths = specs.stream().map(Spec::path).sorted().collect(Collectors.joining(", "));
        for (Spec s : specs) {
            unreadable.add(new UnreadableSpec(s.path(), s.id(), s.archived(), "ID " + s.id() + " is used by "
                    + specs.size() + " " + where + " files (" + paths + "); chant would pick one by directory "
                    + "order: rename or remove all but one"));
        }
        specs.clear();
    }
}
