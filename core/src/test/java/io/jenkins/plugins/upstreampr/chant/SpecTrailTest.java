package io.jenkins.plugins.upstreampr.chant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecTrailTest {

    private final ChantTreeReader reader = new ChantTreeReader();

    private SpecTrail trail(Path root, String head) {
        return SpecTrail.of(reader.read(root), new SpecId(head));
    }

    private static List<String> ids(SpecTrail trail) {
        return trail.ids().stream().map(SpecId::value).toList();
    }

    @Test
    void exampleTrailFollowsDependenciesAndTheReproductionGroupInDependencyOrder() {
        SpecTrail trail = trail(ExampleRepository.kvstore(), ExampleRepository.IMPLEMENTATION);

        assertThat(ids(trail)).containsExactly("2026-11-20-001-k3v", "2026-11-20-002-m8q", "2026-11-20-002-m8q.1",
                "2026-11-20-002-m8q.2", "2026-11-20-003-r4x", "2026-11-20-004-j3n", "2026-11-20-005-v7b");
        assertThat(trail.implementation().id().value()).isEqualTo(ExampleRepository.IMPLEMENTATION);
        assertThat(trail.gaps()).isEmpty();
        assertThat(trail.documents()).extracting(TrailDocument::reference, TrailDocument::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://github.com/upstream-org/kvstore/issues/1234",
                        TrailDocument.Kind.URL),
                org.assertj.core.groups.Tuple.tuple(".chant/research/issue-1234-comprehension.md",
                        TrailDocument.Kind.FILE),
                org.assertj.core.groups.Tuple.tuple("tests/regression/test_issue_1234.py", TrailDocument.Kind.FILE),
                org.assertj.core.groups.Tuple.tuple("src/kvstore/store.py", TrailDocument.Kind.FILE),
                org.assertj.core.groups.Tuple.tuple(".chant/research/issue-1234-root-cause.md",
                        TrailDocument.Kind.FILE),
                org.assertj.core.groups.Tuple.tuple("src/kvstore/*.py", TrailDocument.Kind.GLOB),
                org.assertj.core.groups.Tuple.tuple(".chant/research/issue-1234-impact-map.md",
                        TrailDocument.Kind.FILE));
        TrailDocument rootCause = trail.documents().get(4);
        assertThat(rootCause.text()).startsWith("# Root Cause Analysis: Issue #1234");
        assertThat(rootCause.citedBy()).extracting(SpecId::value)
                .containsExactly("2026-11-20-004-j3n", "2026-11-20-005-v7b");
    }

    @Test
    void filesAreTheSpecsThenTheDocumentFilesEachOnceWithoutUrlsGlobsOrMissingOnes() {
        SpecTrail example = trail(ExampleRepository.kvstore(), ExampleRepository.IMPLEMENTATION);

        assertThat(example.files()).containsExactly(".chant/specs/2026-11-20-001-k3v.md",
                ".chant/specs/2026-11-20-002-m8q.md", ".chant/specs/2026-11-20-002-m8q.1.md",
                ".chant/specs/2026-11-20-002-m8q.2.md", ".chant/specs/2026-11-20-003-r4x.md",
                ".chant/specs/2026-11-20-004-j3n.md", ".chant/specs/2026-11-20-005-v7b.md",
                ".chant/research/issue-1234-comprehension.md", "tests/regression/test_issue_1234.py",
                "src/kvstore/store.py", ".chant/research/issue-1234-root-cause.md",
                ".chant/research/issue-1234-impact-map.md");

        SpecTrail real = trail(FixtureTrees.tree(FixtureTrees.OSS_MAINTAINER), "006-upstream-pr");
        assertThat(real.files()).contains(".chant/research/issue-42-comprehension.md",
                ".chant/research/issue-42-root-cause.md")
                .doesNotContain("tests/regression/test_issue_42.py", ".chant/research/issue-42-sprawl.md")
                .hasSize(real.specs().size() + 2);
    }

    @Test
    void trailOfTheUpstreamPrSpecEndsWithItAndFindsTheForkFixAsImplementation() {
        SpecTrail trail = trail(ExampleRepository.kvstore(), ExampleRepository.UPSTREAM_PR);

        assertThat(ids(trail)).endsWith("2026-11-20-005-v7b", "2026-11-20-006-w2d").hasSize(8);
        assertThat(trail.head().id().value()).isEqualTo(ExampleRepository.UPSTREAM_PR);
        assertThat(trail.implementation().id().value()).isEqualTo(ExampleRepository.IMPLEMENTATION);
    }

    @Test
    void realOssMaintainerTrailRunsThroughArchivedSpecsAndReportsMissingDocuments() {
        SpecTrail trail = trail(FixtureTrees.tree(FixtureTrees.OSS_MAINTAINER), "006-upstream-pr");

        assertThat(ids(trail)).containsExactly("001-comprehension", "002-reproduction", "003-root-cause",
                "004-sprawl", "005-fork-fix", "006-upstream-pr");
        assertThat(trail.specs()).allMatch(Spec::archived);
        assertThat(trail.implementation().id().value()).isEqualTo("005-fork-fix");
        assertThat(trail.documents()).extracting(TrailDocument::reference).containsExactly(
                ".chant/research/issue-42-comprehension.md", "tests/regression/test_issue_42.py",
                ".chant/research/issue-42-root-cause.md", ".chant/research/issue-42-sprawl.md");
        assertThat(trail.documents()).extracting(TrailDocument::kind).containsExactly(TrailDocument.Kind.FILE,
                TrailDocument.Kind.MISSING, TrailDocument.Kind.FILE, TrailDocument.Kind.MISSING);
        assertThat(trail.gaps()).extracting(TrailGap::describe).containsExactly(
                "003-root-cause: informed_by tests/regression/test_issue_42.py does not exist in the repository",
                "005-fork-fix: informed_by .chant/research/issue-42-sprawl.md does not exist in the repository");
    }

    @Test
    void trailFromTheForkFixStopsThere() {
        SpecTrail trail = trail(FixtureTrees.tree(FixtureTrees.OSS_MAINTAINER), "005-fork-fix");

        assertThat(ids(trail)).containsExactly("001-comprehension", "002-reproduction", "003-root-cause",
                "004-sprawl", "005-fork-fix");
        assertThat(trail.implementation()).isSameAs(trail.head());
    }

    @Test
    void aMemberBringsItsDriverAndSiblingsByFileNameAndTheDriverMemberCycleTerminates() {
        // in the TDD example every member depends_on its own driver (chant's split writes such links)
        SpecTrail trail = trail(FixtureTrees.tree(FixtureTrees.TDD), "002-test-suite-driver.2");

        assertThat(ids(trail)).containsExactly("002-test-suite-driver", "002-test-suite-driver.1",
                "002-test-suite-driver.2", "002-test-suite-driver.3");
        assertThat(trail.gaps()).isEmpty();
    }

    @Test
    void realChantTreeReportsADependencyThatIsNotInTheTree() {
        ChantTree tree = reader.read(FixtureTrees.tree(FixtureTrees.CHANT_ROOT));
        SpecTrail trail = SpecTrail.of(tree, new SpecId("2026-02-07-005-xr0"));

        assertThat(ids(trail)).containsExactly("2026-02-07-005-xr0");
        assertThat(trail.gaps()).singleElement().satisfies(g -> {
            assertThat(g.reference()).isEqualTo("2026-02-07-001-1yv");
            assertThat(g.reason()).contains("neither in .chant/specs/ nor in .chant/archive/");
        });
    }

    @Test
    void shortUnreadableAndCrossRepositoryDependenciesAreGapsNotFailures(@TempDir Path repo) throws IOException {
        spec(repo, "specs", "2026-02-08-004-j3n", "type: research\nstatus: completed", "# Impact map");
        spec(repo, "specs", "2026-02-08-003-bad", "type: conflict", "# Old type");
        spec(repo, "specs", "2026-02-08-010-v7b", """
                type: code
                depends_on:
                - 004-j3n
                - 2026-02-08-003-bad
                - backend:2026-02-01-001-abc
                target_files:
                - src/a.py""", "# Fix");

        SpecTrail trail = trail(repo, "2026-02-08-010-v7b");

        assertThat(ids(trail)).containsExactly("2026-02-08-010-v7b");
        assertThat(trail.gaps()).extracting(TrailGap::reason).satisfiesExactly(
                r -> assertThat(r).contains("004-j3n", "need full IDs", "2026-02-08-004-j3n"),
                r -> assertThat(r).contains("2026-02-08-003-bad", "cannot be read", "conflict"),
                r -> assertThat(r).contains("backend:2026-02-01-001-abc", "another repository"));
    }

    @Test
    void dependencyCyclesTerminateInNaturalOrder(@TempDir Path repo) throws IOException {
        spec(repo, "specs", "2026-03-01-002-bbb", "depends_on: 2026-03-01-003-ccc", "# B");
        spec(repo, "specs", "2026-03-01-003-ccc", "depends_on: 2026-03-01-002-bbb", "# C");
        spec(repo, "specs", "2026-03-01-004-ddd", "depends_on: [2026-03-01-003-ccc, 2026-03-01-001-aaa]", "# D");
        spec(repo, "archive/2026-03-01", "2026-03-01-001-aaa", "status: completed", "# A (archived)");

        SpecTrail trail = trail(repo, "2026-03-01-004-ddd");

        assertThat(ids(trail)).containsExactly("2026-03-01-001-aaa", "2026-03-01-002-bbb", "2026-03-01-003-ccc",
                "2026-03-01-004-ddd");
        assertThat(trail.spec(new SpecId("2026-03-01-001-aaa"))).get().extracting(Spec::archived).isEqualTo(true);
    }

    @Test
    void informedByEntriesAreClassifiedAndNeverReadOutsideTheRepository(@TempDir Path base) throws IOException {
        Path repo = Files.createDirectories(base.resolve("repo"));
        Files.writeString(base.resolve("secret.txt"), "outside");
        Files.createDirectories(repo.resolve("docs"));
        spec(repo, "specs", "2026-03-02-001-aaa", "type: research", "# Research");
        spec(repo, "specs", "2026-03-02-002-bbb", """
                informed_by:
                - ../secret.txt
                - /etc/hostname
                - docs
                - .chant/specs/2026-03-02-001-aaa.md
                - https://example.org/issues/9
                - src/**/*.py""", "# Fix");

        SpecTrail trail = trail(repo, "2026-03-02-002-bbb");

        assertThat(ids(trail)).containsExactly("2026-03-02-001-aaa", "2026-03-02-002-bbb");
        assertThat(trail.documents()).extracting(TrailDocument::kind).containsExactly(TrailDocument.Kind.MISSING,
                TrailDocument.Kind.MISSING, TrailDocument.Kind.DIRECTORY, TrailDocument.Kind.SPEC,
                TrailDocument.Kind.URL, TrailDocument.Kind.GLOB);
        assertThat(trail.documents()).allMatch(d -> d.text() == null);
        assertThat(trail.gaps()).extracting(TrailGap::reason).allMatch(r -> r.contains("outside the repository"))
                .hasSize(2);
    }

    @Test
    void unknownHeadIsAClearError(@TempDir Path repo) throws IOException {
        spec(repo, "specs", "2026-03-03-001-aaa", "type: code", "# A");
        ChantTree tree = reader.read(repo);

        assertThatThrownBy(() -> SpecTrail.of(tree, new SpecId("2026-03-03-009-zzz")))
                .isInstanceOf(ChantException.class)
                .hasMessageContaining("2026-03-03-009-zzz").hasMessageContaining("upstream-pr specs");
    }

    static void spec(Path repo, String folder, String id, String frontmatter, String body) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(".chant").resolve(folder));
        Files.writeString(dir.resolve(id + ".md"), "---\n" + frontmatter + "\n---\n" + body + "\n");
    }
}
