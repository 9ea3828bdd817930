package io.jenkins.plugins.upstreampr.chant.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.FixtureTrees;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.chant.SpecResolver;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archive over copies of the real chant trees (outside git: plain renames), with the outcomes chant-format.md §7.12
 * derives for chant, and where we deliberately differ from chant (refusals instead of half-done batches).
 */
class SpecArchiveFixtureTest {

    private static final String ROOT_CONFIG_BRANCH_SPEC = "2026-02-07-005-xr0";

    @TempDir
    Path tmp;

    private final ChantTreeReader reader = new ChantTreeReader();
    private final SpecArchive archive = new SpecArchive(
            new SpecResolver(Clock.fixed(Instant.parse("2030-01-01T12:00:00Z"), ZoneOffset.UTC))::resolve);

    private Path copy(String fixture) {
        Path root = FixtureTrees.copy(fixture, tmp.resolve("repo"));
        assertThat(GitWorkTree.find(root)).as("these tests need a temporary folder outside any git work tree")
                .isEmpty();
        return root;
    }

    private ArchiveResult archive(Path root, ArchiveOptions options, String... ids) {
        return archive.archive(reader.read(root), List.of(ids), options);
    }

    @Test
    void standaloneLegacySpecMovesIntoTheFolderNamedByItsFirstTenCharacters() throws IOException {
        Path root = copy(FixtureTrees.TDD);
        String content = Files.readString(root.resolve(".chant/specs/001-coverage-analysis.md"));

        ArchiveResult result = archive(root, ArchiveOptions.DEFAULTS, "001-coverage-analysis");

        assertThat(result.archived()).containsExactly(new SpecMove(new SpecId("001-coverage-analysis"),
                ".chant/specs/001-coverage-analysis.md", ".chant/archive/001-covera/001-coverage-analysis.md"));
        assertThat(result.dryRun()).isFalse();
        assertThat(root.resolve(".chant/specs/001-coverage-analysis.md")).doesNotExist();
        assertThat(root.resolve(".chant/archive/001-covera/001-coverage-analysis.md")).hasContent(content);
        assertThat(reader.read(root).archivedSpec(new SpecId("001-coverage-analysis"))).isPresent();
    }

    @Test
    void legacyNumberResolvesLikeEveryOtherCommandAsInChantsWorkedExample() {
        Path root = copy(FixtureTrees.TDD);

        ArchiveResult result = archive(root, ArchiveOptions.DEFAULTS, "001");

        assertThat(result.archived()).extracting(SpecMove::to)
                .containsExactly(".chant/archive/001-covera/001-coverage-analysis.md");
    }

    @Test
    void prefixSharedByADriverAndItsMembersIsRefusedInsteadOfPickingOneByDirectoryOrder() {
        Path root = copy(FixtureTrees.TDD);
        Map<String, String> before = TreeSnapshot.of(root);

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "002-test-suite"))
                .isInstanceOf(Refusal.class).hasMessageContaining("002-test-suite-driver.1");
        assertThat(TreeSnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void driverGoesAfterItsMembersSortedByMemberNumber() {
        Path root = copy(FixtureTrees.TDD);

        ArchiveResult result = archive(root, ArchiveOptions.DEFAULTS, "002-test-suite-driver");

        assertThat(result.archived()).extracting(m -> m.id().value()).containsExactly("002-test-suite-driver.1",
                "002-test-suite-driver.2", "002-test-suite-driver.3", "002-test-suite-driver");
        assertThat(result.archived()).allSatisfy(m -> assertThat(m.to()).startsWith(".chant/archive/002-test-s/"));
        assertThat(reader.read(root).active()).extracting(s -> s.id().value())
                .containsExactly("001-coverage-analysis");
    }

    @Test
    void memberGoesAloneWithoutItsDriverOrSiblings() {
        Path root = copy(FixtureTrees.TDD);

        ArchiveResult result = archive(root, ArchiveOptions.DEFAULTS, "002-test-suite-driver.2");

        assertThat(result.archived()).extracting(SpecMove::to)
                .containsExactly(".chant/archive/002-test-s/002-test-suite-driver.2.md");
        assertThat(reader.read(root).active()).hasSize(4);
    }

    @Test
    void driverWithAnUnfinishedMemberIsRefusedEvenWithForceButTheOtherMembersMayGoAlone() throws IOException {
        Path root = copy(FixtureTrees.TDD);
        Path member = root.resolve(".chant/specs/002-test-suite-driver.3.md");
        Files.writeString(member, Files.readString(member).replace("status: completed", "status: in_progress"));
        Map<String, String> before = TreeSnapshot.of(root);

        for (ArchiveOptions options : List.of(ArchiveOptions.DEFAULTS, new ArchiveOptions(true, false, false))) {
            assertThatThrownBy(() -> archive(root, options, "002-test-suite-driver"))
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining("002-test-suite-driver.3 is in_progress")
                    .hasMessageContaining("--force does not lift this");
        }
        assertThat(TreeSnapshot.of(root)).isEqualTo(before);

        assertThat(archive(root, ArchiveOptions.DEFAULTS, "002-test-suite-driver.1").archived()).hasSize(1);
    }

    @Test
    void chantRootSpecGoesToItsDateFolderAndTheFlatArchiveIsMigratedFirst() throws IOException {
        Path root = copy(FixtureTrees.CHANT_ROOT);
        Path archiveDir = root.resolve(".chant/archive");
        long filesBefore = countFiles(archiveDir) + 1;

        ArchiveResult result = archive(root, ArchiveOptions.DEFAULTS, "2026-02-07-00a-ffx");

        assertThat(result.archived()).extracting(SpecMove::to)
                .containsExactly(".chant/archive/2026-02-07/2026-02-07-00a-ffx.md");
        assertThat(result.migrated()).hasSize(35);
        assertThat(result.migrated()).filteredOn(m -> m.to().startsWith(".chant/archive/2026-02-03/")).hasSize(12);
        assertThat(result.migrated()).filteredOn(m -> m.to().startsWith(".chant/archive/2026-02-04/")).hasSize(16);
        assertThat(result.migrated()).filteredOn(m -> m.to().startsWith(".chant/archive/2026-02-06/")).hasSize(7);
        try (Stream<Path> flat = Files.list(archiveDir)) {
            assertThat(flat.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(countFiles(archiveDir)).isEqualTo(filesBefore);
        // the six files chant >= 0.23 cannot load (type: conflict) move too: migration goes by file name
        assertThat(archiveDir.resolve("2026-02-03/2026-02-03-01r-ke3.md")).content().contains("type: conflict");
        ChantTree after = reader.read(root);
        assertThat(after.archived()).hasSize(35 + 14 + 4 - 6 + 1);
        assertThat(after.unreadable()).hasSize(6);
    }

    @Test
    void cancelledSpecIsRefusedWithoutForceAsChantsMoveRefusesIt() {
        Path root = copy(FixtureTrees.CHANT_ROOT);
        Map<String, String> before = TreeSnapshot.of(root);

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "2026-02-07-00b-m5g"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("Spec '2026-02-07-00b-m5g' must be completed to archive (current: Cancelled)")
                .hasMessageContaining("--force");
        assertThat(TreeSnapshot.of(root)).isEqualTo(before);

        ArchiveResult forced = archive(root, new ArchiveOptions(true, false, false), "2026-02-07-00b-m5g");
        assertThat(forced.archived()).extracting(SpecMove::to)
                .containsExactly(".chant/archive/2026-02-07/2026-02-07-00b-m5g.md");
    }

    @Test
    void pendingSpecIsRefusedRatherThanSilentlySkipped() {
        Path root = copy(FixtureTrees.CHANT_ROOT);

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "2026-02-07-00y-qqd"))
                .isInstanceOf(Refusal.class).hasMessageContaining("(current: Pending)");
        assertThat(root.resolve(".chant/specs/2026-02-07-00y-qqd.md")).exists();
    }

    @Test
    void specWithAWorkBranchCannotBeCheckedOutsideGitAndNeedsForce() {
        Path root = copy(FixtureTrees.CHANT_ROOT);

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, ROOT_CONFIG_BRANCH_SPEC))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("work branch 'chant/2026-02-07-005-xr0'")
                .hasMessageContaining("not inside a git work tree");

        assertThat(archive(root, new ArchiveOptions(true, false, false), ROOT_CONFIG_BRANCH_SPEC).archived())
                .hasSize(1);
    }

    @Test
    void batchIsAllOrNothingOneRefusedSpecKeepsEveryOtherInPlace() {
        Path root = copy(FixtureTrees.CHANT_ROOT);
        Map<String, String> before = TreeSnapshot.of(root);
        ChantTree tree = reader.read(root);

        ArchivePlan plan = archive.plan(tree, List.of("2026-02-07-00a-ffx", "2026-02-07-00b-m5g",
                "2026-02-07-00c-xgg"), ArchiveOptions.DEFAULTS);

        assertThat(plan.isRefused()).isTrue();
        assertThat(plan.refusals()).extracting(SkippedSpec::id).containsExactly("2026-02-07-00b-m5g");
        assertThat(plan.unexecutedResult().archived()).isEmpty();
        assertThat(plan.unexecutedResult().skipped()).extracting(SkippedSpec::id).containsExactlyInAnyOrder(
                "2026-02-07-00a-ffx", "2026-02-07-00b-m5g", "2026-02-07-00c-xgg");
        assertThatThrownBy(() -> archive.execute(plan)).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("Nothing archived: 2026-02-07-00b-m5g: Spec '2026-02-07-00b-m5g' must be")
                .hasMessageContaining("2 other spec(s)");
        assertThat(TreeSnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void unknownIdRefusesTheBatch() {
        Path root = copy(FixtureTrees.TDD);

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "001-coverage-analysis", "999-nope"))
                .isInstanceOf(Refusal.class).hasMessageContaining("999-nope: Spec not found: 999-nope");
        assertThat(root.resolve(".chant/specs/001-coverage-analysis.md")).exists();
    }

    @Test
    void treeWithoutSpecsFolderIsNotAChantProjectAsForChant() {
        Path root = copy(FixtureTrees.OSS_MAINTAINER);

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "001-comprehension"))
                .isInstanceOf(ChantException.class).isNotInstanceOf(Refusal.class)
                .hasMessageContaining("Not a chant project").hasMessageContaining("no specs/ folder");
    }

    @Test
    void alreadyArchivedSpecIsAReportedNoOpAndMovesNothing() {
        Path root = copy(FixtureTrees.CHANT_ROOT);
        Map<String, String> before = TreeSnapshot.of(root);

        ArchiveResult result = archive(root, ArchiveOptions.DEFAULTS, "2026-02-04-001-29p", "2026-02-06-001-wny",
                "2026-02-03-01r-ke3");

        assertThat(result.archived()).isEmpty();
        assertThat(result.migrated()).isEmpty();
        assertThat(result.skipped()).containsExactly(
                new SkippedSpec("2026-02-04-001-29p", "already archived at "
                        + ".chant/archive/2026-02-04/2026-02-04-001-29p.md; nothing to do"),
                new SkippedSpec("2026-02-06-001-wny", "already archived at "
                        + ".chant/archive/2026-02-06-001-wny.md; nothing to do"),
                new SkippedSpec("2026-02-03-01r-ke3", "already archived at "
                        + ".chant/archive/2026-02-03-01r-ke3.md; nothing to do"));
        assertThat(TreeSnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void dryRunReportsTheMovesAndTheMigrationButMovesNothing() {
        Path root = copy(FixtureTrees.CHANT_ROOT);
        Map<String, String> before = TreeSnapshot.of(root);

        ArchiveResult result = archive(root, new ArchiveOptions(false, false, true), "2026-02-07-00a-ffx");

        assertThat(result.dryRun()).isTrue();
        assertThat(result.archived()).extracting(SpecMove::to)
                .containsExactly(".chant/archive/2026-02-07/2026-02-07-00a-ffx.md");
        assertThat(result.migrated()).hasSize(35);
        assertThat(TreeSnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void existingDestinationIsNeverOverwritten() throws IOException {
        Path root = copy(FixtureTrees.CHANT_ROOT);
        Path dest = root.resolve(".chant/archive/2026-02-07/2026-02-07-00a-ffx.md");
        Files.createDirectories(dest.getParent());
        Files.writeString(dest, "an older archived copy\n");
        Map<String, String> before = TreeSnapshot.of(root);

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "2026-02-07-00a-ffx"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("destination .chant/archive/2026-02-07/2026-02-07-00a-ffx.md already exists");
        assertThat(TreeSnapshot.of(root)).isEqualTo(before);
        assertThat(dest).hasContent("an older archived copy");
    }

    @Test
    void flatArchivedCopyOfAnActiveSpecCannotBeMigratedOntoOrOverAnything() throws IOException {
        Path root = copy(FixtureTrees.CHANT_ROOT);
        Files.copy(root.resolve(".chant/specs/2026-02-07-00a-ffx.md"),
                root.resolve(".chant/archive/2026-02-07-00a-ffx.md"));
        Map<String, String> before = TreeSnapshot.of(root);

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "2026-02-07-00a-ffx"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("flat archived copy .chant/archive/2026-02-07-00a-ffx.md");
        assertThat(TreeSnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void flatFileWhoseDestinationExistsRefusesTheBatch() throws IOException {
        Path root = copy(FixtureTrees.CHANT_ROOT);
        Files.copy(root.resolve(".chant/archive/2026-02-04/2026-02-04-001-29p.md"),
                root.resolve(".chant/archive/2026-02-04-001-29p.md"));
        Map<String, String> before = TreeSnapshot.of(root);

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "2026-02-07-00a-ffx"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("the flat archived file .chant/archive/2026-02-04-001-29p.md must first move "
                        + "to .chant/archive/2026-02-04/2026-02-04-001-29p.md, and cannot: destination");
        assertThat(TreeSnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void shortIdIsRefusedNotACrash() throws IOException {
        Path root = copy(FixtureTrees.TDD);
        Files.writeString(root.resolve(".chant/specs/fix-42.md"), "---\nstatus: completed\n---\n# Fix 42\n");
        Files.writeString(root.resolve(".chant/specs/abcdefghié-x.md"), "---\nstatus: completed\n---\n# Odd\n");

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "fix-42"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("ID 'fix-42' is shorter than 10 bytes");
        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "abcdefghié-x"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("byte 10 of ID 'abcdefghié-x' falls inside a multi-byte character");
        assertThat(root.resolve(".chant/specs/fix-42.md")).exists();
        assertThat(root.resolve(".chant/archive")).doesNotExist();
    }

    @Test
    void specInASubFolderOfSpecsIsRefused() throws IOException {
        Path root = copy(FixtureTrees.TDD);
        Path sub = root.resolve(".chant/specs/team/2026-03-01-001-abc.md");
        Files.createDirectories(sub.getParent());
        Files.writeString(sub, "---\nstatus: completed\n---\n# In a sub-folder\n");

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "2026-03-01-001-abc"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("the spec is at .chant/specs/team/2026-03-01-001-abc.md, in a sub-folder");
        assertThat(sub).exists();
    }

    @Test
    void destinationAppearingBetweenPlanAndMoveUndoesTheMovesAlreadyDone() throws IOException {
        Path root = copy(FixtureTrees.TDD);
        ArchivePlan plan = archive.plan(reader.read(root), List.of("001-coverage-analysis",
                "002-test-suite-driver.1"), ArchiveOptions.DEFAULTS);
        assertThat(plan.isRefused()).isFalse();
        Path intruder = root.resolve(".chant/archive/002-test-s/002-test-suite-driver.1.md");
        Files.createDirectories(intruder.getParent());
        Files.writeString(intruder, "written by someone else meanwhile\n");
        Map<String, String> before = TreeSnapshot.of(root);

        assertThatThrownBy(() -> archive.execute(plan))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining(".chant/archive/002-test-s/002-test-suite-driver.1.md appeared while archiving")
                .hasMessageContaining("the 1 move(s) already done were undone");

        assertThat(TreeSnapshot.of(root)).isEqualTo(before);
        assertThat(root.resolve(".chant/archive/001-covera")).doesNotExist();
    }

    @Test
    void moveFailingMidwayUndoesTheMovesAlreadyDone() throws IOException {
        Path root = copy(FixtureTrees.TDD);
        ArchivePlan plan = archive.plan(reader.read(root), List.of("001-coverage-analysis",
                "002-test-suite-driver"), ArchiveOptions.DEFAULTS);
        assertThat(plan.moves()).hasSize(5);
        // the folder the members go to becomes a plain file: the second move cannot happen
        Files.createDirectories(root.resolve(".chant/archive"));
        Files.writeString(root.resolve(".chant/archive/002-test-s"), "not a folder\n");
        Map<String, String> before = TreeSnapshot.of(root);

        assertThatThrownBy(() -> archive.execute(plan))
                .isInstanceOf(ArchiveFailedException.class)
                .hasMessageContaining("moving .chant/specs/002-test-suite-driver.1.md to "
                        + ".chant/archive/002-test-s/002-test-suite-driver.1.md")
                .hasMessageContaining("the 1 move(s) already done were undone, so nothing was archived");

        assertThat(TreeSnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void archivabilityOfTheChantRootTreeOutsideGit() {
        // a copy: the fixture itself lies inside this project's git work tree
        ChantTree tree = reader.read(copy(FixtureTrees.CHANT_ROOT));

        Map<SpecId, Archivability> all = SpecArchive.archivability(tree);

        assertThat(all).hasSize(35);
        // 22 completed, of which 3 name a work branch that cannot be checked outside git
        assertThat(all.values()).filteredOn(Archivability::archivable).hasSize(19)
                .allSatisfy(a -> assertThat(a.reason()).isNull());
        assertThat(all.get(new SpecId(ROOT_CONFIG_BRANCH_SPEC)).reason()).contains("not inside a git work tree");
        assertThat(all.get(new SpecId("2026-02-07-00b-m5g")).reason()).contains("(current: Cancelled)");
        assertThat(all.get(new SpecId("2026-02-07-011-04m")).reason()).contains("(current: InProgress)");
        assertThat(all.values()).allSatisfy(a -> assertThat(a.destination())
                .isEqualTo(".chant/archive/2026-02-07/" + a.id() + ".md"));
    }

    @Test
    void archivabilityOfADriverFollowsItsMembers() throws IOException {
        Path root = copy(FixtureTrees.TDD);
        Path member = root.resolve(".chant/specs/002-test-suite-driver.2.md");
        Files.writeString(member, Files.readString(member).replace("status: completed", "status: cancelled"));

        Map<SpecId, Archivability> all = SpecArchive.archivability(reader.read(root));

        assertThat(all.get(new SpecId("002-test-suite-driver")).archivable()).isFalse();
        assertThat(all.get(new SpecId("002-test-suite-driver")).reason())
                .startsWith("it goes with its driver group, and 002-test-suite-driver.2: Spec "
                        + "'002-test-suite-driver.2' must be completed to archive (current: Cancelled)");
        assertThat(all.get(new SpecId("002-test-suite-driver.1")).archivable()).isTrue();
        assertThat(all.get(new SpecId("002-test-suite-driver.2")).archivable()).isFalse();
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
