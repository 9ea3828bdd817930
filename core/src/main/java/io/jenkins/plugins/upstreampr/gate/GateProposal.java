package io.jenkins.plugins.upstreampr.gate;

import io.jenkins.plugins.upstreampr.body.ChangedFile;
import io.jenkins.plugins.upstreampr.body.PullRequestText;
import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import io.jenkins.plugins.upstreampr.github.PreflightReport;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything the person at the gate needs to decide, read before the pause: the staging CI verdict bound to its
 * commit, the upstream base, timing warnings, the specs trail with any unchecked acceptance criteria, the proposed
 * title and body, the files the specs say the change touches and the files the branch actually changes.
 *
 * @param repositoryRoot the repository holding {@code .chant/}
 * @param text the proposed title and body, and the files the specs declare ({@link PullRequestText#changedFiles()})
 * @param changes what the branch actually changes, read from the local git repository (or why it could not be)
 * @param warnings every warning to show: staging, existing pull request, timing, trail gaps, uncounted checklists,
 *     unknown actual changes, and each disagreement between the declared and the actual changes
 */
public record GateProposal(GateRequest request, Path repositoryRoot, PreflightReport preflight, SpecTrail trail,
        PullRequestText text, BranchChanges changes, List<CriteriaGap> uncheckedCriteria, List<String> warnings) {

    public GateProposal {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(repositoryRoot, "repositoryRoot");
        Objects.requireNonNull(preflight, "preflight");
        Objects.requireNonNull(trail, "trail");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(changes, "changes");
        uncheckedCriteria = List.copyOf(uncheckedCriteria);
        warnings = List.copyOf(warnings);
    }

    /** What the staging CI gave: its head commit, the checks and the verdict on them. */
    public StagingVerdict ci() {
        return preflight.ci();
    }

    /**
     * The checks that stand in the way of approval and that a person may override with a reason
     * ({@link OverridableBlock}), in declaration order.
     */
    public List<OverridableBlock> overridableBlocks() {
        return Arrays.stream(OverridableBlock.values()).filter(b -> b.blocks(this)).toList();
    }

    /** The paths the specs of the trail declare ({@code target_files} of its code specs). */
    public List<String> declaredFiles() {
        return text.changedFiles().stream().map(ChangedFile::path).toList();
    }

    /** Files the branch changes that no spec of the trail names ({@code .chant/} left out); empty when unknown. */
    public List<BranchChanges.Change> undeclaredChanges() {
        return changes.undeclared(declaredFiles());
    }

    /**
     * Files a spec of the trail names that the branch does not change ({@code .chant/} left out); empty when
     * unknown.
     */
    public List<String> unchangedDeclaredFiles() {
        return changes.unchanged(declaredFiles());
    }

    /** Repository-relative paths of the trail's specs and of the documents that informed them ({@link SpecTrail#files()}). */
    public List<String> trailFiles() {
        return trail.files();
    }
}
