package io.jenkins.plugins.upstreampr.jenkins;

import hudson.AbortException;
import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.chant.SpecResolver;
import java.time.Clock;

/**
 * Reads the controller copy of {@code .chant/} with the engine and resolves a spec ID the way chant does, turning
 * the engine's refusals into step failures with the engine's own message (which names the input and the
 * candidates).
 */
final class ChantSpecs {

    private ChantSpecs() {}

    /** The tree of the copy and the resolved ID of {@code spec}. */
    record Resolved(ChantTree tree, SpecId id) {}

    static Resolved resolve(ControllerChantCopy copy, String spec) throws AbortException {
        try {
            ChantTree tree = new ChantTreeReader().read(copy.repositoryRoot());
            return new Resolved(tree, new SpecResolver(Clock.systemDefaultZone()).resolve(tree, spec));
        } catch (ChantException e) {
            throw new AbortException("spec '" + spec + "': " + e.getMessage());
        }
    }
}
