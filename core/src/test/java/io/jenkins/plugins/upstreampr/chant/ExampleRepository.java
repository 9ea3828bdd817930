package io.jenkins.plugins.upstreampr.chant;

import java.nio.file.Files;
import java.nio.file.Path;

/** The example repository bundled with the project ({@code examples/kvstore/} at the root of the build). */
public final class ExampleRepository {
    public static final String IMPLEMENTATION = "2026-11-20-005-v7b";
    public static final String UPSTREAM_PR = "2026-11-20-006-w2d";

    private ExampleRepository() {
    }

    /** The root of the example repository (read-only: copy it before writing). */
    public static Path kvstore() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples/kvstore/.chant"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("examples/kvstore not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("examples/kvstore");
    }
}
