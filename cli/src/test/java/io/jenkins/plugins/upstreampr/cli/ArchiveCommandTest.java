package io.jenkins.plugins.upstreampr.cli;

import static io.jenkins.plugins.upstreampr.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upstream-pr archive} run in-process against copies of the real chant trees. */
class ArchiveCommandTest {

    private static final String NL = System.lineSeparator();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path temp;

    private Path tree(String name) {
        return CommandRun.copyFixture(name, temp.resolve(name));
    }

    @Test
    void archivesADriverGroupAndPrintsTheMovesAsJson() throws IOException {
        Path root = tree(CommandRun.TDD);

        CommandRun r = run("archive", "--dir", root.toString(), "--json", "002-test-suite-driver");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode out = json.readTree(r.out());
        assertThat(fieldNames(out)).containsExactly("archived", "skipped");
        assertThat(out.get("archived")).hasSize(4);
        assertThat(fieldNames(out.get("archived").get(0))).containsExactly("id", "from", "to");
        assertThat(out.get("archived").get(0).get("id").asText()).isEqualTo("002-test-suite-driver.1");
        assertThat(out.get("archived").get(3).get("from").asText()).isEqualTo(".chant/specs/002-test-suite-driver.md");
        assertThat(out.get("archived").get(3).get("to").asText())
                .isEqualTo(".chant/archive/002-test-s/002-test-suite-driver.md");
        assertThat(out.get("skipped")).isEmpty();
        assertThat(root.resolve(".chant/archive/002-test-s/002-test-suite-driver.md")).exists();
        assertThat(root.resolve(".chant/specs/002-test-suite-driver.md")).doesNotExist();
    }

    @Test
    void partialIdIsResolvedAndTheTextOutputNamesTheMove() {
        Path root = tree(CommandRun.TDD);

        CommandRun r = run("archive", "--dir", root.toString(), "001");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Archived 1 spec(s):" + NL + "  001-coverage-analysis  "
                + ".chant/specs/001-coverage-analysis.md -> .chant/archive/001-covera/001-coverage-analysis.md" + NL);
    }

    @Test
    void refusedBatchExitsThreeMovesNothingAndListsEverySpecInJson() throws IOException {
        Path root = tree(CommandRun.CHANT_ROOT);
        List<Path> before = files(root);

        CommandRun r = run("archive", "--dir", root.toString(), "--json", "2026-02-07-00a-ffx",
                "2026-02-07-00b-m5g");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("upstream-pr archive: Nothing archived: 2026-02-07-00b-m5g: Spec "
                + "'2026-02-07-00b-m5g' must be completed to archive (current: Cancelled)");
        assertThat(r.err().lines()).hasSize(1);
        JsonNode out = json.readTree(r.out());
        assertThat(out.get("archived")).isEmpty();
        assertThat(out.get("skipped")).hasSize(2);
        assertThat(out.get("skipped").get(0).get("id").asText()).isEqualTo("2026-02-07-00b-m5g");
        assertThat(out.get("skipped").get(1).get("id").asText()).isEqualTo("2026-02-07-00a-ffx");
        assertThat(out.get("skipped").get(1).get("reason").asText()).contains("the batch was refused");
        assertThat(files(root)).isEqualTo(before);
    }

    @Test
    void forceArchivesACancelledSpec() {
        Path root = tree(CommandRun.CHANT_ROOT);

        CommandRun r = run("archive", "--dir", root.toString(), "--force", "2026-02-07-00b-m5g");

        assertThat(r.exitCode()).isZero();
        assertThat(root.resolve(".chant/archive/2026-02-07/2026-02-07-00b-m5g.md")).exists();
        assertThat(r.out()).contains("Moved 35 flat archive file(s) into their folders first");
    }

    @Test
    void alreadyArchivedSpecIsSkippedWithExitZero() throws IOException {
        Path root = tree(CommandRun.CHANT_ROOT);

        CommandRun r = run("archive", "--dir", root.toString(), "--json", "2026-02-04-001-29p");

        assertThat(r.exitCode()).isZero();
        assertThat(json.readTree(r.out())).isEqualTo(json.readTree("{\"archived\":[],\"skipped\":[{\"id\":"
                + "\"2026-02-04-001-29p\",\"reason\":\"already archived at "
                + ".chant/archive/2026-02-04/2026-02-04-001-29p.md; nothing to do\"}]}"));
    }

    @Test
    void dryRunMovesNothing() throws IOException {
        Path root = tree(CommandRun.CHANT_ROOT);
        List<Path> before = files(root);

        CommandRun r = run("archive", "--dir", root.toString(), "--dry-run", "2026-02-07-00a-ffx");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Would move 35 flat archive file(s)")
                .contains("Would archive 1 spec(s):" + NL + "  2026-02-07-00a-ffx  .chant/specs/2026-02-07-00a-ffx.md"
                        + " -> .chant/archive/2026-02-07/2026-02-07-00a-ffx.md");
        assertThat(files(root)).isEqualTo(before);
    }

    @Test
    void shortIdIsRefusedWithExitThree() throws IOException {
        Path root = tree(CommandRun.TDD);
        Files.writeString(root.resolve(".chant/specs/fix-42.md"), "---\nstatus: completed\n---\n# Fix\n");

        CommandRun r = run("archive", "--dir", root.toString(), "fix-42");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("ID 'fix-42' is shorter than 10 bytes");
        assertThat(root.resolve(".chant/specs/fix-42.md")).exists();
    }

    @Test
    void badInputExitsTwo() {
        Path root = tree(CommandRun.TDD);

        CommandRun noId = run("archive", "--dir", root.toString());
        assertThat(noId.exitCode()).isEqualTo(2);
        assertThat(noId.err()).contains("ID");

        CommandRun traversal = run("archive", "--dir", root.toString(), "../../etc/passwd");
        assertThat(traversal.exitCode()).isEqualTo(2);
        assertThat(traversal.err().lines()).hasSize(1);

        CommandRun notChant = run("archive", "--dir", tree(CommandRun.OSS_MAINTAINER).toString(), "001-comprehension");
        assertThat(notChant.exitCode()).isEqualTo(2);
        assertThat(notChant.err()).contains("Not a chant project");
    }

    @Test
    void insideGitTheRenameIsStagedAndNoStageLeavesTheIndexAlone() throws Exception {
        Path root = tree(CommandRun.TDD);
        try (Git git = Git.init().setInitialBranch("main").setDirectory(root.toFile()).call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("upstream-pr test", "test@upstream-pr.invalid");
            git.commit().setMessage("chant tree").setAuthor(who).setCommitter(who).setSign(false).call();

            assertThat(run("archive", "--dir", root.toString(), "001-coverage-analysis").exitCode()).isZero();
            assertThat(run("archive", "--dir", root.toString(), "--no-stage", "002-test-suite-driver.1").exitCode())
                    .isZero();

            DirCache index = git.getRepository().readDirCache();
            assertThat(index.findEntry(".chant/archive/001-covera/001-coverage-analysis.md")).isNotNegative();
            assertThat(index.findEntry(".chant/specs/001-coverage-analysis.md")).isNegative();
            assertThat(index.findEntry(".chant/specs/002-test-suite-driver.1.md")).isNotNegative();
            assertThat(index.findEntry(".chant/archive/002-test-s/002-test-suite-driver.1.md")).isNegative();
            assertThat(root.resolve(".chant/archive/002-test-s/002-test-suite-driver.1.md")).exists();
        }
    }

    @Test
    void unreadableGitIndexIsAnUnexpectedFailureAndMovesNothing() throws Exception {
        Path root = tree(CommandRun.TDD);
        try (Git git = Git.init().setInitialBranch("main").setDirectory(root.toFile()).call()) {
            git.add().addFilepattern(".").call();
        }
        Files.writeString(root.resolve(".git/index"), "not an index");
        List<Path> before = files(root);

        CommandRun r = run("archive", "--dir", root.toString(), "001-coverage-analysis");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("upstream-pr archive: unexpected failure (")
                .contains("Cannot read the git index").contains("rerun with --debug");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(files(root)).isEqualTo(before);
    }

    private static List<String> fieldNames(JsonNode node) {
        return Stream.of(node.fieldNames()).flatMap(it -> {
            List<String> names = new ArrayList<>();
            it.forEachRemaining(names::add);
            return names.stream();
        }).toList();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.sorted().toList();
        }
    }
}
