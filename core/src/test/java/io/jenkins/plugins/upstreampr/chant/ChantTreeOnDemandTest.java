package io.jenkins.plugins.upstreampr.chant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tree reads a spec file when its ID is first asked for: looking up one ID gives exactly what listing the whole
 * tree gives for it (the spec, its warnings, or the reason it cannot be read), and listing after a lookup still
 * reports every file once.
 */
class ChantTreeOnDemandTest {

    private static final String BROKEN = "2026-02-07-003-brk";

    private final ChantTreeReader reader = new ChantTreeReader();

    @TempDir
    Path temp;

    private Path repo;

    @BeforeEach
    void repo() throws IOException {
        repo = temp.resolve("repo");
        Files.createDirectories(repo.resolve(".chant/specs"));
        Files.writeString(repo.resolve(".chant/config.md"), "---\nproject:\n  name: demo\n---\n# Config\n");
    }

    private void write(String relative, String text) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every kind of outcome: good, malformed YAML, duplicates, active and archived, bad bytes, a bad name. */
    private void mixedTree() throws IOException {
        write(".chant/specs/2026-02-07-001-abc.md", "---\nstatus: completed\n---\n# Good\n");
        write(".chant/specs/" + BROKEN + ".md", "---\nstatus: [pending\n---\n# Broken\n");
        write(".chant/specs/2026-02-07-004-dup.md", "---\nstatus: pending\n---\n# One\n");
        write(".chant/specs/sub/2026-02-07-004-dup.md", "---\nstatus: pending\n---\n# Two\n");
        write(".chant/specs/2026-02-07-005-both.md", "---\nstatus: completed\n---\n# Both\n");
        write(".chant/archive/2026-02-07/2026-02-07-005-both.md", "---\nstatus: completed\n---\n# Both\n");
        write(".chant/archive/2026-02-07/2026-02-07-006-old.md", "---\nstatus: completed\n---\n# Old\n");
        write(".chant/specs/...md", "---\nstatus: pending\n---\n# Dots\n");
        Path bad = repo.resolve(".chant/specs/2026-02-07-007-bin.md");
        Files.write(bad, new byte[] {'-', '-', '-', '\n', (byte) 0xC3, 0x28, '\n', '-', '-', '-', '\n'});
    }

    /** What one ID looks like through the listing of a tree. */
    private static List<Object> viaListing(ChantTree tree, SpecId id) {
        return List.of(tree.active().stream().filter(s -> s.id().equals(id)).toList(),
                tree.archived().stream().filter(s -> s.id().equals(id)).toList(),
                tree.unreadable().stream().filter(u -> id.equals(u.id())).toList());
    }

    /** What one ID looks like through a lookup, on a tree where nothing else was asked for. */
    private static List<Object> viaLookup(ChantTree tree, SpecId id) {
        return List.of(tree.activeSpec(id).stream().toList(), tree.archivedSpec(id).stream().toList(),
                tree.unreadable(id));
    }

    @Test
    void lookingUpOneIdGivesWhatTheListingGivesForIt() throws IOException {
        mixedTree();
        ChantTree listed = reader.read(repo);
        assertThat(listed.unreadable()).extracting(UnreadableSpec::path).containsExactly(
                ".chant/specs/...md", ".chant/specs/" + BROKEN + ".md", ".chant/specs/2026-02-07-004-dup.md",
                ".chant/specs/2026-02-07-007-bin.md", ".chant/specs/sub/2026-02-07-004-dup.md");
        assertThat(reader.read(repo).fileIds()).extracting(SpecId::value).containsExactlyInAnyOrder(
                "2026-02-07-001-abc", BROKEN, "2026-02-07-004-dup", "2026-02-07-005-both", "2026-02-07-006-old",
                "2026-02-07-007-bin");
        assertThat(reader.read(repo).activeFileIds()).extracting(SpecId::value).containsExactlyInAnyOrder(
                "2026-02-07-001-abc", BROKEN, "2026-02-07-004-dup", "2026-02-07-005-both", "2026-02-07-007-bin");
        for (SpecId id : listed.fileIds()) {
            assertThat(viaLookup(reader.read(repo), id)).as(id.value()).isEqualTo(viaListing(listed, id));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FixtureTrees.CHANT_ROOT, FixtureTrees.TDD, FixtureTrees.OSS_MAINTAINER})
    void realTreesGiveTheSameSpecsLookedUpOneByOne(String name) {
        Path root = FixtureTrees.tree(name);
        ChantTree listed = reader.read(root);
        assertThat(listed.fileIds()).isNotEmpty();
        for (SpecId id : listed.fileIds()) {
            assertThat(viaLookup(reader.read(root), id)).as(id.value()).isEqualTo(viaListing(listed, id));
        }
    }

    @Test
    void malformedFrontmatterFoundByLookupIsListedOnceWithTheSameReason() throws IOException {
        mixedTree();
        ChantTree tree = reader.read(repo);
        SpecId broken = new SpecId(BROKEN);

        assertThat(tree.activeSpec(broken)).isEmpty();
        assertThat(tree.unreadable(broken)).singleElement().satisfies(u -> {
            assertThat(u.path()).isEqualTo(".chant/specs/" + BROKEN + ".md");
            assertThat(u.archived()).isFalse();
            assertThat(u.reason()).isEqualTo("malformed YAML frontmatter, line 3: expected ',' or ']', but got "
                    + "<stream end> (while parsing a flow sequence that starts at line 2); fix the YAML between the "
                    + "'---' lines");
        });
        assertThat(tree.unreadable()).filteredOn(u -> broken.equals(u.id()))
                .containsExactlyElementsOf(tree.unreadable(broken));
        assertThat(tree.active()).extracting(s -> s.id().value())
                .containsExactly("2026-02-07-001-abc", "2026-02-07-005-both");
    }

    @Test
    void aFileIsReadWhenItsIdIsFirstAskedForNotWhenTheTreeIsOpened() throws IOException {
        write(".chant/specs/2026-02-07-001-abc.md", "---\nstatus: completed\n---\n# Good\n");
        write(".chant/specs/" + BROKEN + ".md", "---\nstatus: pending\n---\n# Fine for now\n");
        ChantTree tree = reader.read(repo);
        assertThat(tree.activeSpec(new SpecId("2026-02-07-001-abc"))).isPresent();

        write(".chant/specs/" + BROKEN + ".md", "---\nstatus: [pending\n---\n# Broken since\n");

        assertThat(tree.unreadable()).extracting(UnreadableSpec::path)
                .containsExactly(".chant/specs/" + BROKEN + ".md");
        assertThat(tree.active()).extracting(Spec::title).containsExactly("Good");
    }

    @Test
    void threadsAskingForOneIdAtOnceShareOneReading() throws Exception {
        write(".chant/specs/2026-02-07-001-abc.md", "---\nstatus: completed\n---\n# Good\n");
        ChantTree tree = reader.read(repo);
        SpecId id = new SpecId("2026-02-07-001-abc");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Spec>> found = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                found.add(pool.submit(() -> {
                    start.await();
                    return tree.activeSpec(id).orElseThrow();
                }));
            }
            start.countDown();
            Spec first = found.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Spec> f : found) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(tree.active()).singleElement().isSameAs(first);
        } finally {
            pool.shutdownNow();
        }
    }
}
