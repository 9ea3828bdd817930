package io.jenkins.plugins.upstreampr.jenkins;

import hudson.AbortException;
import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.SpecResolver;
import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Reads a {@code .chant/} tree with the engine and takes the trail of a spec the way the gate does (the ID resolved as
 * chant resolves it, archived specs included), turning the engine's refusals into step failures with the engine's own
 * message, which names the input and the candidates.
 */
final class ChantSpecs {

    private ChantSpecs() {}

    /** The tree of the repository at {@code repositoryRoot} (the directory holding {@code .chant/}). */
    static ChantTree read(Path repositoryRoot) throws AbortException {
        try {
            return new ChantTreeReader().read(repositoryRoot);
        } catch (ChantException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** The trail of {@code spec} in {@code tree}. */
    static SpecTrail trail(ChantTree tree, String spec) throws AbortException {
        try {
            return SpecTrail.of(tree, new SpecResolver(Clock.systemDefaultZone()).resolveIncludingArchived(tree, spec));
        } catch (ChantException e) {
            throw new AbortException("spec '" + spec + "': " + e.getMessage());
        }
    }
}
