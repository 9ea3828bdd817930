package io.jenkins.plugins.upstreampr.cli;

import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.SpecCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --dir D} option every command takes (mix it in with {@code @Mixin RepositoryOption repository;}):
 * the root of the repository that holds {@code .chant/}, by default the current directory.
 */
public final class RepositoryOption {

    @Option(names = "--dir", paramLabel = "D", defaultValue = ".",
            description = "Root of the repository that holds .chant/ (default: the current directory).")
    private Path dir;

    /** The repository root as given. */
    public Path dir() {
        return dir;
    }

    /** Reads the repository's chant tree. */
    public ChantTree readTree() {
        return new ChantTreeReader().read(dir);
    }

    /** Reads the repository's chant tree, with what {@code cache} kept of unchanged spec files. */
    public ChantTree readTree(SpecCache cache) {
        return new ChantTreeReader(cache).read(dir);
    }
}
