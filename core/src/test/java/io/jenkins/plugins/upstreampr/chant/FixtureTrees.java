package io.jenkins.plugins.upstreampr.chant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The real chant trees copied from lex00/chant (see {@code chant-fixtures/PROVENANCE.md}), and copies of them in
 * a temporary directory for tests that write.
 */
public final class FixtureTrees {
    public static final String OSS_MAINTAINER = "lex00-chant-example-oss-maintainer-workflow";
    public static final String TDD = "lex00-chant-example-tdd-workflow";
    public static final String CHANT_ROOT = "lex00-chant-root-2026-02-07";

    private FixtureTrees() {
    }

    /** The read-only fixture tree (its root holds {@code .chant/}). */
    public static Path tree(String name) {
        try {
            return Path.of(FixtureTrees.class.getResource("/chant-fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a fixture tree into {@code target} (which is created) and returns {@code target}. */
    public static Path copy(String name, Path target) {
        Path source = tree(name);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
