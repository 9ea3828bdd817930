package io.jenkins.plugins.upstreampr.chant;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Follows the references of one spec through a {@link ChantTree} to build its {@link SpecTrail}. Every lookup is by
 * hash map, so a trail costs time in proportion to its own size plus one pass over the tree.
 */
final class TrailWalker {

    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    private static final Pattern CROSS_REPOSITORY = Pattern.compile("^[A-Za-z0-9_-]+:.+");

    private final ChantTree tree;
    private final Map<SpecId, Spec> specsById = new HashMap<>();
    private final Map<SpecId, UnreadableSpec> unreadableById = new HashMap<>();
    private final Map<SpecId, List<Spec>> membersByDriver = new HashMap<>();

    TrailWalker(ChantTree tree) {
        this.tree = tree;
        tree.archived().forEach(s -> specsById.put(s.id(), s));
        tree.active().forEach(s -> specsById.put(s.id(), s)); // active wins over an archived copy
        tree.unreadable().stream().filter(u -> u.id() != null).forEach(u -> unreadableById.putIfAbsent(u.id(), u));
        for (Spec s : specsById.values()) {
            String id = s.id().value();
            for (int dot = id.indexOf('.'); dot > 0 && dot < id.length() - 1; dot = id.indexOf('.', dot + 1)) {
                // chant's is_member_of: the ID starts with "<driver>." and has at least one more character
                String driver = id.substring(0, dot);
                if (SpecId.problemWith(driver) == null) {
                    membersByDriver.computeIfAbsent(new SpecId(driver), k -> new ArrayList<>()).add(s);
                }
            }
        }
    }

    SpecTrail walk(SpecId headId) {
        Spec head = specsById.get(headId);
        if (head == null) {
            UnreadableSpec bad = unreadableById.get(headId);
            throw new ChantException(bad != null
                    ? "Spec " + headId + " cannot be read (" + bad.path() + ": " + bad.reason() + ")"
                    : "Spec " + headId + " is neither in .chant/specs/ nor in .chant/archive/ of " + tree.root()
                            + ": give the ID of the implementation spec as `upstream-pr specs` lists it");
        }
        Map<SpecId, Spec> trail = new LinkedHashMap<>();
        Map<SpecId, Set<SpecId>> before = new HashMap<>(); // spec -> specs of the trail that must come first
        List<TrailGap> gaps = new ArrayList<>();
        Map<String, DocumentFacts> documents = new LinkedHashMap<>();
        Deque<Spec> work = new ArrayDeque<>(List.of(head));
        trail.put(head.id(), head);
        while (!work.isEmpty()) {
            Spec spec = work.removeFirst();
            for (String dep : spec.frontmatter().dependsOn()) {
                dependency(spec, dep, "depends on", gaps).ifPresent(d -> {
                    before.computeIfAbsent(spec.id(), k -> new HashSet<>()).add(d.id());
                    enqueue(d, trail, work);
                });
            }
            group(spec).forEach(g -> enqueue(g, trail, work));
            for (String reference : spec.frontmatter().informedBy()) {
                DocumentFacts facts = documents.computeIfAbsent(reference.strip(), this::document);
                facts.citedBy.add(spec.id());
                if (facts.spec != null) {
                    before.computeIfAbsent(spec.id(), k -> new HashSet<>()).add(facts.spec.id());
                    enqueue(facts.spec, trail, work);
                }
            }
        }
        List<Spec> ordered = order(trail, before);
        Map<SpecId, Integer> position = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).id(), i);
        }
        List<TrailDocument> docs = documents.entrySet().stream()
                .map(e -> e.getValue().toDocument(e.getKey(), position))
                .sorted((a, b) -> Integer.compare(position.get(a.citedBy().get(0)), position.get(b.citedBy().get(0))))
                .toList();
        docs.stream().filter(d -> documents.get(d.reference()).problem != null)
                .forEach(d -> gaps.add(new TrailGap(d.citedBy().get(0), d.reference(),
                        documents.get(d.reference()).problem)));
        gaps.sort((a, b) -> Integer.compare(position.get(a.spec()), position.get(b.spec())));
        return new SpecTrail(head, ordered, docs, gaps);
    }

    private static void enqueue(Spec spec, Map<SpecId, Spec> trail, Deque<Spec> work) {
        if (trail.putIfAbsent(spec.id(), spec) == null) {
            work.addLast(spec);
        }
    }

    /** The driver, siblings and members of a spec, as chant decides membership (by file name). */
    private List<Spec> group(Spec spec) {
        List<Spec> group = new ArrayList<>(membersByDriver.getOrDefault(spec.id(), List.of()));
        spec.id().driver().ifPresent(driverId -> {
            Spec driver = specsById.get(driverId);
            if (driver != null) {
                group.add(driver);
            }
            group.addAll(membersByDriver.getOrDefault(driverId, List.of()));
        });
        return group;
    }

    private Optional<Spec> dependency(Spec spec, String reference, String verb, List<TrailGap> gaps) {
        String ref = reference.strip();
        String problem = SpecId.problemWith(ref);
        if (problem != null) {
            gaps.add(new TrailGap(spec.id(), reference, verb + " '" + ref + "', which is not a spec ID (" + problem
                    + "); write the full ID of the spec"));
            return Optional.empty();
        }
        SpecId id = new SpecId(ref);
        Spec found = specsById.get(id);
        if (found != null) {
            return Optional.of(found);
        }
        UnreadableSpec bad = unreadableById.get(id);
        if (bad != null) {
            gaps.add(new TrailGap(spec.id(), reference, verb + " " + ref + ", which cannot be read (" + bad.path()
                    + ": " + bad.reason() + ")"));
        } else if (CROSS_REPOSITORY.matcher(ref).matches() && !specsById.containsKey(id)) {
            gaps.add(new TrailGap(spec.id(), reference, verb + " " + ref + " in another repository; not followed"));
        } else {
            List<String> similar = specsById.keySet().stream().map(SpecId::value)
                    .filter(v -> v.endsWith(ref) || v.contains(ref)).sorted().limit(5).toList();
            gaps.add(new TrailGap(spec.id(), reference, verb + " " + ref + ", which is neither in .chant/specs/ nor"
                    + " in .chant/archive/" + (similar.isEmpty() ? ""
                            : " (dependencies need full IDs; did you mean " + String.join(", ", similar) + "?)")));
        }
        return Optional.empty();
    }

    private DocumentFacts document(String reference) {
        if (reference.isEmpty()) {
            return DocumentFacts.missing(null, "informed_by has an empty entry");
        }
        if (URL.matcher(reference).matches()) {
            return new DocumentFacts(TrailDocument.Kind.URL, null, null, null);
        }
        if (reference.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{')) {
            return new DocumentFacts(TrailDocument.Kind.GLOB, null, null, null);
        }
        Path root = tree.root();
        Path file;
        boolean absolute;
        try {
            absolute = Path.of(reference).isAbsolute();
            file = root.resolve(reference).normalize();
        } catch (InvalidPathException e) {
            return DocumentFacts.missing(null, "informed_by " + reference + " is not a usable path");
        }
        if (absolute || !file.startsWith(root)) {
            return DocumentFacts.missing(null, "informed_by " + reference
                    + " lies outside the repository; not read (use a repository-relative path)");
        }
        String rel = ChantTreeReader.relative(root, file);
        Optional<Spec> named = namedSpec(rel);
        if (named.isPresent()) {
            return new DocumentFacts(TrailDocument.Kind.SPEC, rel, null, named.get());
        }
        try {
            if (Files.isRegularFile(file) && file.toRealPath().startsWith(root.toRealPath())) {
                return new DocumentFacts(TrailDocument.Kind.FILE, rel, readText(file), null);
            }
            if (Files.isDirectory(file) && file.toRealPath().startsWith(root.toRealPath())) {
                return new DocumentFacts(TrailDocument.Kind.DIRECTORY, rel, null, null);
            }
        } catch (IOException e) {
            return DocumentFacts.missing(rel, "informed_by " + reference + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
        return DocumentFacts.missing(rel, "informed_by " + reference + " does not exist in the repository"
                + (Files.exists(file) ? " (it leads outside)" : ""));
    }

    /** The spec a path such as {@code .chant/specs/ID.md} or {@code .chant/archive/2026-01-01/ID.md} names. */
    private Optional<Spec> namedSpec(String rel) {
        if (!rel.endsWith(".md") || !(rel.startsWith(".chant/specs/") || rel.startsWith(".chant/archive/"))) {
            return Optional.empty();
        }
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        return SpecId.fromFileName(name).map(specsById::get);
    }

    private static String readText(Path file) throws IOException {
        if (Files.size(file) > SpecTrail.MAX_DOCUMENT_BYTES) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }

    /**
     * Dependency order: a spec comes after every spec of the trail it depends on (or names in {@code informed_by});
     * among the specs that are free to go next, the smallest in chant's natural order goes first. A cycle is broken
     * by taking its smallest remaining spec.
     */
    private static List<Spec> order(Map<SpecId, Spec> trail, Map<SpecId, Set<SpecId>> before) {
        Map<SpecId, Set<SpecId>> waitingFor = new HashMap<>();
        Map<SpecId, List<SpecId>> unlocks = new HashMap<>();
        for (SpecId id : trail.keySet()) {
            Set<SpecId> deps = new HashSet<>(before.getOrDefault(id, Set.of()));
            deps.remove(id);
            deps.retainAll(trail.keySet());
            waitingFor.put(id, deps);
            deps.forEach(d -> unlocks.computeIfAbsent(d, k -> new ArrayList<>()).add(id));
        }
        PriorityQueue<SpecId> ready = new PriorityQueue<>();
        TreeSet<SpecId> remaining = new TreeSet<>(trail.keySet());
        waitingFor.forEach((id, deps) -> {
            if (deps.isEmpty()) {
                ready.add(id);
            }
        });
        List<Spec> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            SpecId next = ready.isEmpty() ? remaining.first() : ready.poll();
            if (!remaining.remove(next)) {
                continue;
            }
            ordered.add(trail.get(next));
            for (SpecId waiting : unlocks.getOrDefault(next, List.of())) {
                Set<SpecId> deps = waitingFor.get(waiting);
                if (deps.remove(next) && deps.isEmpty() && remaining.contains(waiting)) {
                    ready.add(waiting);
                }
            }
        }
        return ordered;
    }

    /** What one informed_by entry turned out to be, and who cites it. */
    private static final class DocumentFacts {
        final TrailDocument.Kind kind;
        final String path;
        final String text;
        final Spec spec;
        final List<SpecId> citedBy = new ArrayList<>();

        final String problem;

        DocumentFacts(TrailDocument.Kind kind, String path, String text, Spec spec) {
            this(kind, path, text, spec, null);
        }

        private DocumentFacts(TrailDocument.Kind kind, String path, String text, Spec spec, String problem) {
            this.kind = kind;
            this.path = path;
            this.text = text;
            this.spec = spec;
            this.problem = problem;
        }

        static DocumentFacts missing(String path, String problem) {
            return new DocumentFacts(TrailDocument.Kind.MISSING, path, null, null, problem);
        }

        TrailDocument toDocument(String reference, Map<SpecId, Integer> position) {
            List<SpecId> cited = citedBy.stream().distinct()
                    .sorted((a, b) -> Integer.compare(position.get(a), position.get(b))).toList();
            return new TrailDocument(reference, kind, path, text, cited);
        }
    }
}
