package io.jenkins.plugins.upstreampr.chant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything under one repository's {@code .chant/}: active specs ({@code specs/}, recursively), archived
 * specs (dated or legacy folders {@code archive/<first 10 chars>/<ID>.md} and flat {@code archive/<ID>.md}),
 * files that cannot be loaded with the reason, research documents and the configuration. Lists are sorted in
 * chant's natural ID order.
 *
 * @param root the repository root (the directory that holds {@code .chant/})
 * @param researchDocuments repository-relative paths of the files under {@code .chant/research/}
 */
public record ChantTree(Path root, List<Spec> active, List<Spec> archived, List<UnreadableSpec> unreadable,
        List<String> researchDocuments, ChantConfig config) {

    public ChantTree {
        active = List.copyOf(active);
        archived = List.copyOf(archived);
        unreadable = List.copyOf(unreadable);
        researchDocuments = List.copyOf(researchDocuments);
    }

    /** The {@code .chant} directory. */
    public Path chantDir() {
        return root.resolve(".chant");
    }

    /** The active spec with exactly this ID. */
    public Optional<Spec> activeSpec(SpecId id) {
        return active.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The archived spec with exactly this ID. */
    public Optional<Spec> archivedSpec(SpecId id) {
        return archived.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Active then archived specs. */
    public List<Spec> all() {
        List<Spec> all = new ArrayList<>(active);
        all.addAll(archived);
        return all;
    }

    /** The absolute file of a repository-relative path of this tree. */
    public Path file(String relativePath) {
        return root.resolve(relativePath);
    }
}
