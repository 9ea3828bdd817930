package io.jenkins.plugins.upstreampr.jenkins.params;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The copies of {@code .chant/} a build keeps on the controller, in one folder: each copy is a numbered folder
 * ({@code 1/}, {@code 2/}, ...) holding the repository root ({@code repository/}) and, once the copy is whole, a
 * marker ({@code copy-complete}). A copy is written once and never changed or removed while the build runs, so a
 * step that reads one (the engine reads spec files when it needs them) keeps reading it while a step in another
 * {@code parallel} branch takes a new copy: taking a copy never touches an earlier one, and a reader picks a whole
 * copy and sticks to it ({@link #named}), or the newest whole copy taken for its spec, else the newest of all
 * ({@link #newest}). A copy holds the files outside {@code .chant/} of one spec's trail (the spec it was taken for,
 * which its marker names), so a gate on spec A picks a copy taken for A over a newer one taken for B in another branch.
 *
 * <p>The cost is disk: every copy stays until the build is deleted (a {@code .chant/} tree is small).
 *
 * @param folder where the copies live (it may not exist yet)
 */
public record ChantCopies(Path folder) {

    static final String REPOSITORY = "repository";
    static final String COMPLETE_MARKER = "copy-complete";

    /** One copy: its name (the number) and its repository root, the folder holding {@code .chant/}. */
    public record Copy(String name, Path repositoryRoot) {}

    /**
     * A new, empty copy, numbered after every copy there is (including copies being taken right now, in other
     * threads: creating the numbered folder is what claims the number). Its repository root exists and is empty.
     */
    public Copy start() throws IOException {
        Files.createDirectories(folder);
        long number = highest() + 1;
        while (true) {
            Path slot = folder.resolve(Long.toString(number));
            try {
                Files.createDirectory(slot);
            } catch (FileAlreadyExistsException taken) {
                number++;
                continue;
            }
            Path root = slot.resolve(REPOSITORY);
            Files.createDirectory(root);
            return new Copy(Long.toString(number), root);
        }
    }

    /**
     * Marks {@code copy} whole, once everything is in it; from now on readers may pick it.
     *
     * @param spec the spec it was taken for, as the step was given it and as it resolved (its full ID)
     */
    public void complete(Copy copy, String spec, String specId) throws IOException {
        Files.writeString(marker(copy), spec + "\n" + specId + "\n", StandardCharsets.UTF_8);
    }

    /** The whole copy named {@code name}; empty when the name is null or names no whole copy. */
    public Optional<Copy> named(String name) {
        if (name == null || !name.matches("[0-9]+")) {
            return Optional.empty();
        }
        Path slot = folder.resolve(name);
        return Files.isRegularFile(slot.resolve(COMPLETE_MARKER))
                ? Optional.of(new Copy(name, slot.resolve(REPOSITORY)))
                : Optional.empty();
    }

    /**
     * The whole copy with the highest number taken for {@code spec} (the text a step was given, or the full ID it
     * resolved to), else the whole copy with the highest number; empty when there is none.
     */
    public Optional<Copy> newest(String spec) throws IOException {
        Optional<Copy> newest = Optional.empty();
        for (long number = highest(); number > 0; number--) {
            Optional<Copy> copy = named(Long.toString(number));
            if (copy.isEmpty()) {
                continue;
            }
            if (spec != null && Files.readAllLines(marker(copy.get()), StandardCharsets.UTF_8)
                    .contains(spec.strip())) {
                return copy;
            }
            if (newest.isEmpty()) {
                newest = copy;
            }
        }
        return newest;
    }

    /** The marker of a whole copy, in its numbered folder (named by the copy, never by a path that may have none). */
    private Path marker(Copy copy) {
        return folder.resolve(copy.name()).resolve(COMPLETE_MARKER);
    }

    private long highest() throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long highest = 0;
        try (DirectoryStream<Path> slots = Files.newDirectoryStream(folder)) {
            for (Path slot : slots) {
                Path file = slot.getFileName();
                String name = file == null ? "" : file.toString();
                if (name.matches("[0-9]{1,18}")) {
                    highest = Math.max(highest, Long.parseLong(name));
                }
            }
        }
        return highest;
    }
}
