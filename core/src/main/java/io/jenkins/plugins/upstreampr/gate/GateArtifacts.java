package io.jenkins.plugins.upstreampr.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.upstreampr.chant.ChantException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes what a pass through the gate leaves behind into a staging directory, ready to be archived (by Jenkins'
 * {@code ArtifactManager}, or kept by the CLI's {@code --artifacts DIR}):
 * <ul>
 *   <li>{@code upstream-pr/gate-record.json}: the {@link GateRecord};</li>
 *   <li>{@code upstream-pr/pull-request.md}: the title and body as decided;</li>
 *   <li>{@code upstream-pr/chant/...}: a copy of each spec and research document of the trail, under its
 *       repository path without the leading dot ({@code .chant/specs/X.md} → {@code upstream-pr/chant/specs/X.md}).</li>
 * </ul>
 * Only files inside the repository are copied; a path that leaves it (through {@code ..} or a symbolic link) is
 * refused.
 */
public final class GateArtifacts {

    /** The folder every artifact of the gate lives in. */
    public static final String FOLDER = "upstream-pr";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GateArtifacts() {
    }

    /**
     * Writes the artifacts into {@code target} and returns them as artifact name → path relative to
     * {@code target} (the two are equal; the shape is what {@code ArtifactManager.archive} takes).
     *
     * @param repositoryRoot the repository holding {@code .chant/}
     * @param trailFiles repository-relative paths of the specs and documents to keep
     */
    public static Map<String, String> write(Path target, GateRecord record, String title, String body,
            Path repositoryRoot, Collection<String> trailFiles) throws IOException {
        Map<String, String> artifacts = new LinkedHashMap<>();
        Path folder = target.resolve(FOLDER);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("gate-record.json"), JSON.writeValueAsString(record) + "\n",
                StandardCharsets.UTF_8);
        artifacts.put(FOLDER + "/gate-record.json", FOLDER + "/gate-record.json");
        Files.writeString(folder.resolve("pull-request.md"), "# " + (title == null ? "" : title) + "\n\n" + body
                + (body.endsWith("\n") ? "" : "\n"), StandardCharsets.UTF_8);
        artifacts.put(FOLDER + "/pull-request.md", FOLDER + "/pull-request.md");

        artifacts.putAll(writeTrail(target, repositoryRoot, trailFiles));
        return artifacts;
    }

    /**
     * Writes only the copies of the trail's files ({@code upstream-pr/chant/...}) into {@code target}, for a front
     * end that archives the trail without a gate decision (the Jenkins {@code archiveChantSpecs} step). Same names and
     * the same refusal of paths outside the repository as {@link #write}.
     *
     * @param repositoryRoot the repository holding {@code .chant/}
     * @param trailFiles repository-relative paths of the specs and documents to keep ({@code SpecTrail.files()})
     * @return artifact name → path relative to {@code target}
     */
    public static Map<String, String> writeTrail(Path target, Path repositoryRoot, Collection<String> trailFiles)
            throws IOException {
        Map<String, String> artifacts = new LinkedHashMap<>();
        Path repo = repositoryRoot.toRealPath();
        for (String rel : trailFiles) {
            Path source = repo.resolve(rel).normalize();
            if (!source.startsWith(repo) || !Files.isRegularFile(source)
                    || !source.toRealPath().startsWith(repo)) {
                throw new ChantException("Cannot archive '" + rel + "': it is not a file inside the repository "
                        + repositoryRoot + "; check the spec's informed_by and depends_on entries");
            }
            String name = FOLDER + "/" + repo.relativize(source).toString()
                    .replace(File.separatorChar, '/').replaceFirst("^\\.", "");
            Path dest = target.resolve(name);
            Files.createDirectories(dest.getParent());
            Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
            artifacts.put(name, name);
        }
        return artifacts;
    }
}
