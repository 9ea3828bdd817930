package io.jenkins.plugins.upstreampr.chant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader's cache, on real files: a listing with the cache is the listing without it; a file changed, added,
 * removed or renamed is read again; a damaged cache file is ignored and replaced; files modified just before the
 * read, and links, are never taken from the cache; and the one change the stamp cannot see (same size, old time
 * restored) is caught when the body is read.
 */
class SpecCacheTest {

    private static final String ID = "2026-03-01-001-abc";
    private static final String SPEC = ".chant/specs/" + ID + ".md";
    private static final FileTime AN_HOUR_AGO = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);

    @TempDir
    Path temp;

    private Path repo;
    private SpecCache cache;

    @BeforeEach
    void repo() throws IOException {
        repo = temp.resolve("repo");
        cache = new SpecCache(temp.resolve("cache"));
        Files.createDirectories(repo.resolve(".chant/specs"));
        Files.writeString(repo.resolve(".chant/config.md"), "---\nproject:\n  name: demo\n---\n# Config\n");
        write(SPEC, "---\nstatus: pending\nlabels: [a, b]\n---\n# Add retries\n\n## Acceptance Criteria\n\n"
                + "- [x] one\n- [ ] two\n");
        write(".chant/specs/2026-03-01-002-def.md", "---\nstatus: completed\nbranch: fix/x\n---\n# Other\n");
        write(".chant/specs/2026-03-01-003-bad.md", "---\nstatus: [pending\n---\n# Broken YAML\n");
        write(".chant/archive/2026-02-01/2026-02-01-001-old.md", "---\nstatus: completed\n---\n# Old\n");
        settleAll();
    }

    /** No cache file is being written when the temporary directory is removed. */
    @AfterEach
    void finishWrites() {
        cache.finish();
    }

    private void write(String relative, String text) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every spec file last modified an hour ago, long enough for the cache to keep what it gives. */
    private void settleAll() throws IOException {
        try (Stream<Path> walk = Files.walk(repo.resolve(".chant"))) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    Files.setLastModifiedTime(p, AN_HOUR_AGO);
                }
            }
        }
    }

    /** Rewrites a file in place (same inode) and gives it back a modification time. */
    private void rewriteInPlace(String relative, String from, String to, FileTime time) throws IOException {
        Path file = repo.resolve(relative);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.write(file, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(file, time);
    }

    private ChantTree cached() {
        return new ChantTreeReader(cache).read(repo);
    }

    /** A listing with the cache, once its cache file is written. */
    private ChantTree listed() {
        ChantTree tree = cached();
        tree.active();
        cache.finish();
        return tree;
    }

    private ChantTree uncached() {
        return new ChantTreeReader().read(repo);
    }

    /** What a listing shows: specs with body and criteria, unreadable files. */
    private static List<Object> listing(ChantTree tree) {
        return List.of(tree.active(), tree.archived(), tree.unreadable(),
                tree.active().stream().map(AcceptanceCriteria::of).toList(),
                tree.archived().stream().map(AcceptanceCriteria::of).toList());
    }

    private SpecStatus status(ChantTree tree) {
        return tree.activeSpec(new SpecId(ID)).orElseThrow().status();
    }

    @ParameterizedTest
    @ValueSource(strings = {FixtureTrees.OSS_MAINTAINER, FixtureTrees.TDD, FixtureTrees.CHANT_ROOT})
    void theRealTreesListTheSameWithAndWithoutTheCacheAndTheSecondReadComesFromIt(String fixture) throws IOException {
        repo = FixtureTrees.copy(fixture, temp.resolve(fixture));
        settleAll();
        List<Object> plain = listing(uncached());

        assertThat(listing(cached())).isEqualTo(plain);
        cache.finish();
        Path file = cache.file(repo.toRealPath());
        assertThat(file).isRegularFile();
        assertThat(cache.read(repo.toRealPath())).isNotEmpty();
        FileTime written = Files.getLastModifiedTime(file);

        ChantTree second = cached();
        assertThat(listing(second)).isEqualTo(plain); // bodies read on demand, equal to those of the plain read
        cache.finish();
        assertThat(Files.getLastModifiedTime(file)).as("nothing changed, nothing written").isEqualTo(written);
    }

    @Test
    void aSpecRewrittenToTheSameSizeWithItsOldTimeRestoredIsListedFromTheCacheButItsBodyIsRefused()
            throws IOException {
        listed();
        rewriteInPlace(SPEC, "status: pending", "status: blocked", AN_HOUR_AGO);

        ChantTree tree = cached();
        assertThat(status(tree)).as("the one change the stamp cannot see").isEqualTo(SpecStatus.PENDING);
        Spec spec = tree.activeSpec(new SpecId(ID)).orElseThrow();
        assertThatThrownBy(spec::body).isInstanceOf(ChantException.class)
                .hasMessageContaining(SPEC + " changed while upstream-pr was using it")
                .hasMessageContaining("run the command again");
        assertThat(status(uncached())).isEqualTo(SpecStatus.BLOCKED);
    }

    @Test
    void aSpecChangedToTheSameSizeWithAnotherTimeIsReadAgain() throws IOException {
        listed();
        rewriteInPlace(SPEC, "status: pending", "status: blocked", FileTime.fromMillis(AN_HOUR_AGO.toMillis() + 1));

        assertThat(status(cached())).isEqualTo(SpecStatus.BLOCKED);
    }

    @Test
    void aSpecChangedToAnotherSizeWithItsOldTimeIsReadAgain() throws IOException {
        listed();
        rewriteInPlace(SPEC, "- [ ] two", "- [x] two, done", AN_HOUR_AGO);

        ChantTree tree = cached();
        assertThat(AcceptanceCriteria.of(tree.activeSpec(new SpecId(ID)).orElseThrow()))
                .isEqualTo(new AcceptanceCriteria(2, 2));
        assertThat(listing(tree)).isEqualTo(listing(uncached()));
    }

    @Test
    void addedRemovedAndRenamedSpecsAreReadAgain() throws IOException {
        listed();
        write(".chant/specs/2026-03-01-004-new.md", "---\nstatus: ready\n---\n# New\n");
        Files.delete(repo.resolve(".chant/specs/2026-03-01-002-def.md"));
        // a rename keeps the inode, the size and the time: only the path differs
        Files.move(repo.resolve(".chant/archive/2026-02-01/2026-02-01-001-old.md"),
                repo.resolve(".chant/archive/2026-02-01/2026-02-01-009-old.md"));
        settleAll();

        ChantTree tree = listed();
        assertThat(tree.active()).extracting(s -> s.id().value())
                .containsExactly(ID, "2026-03-01-004-new");
        assertThat(tree.archived()).extracting(Spec::path)
                .containsExactly(".chant/archive/2026-02-01/2026-02-01-009-old.md");
        assertThat(listing(tree)).isEqualTo(listing(uncached()));
        assertThat(cache.read(repo.toRealPath())).containsOnlyKeys(SPEC, ".chant/specs/2026-03-01-003-bad.md",
                ".chant/specs/2026-03-01-004-new.md", ".chant/archive/2026-02-01/2026-02-01-009-old.md");
    }

    @Test
    void aFileThatCannotBeASpecIsKeptWithItsReasonAndListedTheSame() throws IOException {
        List<Object> plain = listing(uncached());
        listed();
        assertThat(cache.read(repo.toRealPath()).get(".chant/specs/2026-03-01-003-bad.md").problem())
                .contains("malformed YAML frontmatter");

        assertThat(listing(cached())).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "truncated", "flipped byte", "empty"})
    void aDamagedCacheFileIsIgnoredAndReplaced(String damage) throws IOException {
        listed();
        Path file = cache.file(repo.toRealPath());
        byte[] good = Files.readAllBytes(file);
        byte[] bad = switch (damage) {
            case "garbage" -> "not a cache file at all, but long enough to be read".getBytes(StandardCharsets.UTF_8);
            case "truncated" -> Arrays.copyOf(good, good.length / 2);
            case "flipped byte" -> {
                byte[] b = good.clone();
                b[b.length / 2] ^= 0x20;
                yield b;
            }
            default -> new byte[0];
        };
        Files.write(file, bad);
        rewriteInPlace(SPEC, "status: pending", "status: blocked", AN_HOUR_AGO);

        ChantTree tree = listed();
        assertThat(status(tree)).as("read again: the damaged file gave nothing").isEqualTo(SpecStatus.BLOCKED);
        assertThat(listing(tree)).isEqualTo(listing(uncached()));
        Map<String, SpecCache.Entry> replaced = cache.read(repo.toRealPath());
        assertThat(replaced).hasSize(4);
        assertThat(replaced.get(SPEC).frontmatter().status()).isEqualTo(SpecStatus.BLOCKED);
    }

    @Test
    void aCacheFileOfAnotherRepositoryIsNotUsed() throws IOException {
        listed();
        Path other = temp.resolve("other");
        Files.createDirectories(other);
        Path file = cache.file(repo.toRealPath());
        Files.copy(file, cache.file(other.toRealPath()));

        assertThat(cache.read(other.toRealPath())).isEmpty();
    }

    @Test
    void aSpecModifiedJustBeforeTheReadIsNotKept() throws IOException {
        FileTime justNow = FileTime.fromMillis(System.currentTimeMillis());
        Files.setLastModifiedTime(repo.resolve(SPEC), justNow);
        listed();
        assertThat(cache.read(repo.toRealPath())).doesNotContainKey(SPEC).hasSize(3);

        // written again within the same tick of the clock: the stamp would be the same, the content is not
        rewriteInPlace(SPEC, "status: pending", "status: blocked", justNow);
        assertThat(status(cached())).isEqualTo(SpecStatus.BLOCKED);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege on Windows")
    void aSpecThatIsASymbolicLinkIsAlwaysReadThroughTheLink() throws IOException {
        Path target = repo.resolve("docs/spec.md");
        Files.createDirectories(target.getParent());
        Files.move(repo.resolve(SPEC), target);
        Files.createSymbolicLink(repo.resolve(SPEC), Path.of("../../docs/spec.md"));
        listed();
        assertThat(cache.read(repo.toRealPath())).doesNotContainKey(SPEC);

        Files.write(target, Files.readString(target).replace("status: pending", "status: blocked")
                .getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(target, AN_HOUR_AGO);
        assertThat(status(cached())).isEqualTo(SpecStatus.BLOCKED);
    }

    @Test
    void lookingUpOneSpecUsesTheCacheButWritesNothing() throws IOException {
        new ChantTreeReader(cache).read(repo).activeSpec(new SpecId(ID)).orElseThrow();
        cache.finish();
        assertThat(cache.file(repo.toRealPath())).doesNotExist();
    }

    @Test
    void theUsersCacheFollowsXdgAndCanBeTurnedOff() {
        Map<String, String> xdg = Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/me");
        assertThat(SpecCache.forUser(xdg::get)).get().extracting(SpecCache::directory)
                .isEqualTo(Path.of("/x/cache/upstream-pr/specs"));
        Map<String, String> home = Map.of("HOME", "/home/me", "XDG_CACHE_HOME", "relative");
        assertThat(SpecCache.forUser(home::get)).get().extracting(SpecCache::directory)
                .isEqualTo(Path.of("/home/me/.cache/upstream-pr/specs"));
        Map<String, String> off = Map.of("HOME", "/home/me", "UPSTREAM_PR_CACHE", "off");
        assertThat(SpecCache.forUser(off::get)).isEmpty();
        assertThat(SpecCache.forUser(Map.<String, String>of()::get)).isEmpty();
    }
}
