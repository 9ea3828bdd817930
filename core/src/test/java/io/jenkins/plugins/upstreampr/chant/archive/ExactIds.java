package io.jenkins.plugins.upstreampr.chant.archive;

import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.chant.SpecId;

/** Resolution by exact full ID only: what the tests pass as SpecArchive's resolver when partial IDs do not matter. */
final class ExactIds {

    private ExactIds() {
    }

    static SpecId resolve(ChantTree tree, String input) {
        SpecId id = new SpecId(input);
        if (tree.activeSpec(id).isEmpty()) {
            throw new Refusal("Spec not found: " + input);
        }
        return id;
    }
}
