package io.jenkins.plugins.upstreampr.chant.archive;

import java.util.Objects;

/**
 * A requested spec that an archive run did not move, with the reason (already archived, not eligible, or not
 * moved because another spec of the batch was refused).
 *
 * @param id the spec ID, or the input as given when it does not name a spec
 * @param reason why it was not moved and, where something can be done, what to do
 */
public record SkippedSpec(String id, String reason) {

    public SkippedSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
    }
}
