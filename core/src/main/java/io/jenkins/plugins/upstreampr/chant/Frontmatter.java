package io.jenkins.plugins.upstreampr.chant;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A spec's frontmatter, typed as chant types it ({@code SpecFrontmatter} in chant v0.23.2). Absent lists are
 * empty, absent strings {@code null}. Keys chant does not know are kept by name only ({@link #unknownKeys}).
 */
public record Frontmatter(
        SpecType type,
        SpecStatus status,
        List<String> dependsOn,
        List<String> labels,
        List<String> targetFiles,
        List<String> context,
        String prompt,
        String branch,
        List<String> commits,
        String completedAt,
        String model,
        List<String> tracks,
        List<String> informedBy,
        List<String> origin,
        List<String> members,
        Approval approval,
        Boolean isPublic,
        Set<String> unknownKeys) {

    /** Frontmatter of a file that has none: chant's defaults ({@code code}, {@code pending}). */
    public static final Frontmatter DEFAULTS = new Frontmatter(SpecType.CODE, SpecStatus.PENDING, List.of(),
            List.of(), List.of(), List.of(), null, null, List.of(), null, null, List.of(), List.of(), List.of(),
            List.of(), null, null, Set.of());

    public Frontmatter {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        dependsOn = List.copyOf(dependsOn);
        labels = List.copyOf(labels);
        targetFiles = List.copyOf(targetFiles);
        context = List.copyOf(context);
        commits = List.copyOf(commits);
        tracks = List.copyOf(tracks);
        informedBy = List.copyOf(informedBy);
        origin = List.copyOf(origin);
        members = List.copyOf(members);
        unknownKeys = Set.copyOf(unknownKeys);
    }

    /** Whether the spec declares a work branch other than {@code mainBranch} (drives archive's merge check). */
    public boolean hasWorkBranchOtherThan(String mainBranch) {
        return branch != null && !branch.isEmpty() && !branch.equals(mainBranch);
    }
}
