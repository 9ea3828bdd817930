package io.jenkins.plugins.upstreampr.chant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reader over the real trees from lex00/chant. */
class ChantTreeReaderFixtureTest {

    private final ChantTreeReader reader = new ChantTreeReader();

    @Test
    void chantRootTreeHasItsActiveAndArchivedSpecsAndListsTheUnloadableOnes() {
        ChantTree tree = reader.read(FixtureTrees.tree(FixtureTrees.CHANT_ROOT));

        assertThat(tree.active()).hasSize(35);
        assertThat(tree.active()).filteredOn(s -> s.status() == SpecStatus.COMPLETED).hasSize(22);
        assertThat(tree.active()).filteredOn(s -> s.status() == SpecStatus.CANCELLED).hasSize(4);
        assertThat(tree.active()).filteredOn(s -> s.frontmatter().branch() != null).hasSize(7);
        // 35 flat + 14 + 4 dated files; the 6 flat files with `type: conflict` cannot be loaded by chant >= 0.23
        assertThat(tree.archived()).hasSize(35 + 14 + 4 - 6);
        assertThat(tree.unreadable()).hasSize(6).allSatisfy(u -> {
            assertThat(u.archived()).isTrue();
            assertThat(u.reason()).contains("'type'").contains("'conflict'");
        });
        assertThat(tree.config().problem()).isNull();
    }

    @Test
    void ossMaintainerExampleIsAllArchivedInLegacyFolders() {
        ChantTree tree = reader.read(FixtureTrees.tree(FixtureTrees.OSS_MAINTAINER));

        assertThat(tree.active()).isEmpty();
        assertThat(tree.archived()).extracting(s -> s.id().value()).containsExactly("001-comprehension",
                "002-reproduction", "003-root-cause", "004-sprawl", "005-fork-fix", "006-upstream-pr");
        assertThat(tree.archivedSpec(new SpecId("005-fork-fix")).orElseThrow().frontmatter().informedBy())
                .containsExactly(".chant/research/issue-42-root-cause.md", ".chant/research/issue-42-sprawl.md");
        assertThat(tree.researchDocuments()).hasSize(2);
    }

    @Test
    void tddExampleDriverSortsBeforeItsMembers() {
        ChantTree tree = reader.read(FixtureTrees.tree(FixtureTrees.TDD));

        assertThat(tree.active()).extracting(s -> s.id().value()).containsExactly("001-coverage-analysis",
                "002-test-suite-driver", "002-test-suite-driver.1", "002-test-suite-driver.2",
                "002-test-suite-driver.3");
        Spec driver = tree.active().get(1);
        assertThat(driver.type()).isEqualTo(SpecType.DRIVER);
        assertThat(driver.title()).isEqualTo("Payment service test coverage expansion");
        assertThat(tree.active().get(3).id().driver()).contains(driver.id());
    }
}
