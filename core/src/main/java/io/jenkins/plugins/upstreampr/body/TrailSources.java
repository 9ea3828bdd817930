package io.jenkins.plugins.upstreampr.body;

import io.jenkins.plugins.upstreampr.chant.Spec;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import io.jenkins.plugins.upstreampr.chant.SpecType;
import io.jenkins.plugins.upstreampr.chant.TrailDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The texts of a trail sorted by the part they played in chant's bug-fix workflow: the implementation spec, the
 * comprehension of the issue, the root cause analysis, the reproduction. A spec's part is read from its title and
 * labels ({@code labels: [root-cause, issue-1234]}), a document's from its file name or from the spec that wrote it
 * ({@code target_files}). Texts are parsed once, with agent output removed.
 */
final class TrailSources {

    private static final List<String> COMPREHENSION = List.of("comprehension", "triage");
    private static final List<String> ROOT_CAUSE = List.of("root cause", "root-cause", "root_cause", "rootcause");
    private static final List<String> REPRODUCTION = List.of("reproduc", "regression test");

    private final SpecTrail trail;
    private final Spec implementation;
    private final ProcessLanguage language;
    private final Map<SpecId, MarkdownDocument> specTexts = new HashMap<>();
    private final Map<String, MarkdownDocument> documentTexts = new HashMap<>();

    TrailSources(SpecTrail trail) {
        this.trail = trail;
        this.implementation = trail.implementation();
        this.language = new ProcessLanguage(trail.specs().stream().map(s -> s.id().value()).toList());
    }

    SpecTrail trail() {
        return trail;
    }

    Spec implementation() {
        return implementation;
    }

    ProcessLanguage language() {
        return language;
    }

    MarkdownDocument text(Spec spec) {
        return specTexts.computeIfAbsent(spec.id(), id -> MarkdownDocument.parse(spec.body()));
    }

    MarkdownDocument text(TrailDocument document) {
        return documentTexts.computeIfAbsent(document.reference(), r -> MarkdownDocument.parse(document.text()));
    }

    /** Comprehension texts: documents first (they hold the findings), then the specs. */
    List<MarkdownDocument> comprehension() {
        return texts(COMPREHENSION);
    }

    /** Root cause texts: documents first, then the specs. */
    List<MarkdownDocument> rootCause() {
        return texts(ROOT_CAUSE);
    }

    /** The specs that reproduce the problem, including the members of a reproduction driver. */
    List<Spec> reproductions() {
        List<Spec> found = new ArrayList<>();
        for (Spec s : trail.specs()) {
            boolean member = s.id().driver().flatMap(trail::spec).map(d -> plays(d, REPRODUCTION)).orElse(false);
            if ((plays(s, REPRODUCTION) || member) && s.type() != SpecType.RESEARCH) {
                found.add(s);
            }
        }
        return found;
    }

    /** Every text of the trail other than the implementation spec: specs in trail order, then documents. */
    List<MarkdownDocument> others() {
        List<MarkdownDocument> all = new ArrayList<>();
        trail.specs().stream().filter(s -> !s.id().equals(implementation.id())).map(this::text).forEach(all::add);
        readableDocuments().map(this::text).forEach(all::add);
        return all;
    }

    private List<MarkdownDocument> texts(List<String> part) {
        List<Spec> specs = trail.specs().stream().filter(s -> plays(s, part)).toList();
        Set<String> written = specs.stream().flatMap(s -> s.frontmatter().targetFiles().stream())
                .collect(Collectors.toSet());
        List<MarkdownDocument> texts = new ArrayList<>();
        readableDocuments().filter(d -> written.contains(d.path()) || named(d.path(), part))
                .map(this::text).forEach(texts::add);
        specs.stream().map(this::text).forEach(texts::add);
        return texts;
    }

    private Stream<TrailDocument> readableDocuments() {
        return trail.documents().stream().filter(d -> d.kind() == TrailDocument.Kind.FILE && d.hasText()
                && d.path().toLowerCase(Locale.ROOT).endsWith(".md"));
    }

    static boolean plays(Spec spec, List<String> part) {
        String title = spec.title() == null ? "" : spec.title().toLowerCase(Locale.ROOT);
        return part.stream().anyMatch(w -> title.contains(w)
                || spec.frontmatter().labels().stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).contains(w)));
    }

    private static boolean named(String path, List<String> part) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return part.stream().anyMatch(name::contains);
    }
}
