package io.jenkins.plugins.upstreampr.gate;

import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
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
 */
public record GateOutcome(GateRecord record, Optional<UpstreamPullRequest> pullRequest, Map<String, String> artifacts,
        List<String> warnings) {

    public GateOutcome {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(pullRequest, "pullRequest");
        artifacts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(artifacts));
        warnings = List.copyOf(warnings);
    }
}
