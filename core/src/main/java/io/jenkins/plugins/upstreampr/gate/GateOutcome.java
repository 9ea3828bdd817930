package io.jenkins.plugins.upstreampr.gate;

import io.jenkins.plugins.upstreampr.github.PlannedWrite;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import io.jenkins.plugins.upstreampr.github.WritePlan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of one pass through the gate.
 *
 * @param record what was decided and done, as archived
 * @param pullRequest the upstream pull request, when approved (opened now, or found already open)
 * @param artifacts artifact name → path relative to the artifacts directory; empty when none was given
 * @param warnings everything a person should read afterwards
 * @param dryRun whether this was a dry run: nothing was written to GitHub or to the artifacts; {@code pullRequest}
 *        is then the one that would be opened (its number a placeholder, {@link WritePlan#isPlaceholder}) or found
 * @param plannedWrites in a dry run, the writes that would have been sent, in order; empty otherwise
 */
public record GateOutcome(GateRecord record, Optional<UpstreamPullRequest> pullRequest, Map<String, String> artifacts,
        List<String> warnings, boolean dryRun, List<PlannedWrite> plannedWrites) {

    public GateOutcome {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(pullRequest, "pullRequest");
        artifacts = Collections.unmodifiableMap(new LinkedHashMap<>(artifacts));
        warnings = List.copyOf(warnings);
        plannedWrites = List.copyOf(plannedWrites);
    }

    /** The outcome of a gate that carried out the decision (not a dry run). */
    public GateOutcome(GateRecord record, Optional<UpstreamPullRequest> pullRequest, Map<String, String> artifacts,
            List<String> warnings) {
        this(record, pullRequest, artifacts, warnings, false, List.of());
    }
}
