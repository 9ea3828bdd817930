package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChantCopiesTest {

    @TempDir
    Path build;

    private ChantCopies copies() {
        return new ChantCopies(build.resolve("upstream-pr").resolve("copies"));
    }

    private static ChantCopies.Copy take(ChantCopies copies, String spec) throws Exception {
        ChantCopies.Copy copy = copies.start();
        Path specs = Files.createDirectories(copy.repositoryRoot().resolve(".chant/specs"));
        Files.writeString(specs.resolve(spec + ".md"), "# " + spec + "\n");
        copies.complete(copy, spec, "2026-01-15-001-" + spec);
        return copy;
    }

    @Test
    void thereIsNoCopyBeforeOneIsTaken() throws Exception {
        assertThat(copies().newest(null)).isEmpty();
        assertThat(copies().named("1")).isEmpty();
        assertThat(copies().named(null)).isEmpty();
    }

    @Test
    void aNewCopyNeverTouchesTheOneAReaderKeeps() throws Exception {
        ChantCopies copies = copies();
        ChantCopies.Copy first = take(copies, "first");
        Path readersFile = first.repositoryRoot().resolve(".chant/specs/first.md");

        ChantCopies.Copy second = take(copies, "second");

        assertThat(second.name()).isNotEqualTo(first.name());
        assertThat(copies.newest(null)).contains(second);
        assertThat(copies.named(first.name())).contains(first);
        assertThat(readersFile).hasContent("# first");
        assertThat(second.repositoryRoot().resolve(".chant/specs/first.md")).doesNotExist();
    }

    @Test
    void aCopyIsPickedOnlyOnceItIsWhole() throws Exception {
        ChantCopies copies = copies();
        ChantCopies.Copy whole = take(copies, "whole");

        ChantCopies.Copy unfinished = copies.start();
        assertThat(unfinished.repositoryRoot()).isEmptyDirectory().isNotEqualTo(whole.repositoryRoot());
        Files.createDirectories(unfinished.repositoryRoot().resolve(".chant/specs"));

        assertThat(copies.newest(null)).contains(whole);
        assertThat(copies.named(unfinished.name())).isEmpty();
        copies.complete(unfinished, "late", "2026-01-15-002-late");
        assertThat(copies.newest(null)).contains(unfinished);
    }

    @Test
    void aStepWithoutACopyOfItsOwnPicksTheNewestTakenForItsSpecElseTheNewest() throws Exception {
        ChantCopies copies = copies();
        ChantCopies.Copy a = take(copies, "a");
        ChantCopies.Copy b = take(copies, "b");

        assertThat(copies.newest("a")).contains(a);
        assertThat(copies.newest(" a ")).contains(a);
        assertThat(copies.newest("2026-01-15-001-a")).as("the full ID it resolved to").contains(a);
        assertThat(copies.newest("b")).contains(b);
        assertThat(copies.newest("c")).as("no copy for c").contains(b);

        ChantCopies.Copy a2 = take(copies, "a");
        assertThat(copies.newest("a")).contains(a2);
        assertThat(copies.newest("b")).contains(b);
    }

    @Test
    void aNameThatIsNoCopyIsNoneAndNeverLeavesTheFolder() throws Exception {
        ChantCopies copies = copies();
        take(copies, "one");

        assertThat(copies.named("../copies/1")).isEmpty();
        assertThat(copies.named("repository")).isEmpty();
        assertThat(copies.named("7")).isEmpty();
    }

    @Test
    void copiesTakenAtTheSameTimeEachGetTheirOwnFolder() throws Exception {
        ChantCopies copies = copies();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ChantCopies.Copy>> takes = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String spec = "spec-" + i;
                takes.add(() -> take(copies, spec));
            }
            Set<String> names = new HashSet<>();
            for (Future<ChantCopies.Copy> copy : pool.invokeAll(takes)) {
                names.add(copy.get().name());
                try (var files = Files.list(copy.get().repositoryRoot().resolve(".chant/specs"))) {
                    assertThat(files).hasSize(1);
                }
            }
            assertThat(names).hasSize(32);
            assertThat(copies.newest(null).orElseThrow().name()).isEqualTo("32");
            assertThat(copies.newest("spec-7").orElseThrow().repositoryRoot().resolve(".chant/specs/spec-7.md"))
                    .exists();
        } finally {
            pool.shutdownNow();
        }
    }
}
