package io.jenkins.plugins.upstreampr.chant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on bad input (issue 2 §4): every case gives an exact, actionable message, and the reader never
 * changes a file.
 */
class ChantTreeReaderBadInputTest {

    private final ChantTreeReader reader = new ChantTreeReader();

    @TempDir
    Path temp;

    private Path repo;
    private Path specs;

    @BeforeEach
    void repo() throws IOException {
        repo = temp.resolve("repo");
        specs = repo.resolve(".chant/specs");
        Files.createDirectories(specs);
        Files.writeString(repo.resolve(".chant/config.md"), "---\nproject:\n  name: demo\n---\n# Config\n");
    }

    private Path spec(String name, String text) throws IOException {
        Path file = specs.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Reads the tree and checks that reading changed no file. */
    private ChantTree read() {
        Map<String, String> before = snapshot(temp);
        ChantTree tree = reader.read(repo);
        assertThat(snapshot(temp)).as("files after reading").isEqualTo(before);
        return tree;
    }

    private static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    files.put(key, "link to " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    files.put(key, HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } else {
                    files.put(key, "dir");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private UnreadableSpec onlyUnreadable(ChantTree tree) {
        assertThat(tree.active()).isEmpty();
        assertThat(tree.unreadable()).hasSize(1);
        return tree.unreadable().get(0);
    }

    @Test
    void noChantDirectory() throws IOException {
        Path plain = Files.createDirectories(temp.resolve("plain"));
        assertThatThrownBy(() -> reader.read(plain))
                .isExactlyInstanceOf(ChantException.class)
                .hasMessage("No .chant/ directory in " + plain + ": run this in the root of a repository that uses "
                        + "chant, or pass its root with --dir");
        Path missing = temp.resolve("missing");
        assertThatThrownBy(() -> reader.read(missing))
                .isExactlyInstanceOf(ChantException.class)
                .hasMessage("Directory " + missing + " does not exist: pass the root of a repository that uses "
                        + "chant (--dir)");
        Path file = Files.writeString(temp.resolve("file.txt"), "x");
        assertThatThrownBy(() -> reader.read(file))
                .isExactlyInstanceOf(ChantException.class)
                .hasMessage(file + " is not a directory: pass the root of a repository that uses chant (--dir)");
    }

    @Test
    void chantIsAFileNotADirectory() throws IOException {
        Path odd = Files.createDirectories(temp.resolve("odd"));
        Files.writeString(odd.resolve(".chant"), "not a directory");
        assertThatThrownBy(() -> reader.read(odd))
                .isExactlyInstanceOf(ChantException.class)
                .hasMessageStartingWith("No .chant/ directory in " + odd);
    }

    @Test
    void emptyTree() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty/.chant")).getParent();
        ChantTree tree = reader.read(empty);
        assertThat(tree.active()).isEmpty();
        assertThat(tree.archived()).isEmpty();
        assertThat(tree.unreadable()).isEmpty();
        assertThat(tree.researchDocuments()).isEmpty();
        assertThat(tree.config().problem())
                .isEqualTo(".chant/config.md is missing; chant needs it (run `chant init`)");
        assertThatThrownBy(() -> new SpecResolver(Clock.systemDefaultZone()).resolve(tree, "001"))
                .isInstanceOf(Refusal.class)
                .hasMessage("Spec not found: 001. There is no .chant/specs/ directory (chant would say "
                        + "\"Not a chant project\"), and no archived spec matches; run `chant init` or pass the "
                        + "repository root with --dir.");
    }

    @Test
    void emptySpecsDirectory() {
        ChantTree tree = read();
        assertThat(tree.all()).isEmpty();
        assertThat(tree.config().problem()).isNull();
        assertThat(tree.config().projectName()).isEqualTo("demo");
        assertThatThrownBy(() -> new SpecResolver(Clock.systemDefaultZone()).resolve(tree, "001"))
                .isInstanceOf(Refusal.class)
                .hasMessage("Spec not found: 001. .chant/specs/ holds no spec, and no archived spec matches; "
                        + "create one with `chant add` or pass the repository root with --dir.");
    }

    @Test
    void malformedYaml() throws IOException {
        spec("2026-02-07-001-abc.md", "---\ntype: code\nstatus: [completed\nlabels: x\n---\n# T\n");
        UnreadableSpec u = onlyUnreadable(read());
        assertThat(u.path()).isEqualTo(".chant/specs/2026-02-07-001-abc.md");
        assertThat(u.id()).isEqualTo(new SpecId("2026-02-07-001-abc"));
        assertThat(u.reason()).isEqualTo("malformed YAML frontmatter, line 4: expected ',' or ']', but got : (while "
                + "parsing a flow sequence that starts at line 3); fix the YAML between the '---' lines");
    }

    @Test
    void frontmatterThatIsNotAMapping() throws IOException {
        spec("2026-02-07-001-abc.md", "---\n- just\n- a list\n---\n# T\n");
        assertThat(onlyUnreadable(read()).reason()).isEqualTo("frontmatter at line 1 is not a mapping of "
                + "'key: value' lines; chant cannot load it");
    }

    @Test
    void emptyFrontmatter() throws IOException {
        spec("2026-02-07-001-abc.md", "---\n# only a comment\n---\n# T\n");
        assertThat(onlyUnreadable(read()).reason()).isEqualTo("empty frontmatter between the '---' lines (chant "
                + "cannot load it); add at least 'status: pending' or remove the dashes");
    }

    @Test
    void missingFrontmatterIsAPendingCodeSpecWithAWarning() throws IOException {
        spec("2026-02-07-001-abc.md", "# Just a title\n\nSome text.\n");
        ChantTree tree = read();
        Spec s = tree.active().get(0);
        assertThat(s.status()).isEqualTo(SpecStatus.PENDING);
        assertThat(s.type()).isEqualTo(SpecType.CODE);
        assertThat(s.title()).isEqualTo("Just a title");
        assertThat(s.warnings()).containsExactly("no frontmatter; chant treats the spec as a pending code spec");
    }

    @Test
    void unterminatedFrontmatterIsIgnoredAsChantIgnoresItWithAWarning() throws IOException {
        spec("2026-02-07-001-abc.md", "---\nstatus: completed\n# Title\n");
        Spec s = read().active().get(0);
        assertThat(s.status()).isEqualTo(SpecStatus.PENDING);
        assertThat(s.body()).startsWith("---\nstatus: completed");
        assertThat(s.warnings()).containsExactly("frontmatter opens with '---' but is never closed; chant ignores "
                + "it and treats the spec as a pending code spec: add the closing '---' line");
    }

    @Test
    void byteOrderMarkHidesTheFrontmatter() throws IOException {
        spec("2026-02-07-001-abc.md", "\uFEFF---\nstatus: completed\n---\n# T\n");
        Spec s = read().active().get(0);
        assertThat(s.status()).isEqualTo(SpecStatus.PENDING);
        assertThat(s.warnings()).contains("starts with a byte-order mark, so chant sees no frontmatter: remove the "
                + "mark");
    }

    @Test
    void unknownStatus() throws IOException {
        spec("2026-02-07-001-abc.md", "---\ntype: code\nstatus: done\n---\n# T\n");
        assertThat(onlyUnreadable(read()).reason()).isEqualTo("frontmatter field 'status' at line 3 is 'done', "
                + "which chant does not know; use one of pending, in_progress, paused, completed, failed, "
                + "needs_attention, ready, blocked, cancelled");
    }

    @Test
    void statusIsCaseSensitive() throws IOException {
        spec("2026-02-07-001-abc.md", "---\nstatus: Completed\n---\n# T\n");
        assertThat(onlyUnreadable(read()).reason()).startsWith("frontmatter field 'status' at line 2 is "
                + "'Completed', which chant does not know;");
    }

    @Test
    void unknownType() throws IOException {
        spec("2026-02-07-001-abc.md", "---\ntype: implementation\nstatus: completed\n---\n# T\n");
        assertThat(onlyUnreadable(read()).reason()).isEqualTo("frontmatter field 'type' at line 2 is "
                + "'implementation', which chant does not know; use one of code, task, driver, documentation, "
                + "research, group");
    }

    @Test
    void duplicateIdsInSpecsAndASubFolder() throws IOException {
        spec("2026-02-07-001-abc.md", "---\nstatus: completed\n---\n# One\n");
        spec("sub/2026-02-07-001-abc.md", "---\nstatus: pending\n---\n# Two\n");
        spec("2026-02-07-002-def.md", "---\nstatus: pending\n---\n# Other\n");
        ChantTree tree = read();
        assertThat(tree.active()).extracting(s -> s.id().value()).containsExactly("2026-02-07-002-def");
        assertThat(tree.unreadable()).extracting(UnreadableSpec::path).containsExactly(
                ".chant/specs/2026-02-07-001-abc.md", ".chant/specs/sub/2026-02-07-001-abc.md");
        assertThat(tree.unreadable()).extracting(UnreadableSpec::reason).containsOnly("ID 2026-02-07-001-abc is "
                + "used by 2 active files (.chant/specs/2026-02-07-001-abc.md, "
                + ".chant/specs/sub/2026-02-07-001-abc.md); chant would pick one by directory order: rename or "
                + "remove all but one");
        assertThatThrownBy(() -> new SpecResolver(Clock.systemDefaultZone()).resolve(tree, "abc"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("It matches a file that cannot be read: .chant/specs/2026-02-07-001-abc.md "
                        + "(ID 2026-02-07-001-abc is used by 2 active files");
    }

    @Test
    void sameIdActiveAndArchivedIsKeptWithAWarning() throws IOException {
        spec("2026-02-07-001-abc.md", "---\nstatus: completed\n---\n# One\n");
        Path archived = repo.resolve(".chant/archive/2026-02-07/2026-02-07-001-abc.md");
        Files.createDirectories(archived.getParent());
        Files.writeString(archived, "---\nstatus: completed\n---\n# One\n");
        ChantTree tree = read();
        assertThat(tree.active()).singleElement().satisfies(s -> assertThat(s.warnings()).containsExactly(
                "also archived at .chant/archive/2026-02-07/2026-02-07-001-abc.md; an earlier archive may have "
                        + "stopped halfway: compare the two and remove one"));
        assertThat(tree.archived()).hasSize(1);
    }

    @Test
    void pathLikeIdsAreRefusedAndFileNamesThatAreNoIdsAreListed() throws IOException {
        assertThatThrownBy(() -> new SpecId("../../etc/passwd"))
                .isExactlyInstanceOf(ChantException.class)
                .hasMessage("'../../etc/passwd' is not a spec ID: it starts with '..'. Give a spec ID (or a unique "
                        + "part of one) as `upstream-pr specs` lists them.");
        assertThatThrownBy(() -> new SpecResolver(Clock.systemDefaultZone()).resolve(read(),
                "../../etc/passwd"))
                .isExactlyInstanceOf(ChantException.class)
                .hasMessageStartingWith("'../../etc/passwd' cannot be a spec ID: it starts with '..'.");
        spec("...md", "---\nstatus: pending\n---\n# Dots\n");
        assertThat(onlyUnreadable(read())).isEqualTo(new UnreadableSpec(".chant/specs/...md", null, false,
                "file name '...md' is not a usable spec ID (it starts with '..'); rename the file"));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege on Windows")
    void symlinkInSpecsPointingOutsideTheRepositoryIsNotRead() throws IOException {
        Path outside = Files.writeString(temp.resolve("secret.md"), "---\nstatus: completed\n---\n# Secret\n");
        Files.createSymbolicLink(specs.resolve("2026-02-07-001-abc.md"), outside);
        UnreadableSpec u = onlyUnreadable(read());
        assertThat(u.path()).isEqualTo(".chant/specs/2026-02-07-001-abc.md");
        assertThat(u.reason()).isEqualTo("symbolic link to a file outside the repository; replace the link with "
                + "the spec file itself");
        assertThat(u.reason()).doesNotContain("Secret");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege on Windows")
    void symlinkInsideTheRepositoryIsRead() throws IOException {
        Path real = Files.createDirectories(repo.resolve("docs")).resolve("spec.md");
        Files.writeString(real, "---\nstatus: completed\n---\n# Linked\n");
        Files.createSymbolicLink(specs.resolve("2026-02-07-001-abc.md"), Path.of("../../docs/spec.md"));
        ChantTree tree = read();
        assertThat(tree.active()).singleElement().satisfies(s -> assertThat(s.title()).isEqualTo("Linked"));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege on Windows")
    void danglingSymlinkIsListed() throws IOException {
        Files.createSymbolicLink(specs.resolve("2026-02-07-001-abc.md"), Path.of("nowhere.md"));
        assertThat(onlyUnreadable(read()).reason()).isEqualTo("symbolic link to a file that does not exist; "
                + "restore the file or remove the link");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege on Windows")
    void symlinkedDirectoryInSpecsIsListedNotFollowed() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(outside.resolve("2026-02-07-009-zzz.md"), "---\nstatus: completed\n---\n# Elsewhere\n");
        Files.createSymbolicLink(specs.resolve("more"), outside);
        ChantTree tree = read();
        assertThat(onlyUnreadable(tree)).isEqualTo(new UnreadableSpec(".chant/specs/more", null, false,
                "symbolic link to a directory; its specs are not read (chant would read them): move the specs "
                        + "into .chant/specs/ instead of linking"));
    }

    @Test
    void nonUtf8Bytes() throws IOException {
        Path file = specs.resolve("2026-02-07-001-abc.md");
        Files.write(file, new byte[] {'-', '-', '-', '\n', 's', 't', 'a', 't', 'u', 's', ':', ' ', 'p', 'e', 'n',
            'd', 'i', 'n', 'g', '\n', '-', '-', '-', '\n', '#', ' ', 'C', 'a', 'f', (byte) 0xE9, '\n'});
        assertThat(onlyUnreadable(read()).reason()).isEqualTo("not valid UTF-8 text (byte 0xE9 at offset 29; "
                + "chant cannot read it); save the file as UTF-8");
    }

    @Test
    void tenMegabyteSpecIsReadCompletely() throws IOException {
        StringBuilder text = new StringBuilder("---\ntype: code\nstatus: completed\n---\n# Big spec\n\n");
        text.append("## Acceptance Criteria\n\n");
        int boxes = 0;
        while (text.length() < 10 * 1024 * 1024) {
            text.append(boxes % 3 == 0 ? "- [ ] " : "- [x] ").append("criterion ").append(boxes)
                    .append(" with some text to make the line longer than a few bytes\n");
            boxes++;
        }
        text.append("## Tail\nlast line é\n");
        spec("2026-02-07-001-big.md", text.toString());
        ChantTree tree = read();
        Spec s = tree.active().get(0);
        assertThat(Files.size(specs.resolve("2026-02-07-001-big.md"))).isGreaterThan(10L * 1024 * 1024);
        assertThat(s.title()).isEqualTo("Big spec");
        assertThat(s.status()).isEqualTo(SpecStatus.COMPLETED);
        assertThat(s.body()).endsWith("## Tail\nlast line é");
        int unchecked = (boxes + 2) / 3;
        assertThat(AcceptanceCriteria.of(s)).isEqualTo(new AcceptanceCriteria(boxes - unchecked, boxes));
    }

    @Test
    void knownKeyTwiceIsAnErrorButAnUnknownKeyTwiceIsIgnored() throws IOException {
        spec("2026-02-07-001-abc.md", "---\nstatus: pending\nlabels: [a]\nstatus: completed\n---\n# T\n");
        assertThat(onlyUnreadable(read()).reason()).isEqualTo("frontmatter field 'status' is given twice (again at "
                + "line 4); chant refuses duplicate fields: keep one");

        Files.delete(specs.resolve("2026-02-07-001-abc.md"));
        spec("2026-02-07-002-def.md", "---\nstatus: completed\nnotes: a\nnotes: b\n---\n# T\n");
        Spec s = read().active().get(0);
        assertThat(s.status()).isEqualTo(SpecStatus.COMPLETED);
        assertThat(s.frontmatter().unknownKeys()).containsExactly("notes");
    }

    @Test
    void booleansTakeOnlyTrueAndFalseInThreeSpellings() throws IOException {
        spec("2026-02-07-001-abc.md", "---\npublic: False\napproval:\n  required: TRUE\n  status: approved\n---\n");
        Frontmatter fm = read().active().get(0).frontmatter();
        assertThat(fm.isPublic()).isFalse();
        assertThat(fm.approval()).isEqualTo(new Approval(true, Approval.Status.APPROVED, null, null));

        Files.delete(specs.resolve("2026-02-07-001-abc.md"));
        spec("2026-02-07-002-def.md", "---\npublic: yes\n---\n");
        assertThat(onlyUnreadable(read()).reason()).isEqualTo("frontmatter field 'public' at line 2 must be true or "
                + "false; chant cannot load this spec until it is fixed");
    }

    @Test
    void dependsOnTakesOneStringOrAListButOtherListsNeedAList() throws IOException {
        spec("2026-02-07-001-abc.md", "---\ndepends_on: 2026-02-07-000-xyz\n---\n");
        assertThat(read().active().get(0).frontmatter().dependsOn()).containsExactly("2026-02-07-000-xyz");

        Files.delete(specs.resolve("2026-02-07-001-abc.md"));
        spec("2026-02-07-002-def.md", "---\ntarget_files: src/main.rs\n---\n");
        assertThat(onlyUnreadable(read()).reason()).isEqualTo("frontmatter field 'target_files' at line 2 must be "
                + "a list ('- item' lines), not a single value; chant cannot load this spec until it is fixed");
    }

    @Test
    void tildeNullAndEmptyMeanAbsentAndScalarsKeepTheirLiteralText() throws IOException {
        spec("2026-02-07-001-abc.md", "---\nbranch: ~\nprompt: null\nmodel:\ndepends_on: ~\nlabels: NULL\n"
                + "commits:\n- 0123456\n- 1e3\ncompleted_at: 2026-02-07T13:29:41Z\n---\n");
        Frontmatter fm = read().active().get(0).frontmatter();
        assertThat(fm.branch()).isNull();
        assertThat(fm.prompt()).isNull();
        assertThat(fm.model()).isNull();
        assertThat(fm.dependsOn()).isEmpty();
        assertThat(fm.labels()).isEmpty();
        assertThat(fm.commits()).containsExactly("0123456", "1e3");
        assertThat(fm.completedAt()).isEqualTo("2026-02-07T13:29:41Z");
        assertThat(fm.status()).isEqualTo(SpecStatus.PENDING);
    }

    @Test
    void modelIsNormalizedAsChantDoesOnLoad() throws IOException {
        spec("2026-02-07-001-abc.md", "---\nmodel: claude-OPUS-4-5-20251101\n---\n");
        spec("2026-02-07-002-def.md", "---\nmodel: Claude Sonnet 4\n---\n");
        spec("2026-02-07-003-ghi.md", "---\nmodel: auto-completed\n---\n");
        assertThat(read().active()).extracting(s -> s.frontmatter().model())
                .containsExactly("opus", "sonnet", "auto-completed");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege on Windows")
    void configSymlinkOutsideTheRepositoryIsNotRead() throws IOException {
        Path outside = Files.writeString(temp.resolve("other-config.md"), "---\nproject:\n  name: secret\n---\n");
        Files.delete(repo.resolve(".chant/config.md"));
        Files.createSymbolicLink(repo.resolve(".chant/config.md"), outside);
        ChantConfig config = read().config();
        assertThat(config.projectName()).isNull();
        assertThat(config.problem()).isEqualTo(".chant/config.md is a symbolic link to a file outside the "
                + "repository, which is not read; replace the link with the file itself");
    }

    @Test
    void configWithBadBytesOrBadYamlSaysWhy() throws IOException {
        Files.write(repo.resolve(".chant/config.md"), new byte[] {'-', '-', '-', '\n', 'a', ':', (byte) 0xFF, '\n',
            '-', '-', '-', '\n'});
        assertThat(read().config().problem()).isEqualTo(".chant/config.md is not valid UTF-8 text (byte 0xFF at "
                + "offset 6); save it as UTF-8");

        Files.writeString(repo.resolve(".chant/config.md"), "---\ndefaults: [main\n---\n");
        assertThat(read().config().problem()).startsWith(".chant/config.md has malformed YAML frontmatter (")
                .endsWith("); fix it")
                .doesNotContain("\n");
    }
}
