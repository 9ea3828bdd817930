package io.jenkins.plugins.upstreampr.chant;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The trail of a pull request: every spec and document that led to one change, as upstream maintainers would want it
 * explained. It starts at a spec (the implementation spec, or the upstream-PR spec that depends on it) and contains
 * <ul>
 * <li>that spec and, transitively, the specs it {@code depends_on} (full IDs, compared exactly as chant does; active
 * or archived in any layout), and the specs its {@code informed_by} entries name by path;</li>
 * <li>the driver/member group of every spec in the trail, decided by file name as chant decides it ({@code D.N} is a
 * member of {@code D}); those specs' dependencies are followed too;</li>
 * <li>the {@code informed_by} documents of all those specs: files inside the repository (read when they are small
 * UTF-8 text), directories, globs and URLs (kept as references).</li>
 * </ul>
 * References that cannot be followed are listed in {@link #gaps()}, never dropped silently; cycles terminate.
 * Specs are in dependency order (a dependency before the specs that need it), ties and cycles broken by chant's
 * natural ID order, so the trail is the same on every machine.
 *
 * @param head the spec the trail was taken from
 * @param specs the specs of the trail, in dependency order; includes {@code head}
 * @param documents the {@code informed_by} entries of the trail's specs, in trail order, each once
 * @param gaps references that could not be followed
 */
public record SpecTrail(Spec head, List<Spec> specs, List<TrailDocument> documents, List<TrailGap> gaps) {

    /** Documents larger than this are listed but not read. */
    public static final long MAX_DOCUMENT_BYTES = 1024 * 1024;

    public SpecTrail {
        Objects.requireNonNull(head, "head");
        specs = List.copyOf(specs);
        documents = List.copyOf(documents);
        gaps = List.copyOf(gaps);
    }

    /**
     * The trail of the spec {@code head} of {@code tree} (active, or archived when no active spec has that ID).
     *
     * @throws ChantException when {@code tree} has no readable spec with exactly that ID
     */
    public static SpecTrail of(ChantTree tree, SpecId head) {
        return new TrailWalker(tree).walk(head);
    }

    /** The IDs of the trail's specs, in trail order. */
    public List<SpecId> ids() {
        return specs.stream().map(Spec::id).toList();
    }

    /**
     * Repository-relative paths of the trail's specs and of the {@link TrailDocument.Kind#FILE} documents that informed
     * them, each once, in trail order: what is kept of the trail (build artifacts, the gate's record).
     */
    public List<String> files() {
        Set<String> files = new LinkedHashSet<>();
        specs.stream().map(Spec::path).forEach(files::add);
        documents.stream().filter(d -> d.kind() == TrailDocument.Kind.FILE).map(TrailDocument::path).forEach(files::add);
        return List.copyOf(files);
    }

    /** The spec of the trail with exactly this ID. */
    public Optional<Spec> spec(SpecId id) {
        return specs.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The spec that describes the change itself: {@link #head()} when it is a code spec with target files outside
     * {@code .chant/} (or a driver whose members are in the trail); otherwise the closest such code spec among the
     * head's dependencies (so the trail of an upstream-PR spec finds the fork fix it depends on); the head when there
     * is none. Among equally close candidates, the latest in chant's natural order wins.
     */
    public Spec implementation() {
        if (changesCode(head) || isDriverWithMembers(head)) {
            return head;
        }
        Map<SpecId, Spec> inTrail = new HashMap<>();
        specs.forEach(s -> inTrail.put(s.id(), s));
        Set<SpecId> seen = new HashSet<>(List.of(head.id()));
        Deque<Spec> level = new ArrayDeque<>(List.of(head));
        while (!level.isEmpty()) {
            List<Spec> next = level.stream()
                    .flatMap(s -> s.frontmatter().dependsOn().stream())
                    .filter(d -> SpecId.problemWith(d) == null)
                    .map(SpecId::new)
                    .filter(seen::add)
                    .map(inTrail::get)
                    .filter(Objects::nonNull)
                    .sorted((a, b) -> b.id().compareTo(a.id()))
                    .toList();
            Optional<Spec> found = next.stream().filter(SpecTrail::changesCode).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            level = new ArrayDeque<>(next);
        }
        return head;
    }

    /** Whether the spec is a code spec that names target files outside {@code .chant/}. */
    public static boolean changesCode(Spec spec) {
        return spec.type() == SpecType.CODE && spec.frontmatter().targetFiles().stream()
                .anyMatch(f -> !f.startsWith(".chant/") && !f.isBlank());
    }

    private boolean isDriverWithMembers(Spec spec) {
        return (spec.type() == SpecType.DRIVER || spec.type() == SpecType.GROUP)
                && specs.stream().anyMatch(s -> s.id().isMemberOf(spec.id()));
    }
}
