package io.jenkins.plugins.upstreampr.chant.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.FixtureTrees;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.chant.SpecResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Archive inside real git repositories made by the test, checked with the real git command line. */
class SpecArchiveGitTest {

    private static final String SPEC = "001-coverage-analysis";
    private static final String FROM = ".chant/specs/001-coverage-analysis.md";
    private static final String TO = ".chant/archive/001-covera/001-coverage-analysis.md";

    @TempDir
    Path tmp;

    private final ChantTreeReader reader = new ChantTreeReader();
    private final SpecArchive archive = new SpecArchive(
            new SpecResolver(Clock.fixed(Instant.parse("2030-01-01T12:00:00Z"), ZoneOffset.UTC))::resolve);

    /** The TDD example tree committed on main. */
    private Path repo(GitCli[] git) {
        Path root = FixtureTrees.copy(FixtureTrees.TDD, tmp.resolve("repo"));
        git[0] = GitCli.init(root).commitAll("chant tree");
        return root;
    }

    private ArchiveResult archive(Path root, ArchiveOptions options, String... ids) {
        return archive.archive(reader.read(root), List.of(ids), options);
    }

    private static String spec(String status, String extraFrontmatter) {
        return "---\ntype: code\nstatus: " + status + "\n" + extraFrontmatter + "---\n# A spec\n\nBody.\n";
    }

    @Test
    void renameIsStagedAndHistoryFollowsTheFile() {
        GitCli[] git = new GitCli[1];
        Path root = repo(git);

        archive(root, ArchiveOptions.DEFAULTS, SPEC);

        assertThat(git[0].status()).containsExactly("R  " + FROM + " -> " + TO);
        assertThat(git[0].run("diff", "--cached", "-M", "--name-status").strip()).isEqualTo("R100\t" + FROM + "\t" + TO);
        git[0].run("commit", "-q", "-m", "chant: Archive " + SPEC);
        assertThat(git[0].run("log", "--follow", "--format=%s", "--", TO).lines())
                .containsExactly("chant: Archive " + SPEC, "chant tree");
        assertThat(git[0].status()).isEmpty();
    }

    @Test
    void driverGroupIsStagedAsRenamesInOneIndexUpdate() {
        GitCli[] git = new GitCli[1];
        Path root = repo(git);

        archive(root, ArchiveOptions.DEFAULTS, "002-test-suite-driver");

        assertThat(git[0].status()).containsExactlyInAnyOrder(
                "R  .chant/specs/002-test-suite-driver.1.md -> .chant/archive/002-test-s/002-test-suite-driver.1.md",
                "R  .chant/specs/002-test-suite-driver.2.md -> .chant/archive/002-test-s/002-test-suite-driver.2.md",
                "R  .chant/specs/002-test-suite-driver.3.md -> .chant/archive/002-test-s/002-test-suite-driver.3.md",
                "R  .chant/specs/002-test-suite-driver.md -> .chant/archive/002-test-s/002-test-suite-driver.md");
    }

    @Test
    void noStageMovesTheFileButLeavesTheIndexAlone() {
        GitCli[] git = new GitCli[1];
        Path root = repo(git);

        archive(root, new ArchiveOptions(false, true, false), SPEC);

        assertThat(root.resolve(TO)).exists();
        assertThat(git[0].status()).containsExactly(" D " + FROM, "?? " + TO);
        assertThat(git[0].run("diff", "--cached", "--name-only")).isEmpty();
    }

    @Test
    void untrackedSpecInSilentModeFallsBackToAPlainRenameWithAWarning() throws IOException {
        Path root = FixtureTrees.copy(FixtureTrees.TDD, tmp.resolve("repo"));
        GitCli git = GitCli.init(root);
        Files.writeString(root.resolve("README.md"), "project\n");
        Files.writeString(root.resolve(".git/info/exclude"), ".chant/\n");
        git.commitAll("project without its specs");

        ArchiveResult result = archive(root, ArchiveOptions.DEFAULTS, SPEC);

        assertThat(root.resolve(TO)).exists();
        assertThat(root.resolve(FROM)).doesNotExist();
        assertThat(git.status()).isEmpty();
        assertThat(result.warnings()).containsExactly(
                "spec " + SPEC + " has target_files without changes in commits marked 'chant(" + SPEC + "):': "
                        + ".chant/context/payments-coverage-analysis.md (changed: none)",
                FROM + " is not tracked by git (silent mode?): moved without staging, as chant does when `git mv` "
                        + "fails");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege on Windows")
    void aSpecLinkedFromOutsideChantIsRefusedWithTheWholeBatchUntilItIsAFile() throws IOException {
        GitCli[] git = new GitCli[1];
        Path root = repo(git);
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/spec.md"), spec("completed", ""));
        Path link = root.resolve(".chant/specs/2026-03-01-002-lnk.md");
        Files.createSymbolicLink(link, Path.of("../../docs/spec.md"));
        git[0].commitAll("a spec kept in docs/, linked into .chant/specs/");
        Map<String, String> before = TreeSnapshot.of(root);
        List<String> indexBefore = git[0].status();

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, SPEC, "2026-03-01-002-lnk"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining(".chant/specs/2026-03-01-002-lnk.md is a symbolic link to docs/spec.md "
                        + "(../../docs/spec.md)")
                .hasMessageContaining("it would no longer lead there")
                .hasMessageContaining("cp --remove-destination docs/spec.md .chant/specs/2026-03-01-002-lnk.md");
        assertThat(TreeSnapshot.of(root)).as("all or nothing: the other spec did not move either").isEqualTo(before);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(git[0].status()).isEqualTo(indexBefore);

        // The remedy the message names: the file itself in place of the link.
        Files.delete(link);
        Files.copy(root.resolve("docs/spec.md"), link);
        git[0].commitAll("the spec itself in .chant/specs/");
        assertThat(archive(root, ArchiveOptions.DEFAULTS, SPEC, "2026-03-01-002-lnk").archived()).hasSize(2);
        assertThat(root.resolve(".chant/archive/2026-03-01/2026-03-01-002-lnk.md")).isRegularFile();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege on Windows")
    void aSpecLinkedAbsolutelyStillLeadsToItsFileOnceArchived() throws IOException {
        GitCli[] git = new GitCli[1];
        Path root = repo(git);
        Files.createDirectories(root.resolve("docs"));
        Path file = Files.writeString(root.resolve("docs/spec.md"), spec("completed", ""));
        Files.createSymbolicLink(root.resolve(".chant/specs/2026-03-01-002-lnk.md"), file.toAbsolutePath());
        git[0].commitAll("an absolute link");

        archive(root, ArchiveOptions.DEFAULTS, "2026-03-01-002-lnk");

        Path archived = root.resolve(".chant/archive/2026-03-01/2026-03-01-002-lnk.md");
        assertThat(Files.isSymbolicLink(archived)).isTrue();
        assertThat(archived.toRealPath()).isEqualTo(file.toRealPath());
    }

    @Test
    void unmergedWorkBranchRefusesUntilMergedOrForced() throws IOException {
        GitCli[] git = new GitCli[1];
        Path root = repo(git);
        Files.writeString(root.resolve(".chant/specs/2026-03-01-001-abc.md"),
                spec("completed", "branch: chant/2026-03-01-001-abc\n"));
        git[0].commitAll("spec with a work branch");
        git[0].run("checkout", "-q", "-b", "chant/2026-03-01-001-abc");
        Files.writeString(root.resolve("fix.txt"), "the fix\n");
        git[0].commitAll("chant(2026-03-01-001-abc): the fix");
        git[0].run("checkout", "-q", "main");
        Map<String, String> before = TreeSnapshot.of(root);
        List<String> indexBefore = git[0].status();

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "2026-03-01-001-abc"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("feature branch 'chant/2026-03-01-001-abc' has not been merged to main")
                .hasMessageContaining("--force");
        assertThat(TreeSnapshot.of(root)).isEqualTo(before);
        assertThat(git[0].status()).isEqualTo(indexBefore);

        git[0].run("merge", "-q", "--no-ff", "-m", "merge the fix", "chant/2026-03-01-001-abc");
        assertThat(archive(root, ArchiveOptions.DEFAULTS, "2026-03-01-001-abc").archived()).hasSize(1);
    }

    @Test
    void forceArchivesDespiteAnUnmergedBranchAndAnyStatus() throws IOException {
        GitCli[] git = new GitCli[1];
        Path root = repo(git);
        Files.writeString(root.resolve(".chant/specs/2026-03-01-001-abc.md"),
                spec("in_progress", "branch: chant/2026-03-01-001-abc\n"));
        git[0].commitAll("spec with a work branch");
        git[0].run("branch", "chant/2026-03-01-001-abc");
        git[0].run("checkout", "-q", "chant/2026-03-01-001-abc");
        Files.writeString(root.resolve("fix.txt"), "unmerged\n");
        git[0].commitAll("unmerged work");
        git[0].run("checkout", "-q", "main");

        ArchiveResult result = archive(root, new ArchiveOptions(true, false, false), "2026-03-01-001-abc");

        assertThat(result.archived()).extracting(SpecMove::to)
                .containsExactly(".chant/archive/2026-03-01/2026-03-01-001-abc.md");
        assertThat(git[0].status()).containsExactly("R  .chant/specs/2026-03-01-001-abc.md -> "
                + ".chant/archive/2026-03-01/2026-03-01-001-abc.md");
    }

    @Test
    void workBranchThatDoesNotExistLocallyPassesAndAMissingMainBranchRefuses() throws IOException {
        GitCli[] git = new GitCli[1];
        Path root = repo(git);
        Files.writeString(root.resolve(".chant/specs/2026-03-01-001-abc.md"),
                spec("completed", "branch: chant/2026-03-01-001-abc\n"));
        git[0].commitAll("spec whose branch was deleted");

        assertThat(archive.plan(reader.read(root), List.of("2026-03-01-001-abc"), ArchiveOptions.DEFAULTS)
                .isRefused()).isFalse();

        git[0].run("branch", "chant/2026-03-01-001-abc");
        Path config = root.resolve(".chant/config.md");
        Files.writeString(config, Files.readString(config).replaceFirst("---\n", "---\ndefaults:\n  main_branch: trunk\n"));
        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, "2026-03-01-001-abc"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("the main branch 'trunk' (defaults.main_branch in .chant/config.md) does not "
                        + "exist");
    }

    @Test
    void failedMoveLeavesFilesAndIndexAsTheyWere() throws IOException {
        GitCli[] git = new GitCli[1];
        Path root = repo(git);
        ArchivePlan plan = archive.plan(reader.read(root), List.of(SPEC, "002-test-suite-driver"),
                ArchiveOptions.DEFAULTS);
        Path intruder = root.resolve(".chant/archive/002-test-s/002-test-suite-driver.3.md");
        Files.createDirectories(intruder.getParent());
        Files.writeString(intruder, "appeared meanwhile\n");
        Map<String, String> before = TreeSnapshot.of(root);
        List<String> statusBefore = git[0].status();

        assertThatThrownBy(() -> archive.execute(plan)).isInstanceOf(Refusal.class)
                .hasMessageContaining("the 3 move(s) already done were undone");

        assertThat(TreeSnapshot.of(root)).isEqualTo(before);
        assertThat(git[0].status()).isEqualTo(statusBefore)
                .containsExactly("?? .chant/archive/002-test-s/002-test-suite-driver.3.md");
        assertThat(git[0].run("diff", "--cached", "--name-only")).isEmpty();
    }

    @Test
    void lockedIndexRefusesBeforeAnythingMoves() throws IOException {
        GitCli[] git = new GitCli[1];
        Path root = repo(git);
        Files.writeString(root.resolve(".git/index.lock"), "");
        Map<String, String> before = TreeSnapshot.of(root);

        assertThatThrownBy(() -> archive(root, ArchiveOptions.DEFAULTS, SPEC))
                .isInstanceOf(ChantException.class)
                .hasMessageContaining("is locked").hasMessageContaining("nothing was moved");
        assertThat(TreeSnapshot.of(root)).isEqualTo(before);
    }

    @Test
    void flatArchiveMigrationIsStagedToo() throws IOException {
        GitCli[] git = new GitCli[1];
        Path root = repo(git);
        Files.createDirectories(root.resolve(".chant/archive"));
        Files.writeString(root.resolve(".chant/archive/2026-01-20-004-xyz.md"), spec("completed", ""));
        git[0].commitAll("an archive in the old flat layout");

        ArchiveResult result = archive(root, ArchiveOptions.DEFAULTS, SPEC);

        assertThat(result.migrated()).extracting(SpecMove::to)
                .containsExactly(".chant/archive/2026-01-20/2026-01-20-004-xyz.md");
        assertThat(git[0].status()).containsExactlyInAnyOrder("R  " + FROM + " -> " + TO,
                "R  .chant/archive/2026-01-20-004-xyz.md -> .chant/archive/2026-01-20/2026-01-20-004-xyz.md");
    }

    @Test
    void chantRootInASubFolderOfTheWorkTreeStagesTheRightPaths() {
        Path work = tmp.resolve("work");
        Path root = FixtureTrees.copy(FixtureTrees.TDD, work.resolve("services/payments"));
        GitCli git = GitCli.init(work).commitAll("monorepo");

        archive(root, ArchiveOptions.DEFAULTS, SPEC);

        assertThat(git.status()).containsExactly("R  services/payments/" + FROM + " -> services/payments/" + TO);
    }

    @Test
    void targetFilesWithoutChangesInTheSpecsCommitsAreReportedAsWarnings() throws IOException {
        GitCli[] git = new GitCli[1];
        Path root = repo(git);
        String id = "2026-03-01-001-abc";
        Files.writeString(root.resolve(".chant/specs/" + id + ".md"),
                spec("completed", "target_files:\n- src/a.txt\n- src/b.txt\n"));
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/b.txt"), "b\n");
        git[0].commitAll("spec and b");
        Files.writeString(root.resolve("src/a.txt"), "a\n");
        git[0].commitAll("chant(" + id + "): change a");

        ArchiveResult result = archive(root, ArchiveOptions.DEFAULTS, id);

        assertThat(result.archived()).hasSize(1);
        assertThat(result.warnings()).containsExactly("spec " + id + " has target_files without changes in commits "
                + "marked 'chant(" + id + "):': src/b.txt (changed: src/a.txt)");
        assertThat(archive.archive(reader.read(root), List.of("002-test-suite-driver"),
                new ArchiveOptions(true, false, true)).warnings()).isEmpty();
    }
}
