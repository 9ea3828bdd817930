package io.jenkins.plugins.upstreampr.chant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chant's general resolver (chant-format.md §5.1) over the real fixture trees. */
class SpecResolverTest {

    private static final ChantTreeReader READER = new ChantTreeReader();
    private static final ChantTree ROOT = READER.read(FixtureTrees.tree(FixtureTrees.CHANT_ROOT));
    private static final ChantTree TDD = READER.read(FixtureTrees.tree(FixtureTrees.TDD));
    private static final ChantTree OSS = READER.read(FixtureTrees.tree(FixtureTrees.OSS_MAINTAINER));

    @TempDir
    Path temp;

    private static SpecResolver on(String localDate) {
        return new SpecResolver(Clock.fixed(Instant.parse(localDate + "T12:00:00Z"), ZoneOffset.UTC));
    }

    private static final SpecResolver ANOTHER_DAY = on("2026-03-01");

    private static String resolve(ChantTree tree, String input) {
        return ANOTHER_DAY.resolve(tree, input).value();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    // --- the four steps ----------------------------------------------------------------------------------------

    @Test
    void exactIdWins() {
        assertThat(resolve(ROOT, "2026-02-07-00a-ffx")).isEqualTo("2026-02-07-00a-ffx");
        assertThat(resolve(TDD, "002-test-suite-driver")).isEqualTo("002-test-suite-driver");
    }

    @Test
    void uniqueSuffixResolvesTheRandomPartOrSequenceAndRandomPart() {
        assertThat(resolve(ROOT, "x5v")).isEqualTo("2026-02-07-00x-x5v");
        assertThat(resolve(ROOT, "00x-x5v")).isEqualTo("2026-02-07-00x-x5v");
        assertThat(resolve(ROOT, "07-010-67p")).isEqualTo("2026-02-07-010-67p");
    }

    @Test
    void suffixOfADriverFindsTheDriverNotItsMembers() {
        // members end in .N, so only the driver ends with "driver"
        assertThat(resolve(TDD, "driver")).isEqualTo("002-test-suite-driver");
        assertThat(resolve(TDD, "driver.2")).isEqualTo("002-test-suite-driver.2");
    }

    @Test
    void memberOneIsNotMemberTen() throws IOException {
        Path repo = FixtureTrees.copy(FixtureTrees.TDD, temp.resolve("repo"));
        Path specs = repo.resolve(".chant/specs");
        write(specs.resolve("002-test-suite-driver.10.md"), "---\nstatus: pending\n---\n# Member ten\n");
        ChantTree tree = READER.read(repo);

        assertThat(resolve(tree, "driver.1")).isEqualTo("002-test-suite-driver.1");
        assertThat(resolve(tree, "driver.10")).isEqualTo("002-test-suite-driver.10");
        assertThat(resolve(tree, "002-test-suite-driver.1")).isEqualTo("002-test-suite-driver.1");
    }

    @Test
    void legacyNumberResolvesByItsUniqueSubstring() {
        assertThat(resolve(TDD, "001")).isEqualTo("001-coverage-analysis");
        assertThat(resolve(TDD, "coverage")).isEqualTo("001-coverage-analysis");
    }

    @Test
    void threeCharacterSequenceResolvesToTodaysSpecByTheClocksLocalDate() throws IOException {
        Path repo = FixtureTrees.copy(FixtureTrees.CHANT_ROOT, temp.resolve("repo"));
        write(repo.resolve(".chant/specs/2026-02-08-010-abc.md"), "---\nstatus: pending\n---\n# Next day\n");
        ChantTree tree = READER.read(repo);

        assertThat(on("2026-02-07").resolve(tree, "010").value()).isEqualTo("2026-02-07-010-67p");
        assertThat(on("2026-02-08").resolve(tree, "010").value()).isEqualTo("2026-02-08-010-abc");
        // 03:00 UTC on the 8th is still the 7th in Denver: the local date of the clock decides
        Clock denver = Clock.fixed(Instant.parse("2026-02-08T03:00:00Z"), ZoneId.of("America/Denver"));
        assertThat(new SpecResolver(denver).resolve(tree, "010").value()).isEqualTo("2026-02-07-010-67p");
        // on any other day, "010" is a part of both IDs
        assertThatThrownBy(() -> ANOTHER_DAY.resolve(tree, "010"))
                .isInstanceOf(Refusal.class)
                .hasMessage("Ambiguous spec ID '010': it matches 2 active specs: 2026-02-07-010-67p, "
                        + "2026-02-08-010-abc. Give more of the ID (the full ID always works).");
    }

    @Test
    void suffixComesBeforeTodaysSequence() {
        // "00a" is also today's sequence 00a on 2026-02-07, but no ID ends with it; "67p" ends one ID
        assertThat(on("2026-02-07").resolve(ROOT, "67p").value()).isEqualTo("2026-02-07-010-67p");
        assertThat(on("2026-02-07").resolve(ROOT, "00a").value()).isEqualTo("2026-02-07-00a-ffx");
        assertThat(resolve(ROOT, "00a")).isEqualTo("2026-02-07-00a-ffx");
    }

    // --- refusals ----------------------------------------------------------------------------------------------

    @Test
    void sharedPrefixIsAmbiguousAndListsTheCandidatesInOrder() {
        assertThatThrownBy(() -> resolve(TDD, "002-test-suite"))
                .isInstanceOf(Refusal.class)
                .hasMessage("Ambiguous spec ID '002-test-suite': it matches 4 active specs: 002-test-suite-driver, "
                        + "002-test-suite-driver.1, 002-test-suite-driver.2, 002-test-suite-driver.3. "
                        + "Give more of the ID (the full ID always works).");
    }

    @Test
    void longCandidateListsAreCut() {
        assertThatThrownBy(() -> resolve(ROOT, "2026-02-07"))
                .isInstanceOf(Refusal.class)
                .hasMessageStartingWith("Ambiguous spec ID '2026-02-07': it matches 35 active specs: "
                        + "2026-02-07-005-xr0, 2026-02-07-00a-ffx,")
                .hasMessageContaining(" and 25 more. Give more of the ID");
    }

    @Test
    void unknownIdSaysSoAndHowToListIds() {
        assertThatThrownBy(() -> resolve(ROOT, "zzz-nothing"))
                .isInstanceOf(Refusal.class)
                .hasMessage("Spec not found: zzz-nothing. No active spec in .chant/specs/ has an ID containing it, "
                        + "and no archived one either; run `upstream-pr specs` to list the IDs.");
    }

    @Test
    void archivedSpecIsNotResolvedAndTheMessageSaysWhereItIs() {
        assertThatThrownBy(() -> resolve(ROOT, "29p"))
                .isInstanceOf(Refusal.class)
                .hasMessage("Spec not found: 29p. It is archived: 2026-02-04-001-29p at "
                        + ".chant/archive/2026-02-04/2026-02-04-001-29p.md. Only active specs in .chant/specs/ are "
                        + "resolved; archived specs are done.");
        assertThatThrownBy(() -> resolve(OSS, "001"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("It is archived: 001-comprehension at "
                        + ".chant/archive/001-compre/001-comprehension.md");
        // a flat (pre-2026-02-01 layout) archive file
        assertThatThrownBy(() -> resolve(ROOT, "2026-02-06-001-wny"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("It is archived: 2026-02-06-001-wny at .chant/archive/2026-02-06-001-wny.md");
    }

    @Test
    void severalArchivedMatchesAreListed() {
        assertThatThrownBy(() -> resolve(ROOT, "2026-02-05"))
                .isInstanceOf(Refusal.class)
                .hasMessage("Spec not found: 2026-02-05. It matches 4 archived specs: "
                        + "2026-02-05-005-hp2 at .chant/archive/2026-02-05/2026-02-05-005-hp2.md, "
                        + "2026-02-05-006-1pt at .chant/archive/2026-02-05/2026-02-05-006-1pt.md, "
                        + "2026-02-05-00g-0c2 at .chant/archive/2026-02-05/2026-02-05-00g-0c2.md, "
                        + "2026-02-05-00i-037 at .chant/archive/2026-02-05/2026-02-05-00i-037.md. "
                        + "Only active specs in .chant/specs/ are resolved; archived specs are done.");
    }

    @Test
    void unreadableArchivedFileIsNamedWithTheReason() {
        assertThatThrownBy(() -> resolve(ROOT, "ke3"))
                .isInstanceOf(Refusal.class)
                .hasMessageStartingWith("Spec not found: ke3. It matches an archived file that cannot be read: "
                        + ".chant/archive/2026-02-03-01r-ke3.md (frontmatter field 'type' at line 2 is 'conflict', "
                        + "which chant does not know;")
                .hasMessageEndingWith("Only specs chant can load are resolved.");
    }

    @Test
    void unreadableActiveFileIsNamedWithTheReason() throws IOException {
        Path repo = FixtureTrees.copy(FixtureTrees.TDD, temp.resolve("repo"));
        write(repo.resolve(".chant/specs/003-broken.md"), "---\nstatus: [pending\n---\n# Broken\n");
        ChantTree tree = READER.read(repo);

        assertThatThrownBy(() -> resolve(tree, "003"))
                .isInstanceOf(Refusal.class)
                .hasMessageStartingWith("Spec not found: 003. It matches a file that cannot be read: "
                        + ".chant/specs/003-broken.md (malformed YAML frontmatter, line ");
    }

    @Test
    void exactIdOfAnUnreadableDriverIsNotSilentlyResolvedToAMember() throws IOException {
        // chant cannot load the driver, so for chant its full ID is a substring of member .1 only: chant would
        // act on the member. We refuse.
        Path repo = FixtureTrees.copy(FixtureTrees.TDD, temp.resolve("repo"));
        Path specs = repo.resolve(".chant/specs");
        Files.delete(specs.resolve("002-test-suite-driver.2.md"));
        Files.delete(specs.resolve("002-test-suite-driver.3.md"));
        write(specs.resolve("002-test-suite-driver.md"), "---\ntype: conflict\n---\n# Driver\n");
        ChantTree tree = READER.read(repo);

        assertThatThrownBy(() -> resolve(tree, "002-test-suite-driver"))
                .isInstanceOf(Refusal.class)
                .hasMessageStartingWith("Spec ID '002-test-suite-driver' is ambiguous: it matches active spec "
                        + "002-test-suite-driver.1 as a part, but also .chant/specs/002-test-suite-driver.md "
                        + "exactly, which cannot be read (frontmatter field 'type' at line 2 is 'conflict'")
                .hasMessageEndingWith("Fix that file, or give the full ID 002-test-suite-driver.1.");
        assertThat(resolve(tree, "002-test-suite-driver.1")).isEqualTo("002-test-suite-driver.1");
    }

    @Test
    void exactIdOfAnArchivedSpecIsNotSilentlyResolvedToAPartialActiveMatch() throws IOException {
        Path repo = FixtureTrees.copy(FixtureTrees.TDD, temp.resolve("repo"));
        write(repo.resolve(".chant/archive/001-covera/001-coverage.md"), "---\nstatus: completed\n---\n# Old\n");
        ChantTree tree = READER.read(repo);

        assertThatThrownBy(() -> resolve(tree, "001-coverage"))
                .isInstanceOf(Refusal.class)
                .hasMessage("Spec ID '001-coverage' is ambiguous: it is exactly the ID of the archived spec "
                        + ".chant/archive/001-covera/001-coverage.md, and matches active spec 001-coverage-analysis "
                        + "only as a part. Give the full ID 001-coverage-analysis if you mean the active one.");
    }

    @Test
    void inputThatCannotBeAnIdIsBadInputNotARefusal() {
        assertThatThrownBy(() -> resolve(ROOT, "../../etc/passwd"))
                .isExactlyInstanceOf(ChantException.class)
                .hasMessage("'../../etc/passwd' cannot be a spec ID: it starts with '..'. Give a spec ID or a "
                        + "unique part of one, as `upstream-pr specs` lists them.");
        assertThatThrownBy(() -> resolve(ROOT, "specs/2026-02-07-00a-ffx"))
                .isExactlyInstanceOf(ChantException.class)
                .hasMessageContaining("it contains a path separator '/'");
        assertThatThrownBy(() -> resolve(ROOT, "..\\x"))
                .isExactlyInstanceOf(ChantException.class);
        assertThatThrownBy(() -> resolve(ROOT, "ffx\\..\\x"))
                .isExactlyInstanceOf(ChantException.class)
                .hasMessageContaining("path separator '\\'");
        assertThatThrownBy(() -> resolve(ROOT, ""))
                .isExactlyInstanceOf(ChantException.class)
                .hasMessage("'' cannot be a spec ID: it is empty. Give a spec ID or a unique part of one, as "
                        + "`upstream-pr specs` lists them.");
        assertThatThrownBy(() -> resolve(ROOT, "   "))
                .isExactlyInstanceOf(ChantException.class).hasMessageContaining("it is blank");
        assertThatThrownBy(() -> resolve(ROOT, "a\u0000b"))
                .isExactlyInstanceOf(ChantException.class)
                .hasMessageStartingWith("'a\\u0000b' cannot be a spec ID: it contains a control character");
        assertThatThrownBy(() -> resolve(ROOT, "2026-02-07-00a-ffx.md"))
                .isExactlyInstanceOf(ChantException.class)
                .hasMessageContaining("it ends with '.md'");
    }

    @Test
    void treeWithoutActiveSpecsFindsNothing() {
        assertThatThrownBy(() -> resolve(OSS, "upstream"))
                .isInstanceOf(Refusal.class)
                .hasMessageStartingWith("Spec not found: upstream. It is archived: 006-upstream-pr at "
                        + ".chant/archive/006-upstre/006-upstream-pr.md.");
    }
}
