package io.jenkins.plugins.upstreampr.gate;

import io.jenkins.plugins.upstreampr.body.PullRequestText;
import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import io.jenkins.plugins.upstreampr.github.PreflightReport;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the person at the gate needs to decide, read before the pause: the staging CI verdict bound to its
 * commit, the upstream base, timing warnings, the specs trail with any unchecked acceptance criteria, the proposed
 * title and body and the files the change touches.
 *
 * @param repositoryRoot the repository holding {@code .chant/}
 * @param warnings every warning to show: staging, existing pull request, timing, trail gaps, uncounted checklists
 */
public record GateProposal(GateRequest request, Path repositoryRoot, PreflightReport preflight, SpecTrail trail, PullRequestText text,
        List<CriteriaGap> uncheckedCriteria, List<String> warnings) {

    /** Override name for approving during a declared freeze. */
    public static final String FREEZE = "freeze";
    /** Override name for approving with unchecked acceptance criteria in the trail. */
    public static final String UNCHECKED_CRITERIA = "unchecked-criteria";

    public GateProposal {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(repositoryRoot, "repositoryRoot");
        Objects.requireNonNull(preflight, "preflight");
        Objects.requireNonNull(trail, "trail");
        Objects.requireNonNull(text, "text");
        uncheckedCriteria = List.copyOf(uncheckedCriteria);
        warnings = List.copyOf(warnings);
    }

    public StagingVerdict verdict() {
        return preflight.verdict();
    }

    /**
     * The checks that stand in the way of approval and that a person may override with a reason
     * ({@link #FREEZE}, {@link #UNCHECKED_CRITERIA}). A red or pending staging verdict is not among them: it cannot
     * be overridden.
     */
    public List<String> overridableBlocks() {
        List<String> blocks = new ArrayList<>();
        if (preflight.timing().frozen()) {
            blocks.add(FREEZE);
        }
        if (!uncheckedCriteria.isEmpty()) {
            blocks.add(UNCHECKED_CRITERIA);
        }
        return blocks;
    }

    /** Repository-relative paths of the trail's specs and of the documents that informed them ({@link SpecTrail#files()}). */
    public List<String> trailFiles() {
        return trail.files();
    }
}
