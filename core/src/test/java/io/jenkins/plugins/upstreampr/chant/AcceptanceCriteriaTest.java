package io.jenkins.plugins.upstreampr.chant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** chant's acceptance-criteria count (chant-format.md §8.2), on real spec bodies and on its edge cases. */
class AcceptanceCriteriaTest {

    private static final ChantTree ROOT = new ChantTreeReader().read(FixtureTrees.tree(FixtureTrees.CHANT_ROOT));
    private static final ChantTree OSS = new ChantTreeReader().read(FixtureTrees.tree(FixtureTrees.OSS_MAINTAINER));
    private static final ChantTree TDD = new ChantTreeReader().read(FixtureTrees.tree(FixtureTrees.TDD));

    private static Spec spec(ChantTree tree, String id) {
        SpecId specId = new SpecId(id);
        return tree.activeSpec(specId).or(() -> tree.archivedSpec(specId)).orElseThrow();
    }

    // --- real bodies -------------------------------------------------------------------------------------------

    @Test
    void completedSpecWithTwoUncheckedCriteria() {
        AcceptanceCriteria c = AcceptanceCriteria.of(spec(ROOT, "2026-02-07-00c-xgg"));
        assertThat(c).isEqualTo(new AcceptanceCriteria(7, 9));
        assertThat(c.unchecked()).isEqualTo(2);
        assertThat(c.allChecked()).isFalse();
        assertThat(spec(ROOT, "2026-02-07-00c-xgg").status()).isEqualTo(SpecStatus.COMPLETED);
    }

    @Test
    void criteriaEndAtTheNextLevelTwoHeading() {
        // 6 boxes under ## Acceptance Criteria, then "## Output"
        assertThat(AcceptanceCriteria.of(spec(ROOT, "2026-02-07-00u-haf"))).isEqualTo(new AcceptanceCriteria(4, 6));
    }

    @Test
    void cancelledSpecWithNothingTicked() {
        assertThat(AcceptanceCriteria.of(spec(ROOT, "2026-02-07-00b-m5g"))).isEqualTo(new AcceptanceCriteria(0, 9));
    }

    @Test
    void boxesRepeatedInsideTheAgentOutputFenceAreNotCounted() {
        // The agent output repeats the five ticked criteria inside its ``` block (plus "## Investigation Complete").
        Spec s = spec(OSS, "001-comprehension");
        assertThat(s.body()).contains("**All Acceptance Criteria Met**:");
        assertThat(AcceptanceCriteria.of(s)).isEqualTo(new AcceptanceCriteria(5, 5));
        assertThat(AcceptanceCriteria.uncounted(s.body())).isEmpty();
    }

    @Test
    void everyFixtureSpecHasSomeCountAndNoNegativeOrInconsistentOne() {
        for (ChantTree tree : List.of(ROOT, OSS, TDD)) {
            for (Spec s : tree.all()) {
                AcceptanceCriteria c = AcceptanceCriteria.of(s);
                assertThat(c.checked()).as(s.path()).isBetween(0, c.total());
            }
        }
        assertThat(ROOT.all()).filteredOn(s -> AcceptanceCriteria.of(s).unchecked() > 0)
                .extracting(s -> s.id().value())
                .contains("2026-02-07-00c-xgg", "2026-02-07-00d-llr", "2026-02-07-00f-f5y", "2026-02-07-00g-vzz",
                        "2026-02-07-00u-haf");
    }

    // --- chant's rules, on constructed bodies -----------------------------------------------------------------

    @Test
    void noHeadingMeansNoCriteria() {
        assertThat(AcceptanceCriteria.of("# Title\n\n- [ ] a task outside any criteria\n"))
                .isEqualTo(AcceptanceCriteria.NONE);
        assertThat(AcceptanceCriteria.of("")).isEqualTo(AcceptanceCriteria.NONE);
    }

    @Test
    void theLastHeadingWins() {
        String body = """
                # T
                ## Acceptance Criteria
                - [ ] first section, ignored
                - [ ] ignored too
                ## Acceptance Criteria
                - [x] counted
                - [ ] counted
                """;
        assertThat(AcceptanceCriteria.of(body)).isEqualTo(new AcceptanceCriteria(1, 2));
        assertThat(AcceptanceCriteria.uncounted(body)).singleElement().satisfies(u -> {
            assertThat(u.heading()).isEqualTo("## Acceptance Criteria");
            assertThat(u.line()).isEqualTo(2);
            assertThat(u.total()).isEqualTo(2);
            assertThat(u.unchecked()).isEqualTo(2);
        });
    }

    @Test
    void headingIsMatchedAsAPrefixAfterLeftTrimming() {
        assertThat(AcceptanceCriteria.of("  ## Acceptance Criteria (updated)\n- [ ] a\n"))
                .isEqualTo(new AcceptanceCriteria(0, 1));
        assertThat(AcceptanceCriteria.of("## Acceptance Criteria:\n- [X] a\n")).isEqualTo(new AcceptanceCriteria(1, 1));
    }

    @Test
    void levelThreeOrLowercaseHeadingsAreNotCountedButAreFlagged() {
        String body = """
                # T
                ### Acceptance Criteria
                - [ ] one
                - [x] two
                - [ ] three
                """;
        assertThat(AcceptanceCriteria.of(body)).isEqualTo(AcceptanceCriteria.NONE);
        List<UncountedChecklist> uncounted = AcceptanceCriteria.uncounted(body);
        assertThat(uncounted).containsExactly(new UncountedChecklist("### Acceptance Criteria", 2, 1, 3));
        assertThat(uncounted.get(0).describe()).isEqualTo("the 3 box(es) (2 unchecked) under '### Acceptance "
                + "Criteria' (body line 2) are not counted by chant, which counts only boxes under the last "
                + "'## Acceptance Criteria' heading: make it a level-2 '## Acceptance Criteria' section");

        assertThat(AcceptanceCriteria.of("## acceptance criteria\n- [ ] a\n")).isEqualTo(AcceptanceCriteria.NONE);
        assertThat(AcceptanceCriteria.uncounted("## acceptance criteria\n- [ ] a\n"))
                .containsExactly(new UncountedChecklist("## acceptance criteria", 1, 0, 1));
        assertThat(AcceptanceCriteria.of("#### Acceptance Criteria\n- [ ] a\n")).isEqualTo(AcceptanceCriteria.NONE);
    }

    @Test
    void levelThreeHeadingsInsideTheSectionDoNotEndItAndAreNotFlagged() {
        String body = """
                ## Acceptance Criteria
                - [x] a
                ### Acceptance Criteria for the docs
                - [ ] b
                # A level-one heading does not end it either
                - [ ] c
                ## Next
                - [ ] not counted, and not under a criteria heading
                """;
        assertThat(AcceptanceCriteria.of(body)).isEqualTo(new AcceptanceCriteria(1, 3));
        assertThat(AcceptanceCriteria.uncounted(body)).isEmpty();
    }

    @Test
    void everyOccurrenceCountsIndentedOrSeveralPerLineButOnlyWithADash() {
        String body = """
                ## Acceptance Criteria
                - [x] parent
                    - [ ] indented child
                text - [ ] and - [X] mid-line, twice
                * [ ] star item
                + [ ] plus item
                -  [ ] two spaces
                - [] no space
                """;
        assertThat(AcceptanceCriteria.of(body)).isEqualTo(new AcceptanceCriteria(2, 4));
    }

    @Test
    void headingLineItselfIsNotCounted() {
        assertThat(AcceptanceCriteria.of("## Acceptance Criteria - [ ] inline\n- [x] a\n"))
                .isEqualTo(new AcceptanceCriteria(1, 1));
    }

    @Test
    void backtickFencedLinesAreSkippedButTildeFencesAreNotFences() {
        String body = """
                ## Acceptance Criteria
                - [x] real
                ```markdown
                - [ ] example inside a fence
                ## Not a heading inside the fence
                ```
                ~~~
                - [ ] tilde fences are not fences for chant
                ~~~
                - [ ] real, after the fence
                """;
        assertThat(AcceptanceCriteria.of(body)).isEqualTo(new AcceptanceCriteria(1, 3));
    }

    @Test
    void aHeadingInsideAFenceIsNotAHeading() {
        String body = """
                ## Acceptance Criteria
                - [ ] real
                ```
                ## Acceptance Criteria
                - [x] example
                ```
                """;
        assertThat(AcceptanceCriteria.of(body)).isEqualTo(new AcceptanceCriteria(0, 1));
    }

    @Test
    void gluedClosingFenceOfAgentOutputHidesALaterSection() {
        // chant appends "## Agent Output" with a closing ``` glued to the last output line: the fence never
        // closes for chant, so a criteria section after it is inside a "fence".
        String body = """
                # T

                ## Agent Output

                2026-02-07T13:29:41Z

                ```
                did the work```

                ## Acceptance Criteria

                - [ ] added after the run
                """;
        assertThat(AcceptanceCriteria.of(body)).isEqualTo(AcceptanceCriteria.NONE);
    }

    @Test
    void gluedFenceInvertsTheFenceStateSoASecondAgentOutputExposesALaterSection() {
        // First agent output opens a fence that never closes; the second one's opening ``` "closes" it, its
        // output is then outside any fence for chant, and its glued closing fence does nothing.
        String body = """
                ## Acceptance Criteria
                - [x] done

                ## Agent Output

                ```
                first run```

                ## Agent Output

                ```
                ## Acceptance Criteria
                - [ ] quoted by the agent
                second run```
                """;
        assertThat(AcceptanceCriteria.of(body)).isEqualTo(new AcceptanceCriteria(0, 1));
    }

    @Test
    void windowsLineEndingsCountTheSame() {
        assertThat(AcceptanceCriteria.of("## Acceptance Criteria\r\n- [ ] a\r\n- [x] b\r\n## Next\r\n- [ ] c\r\n"))
                .isEqualTo(new AcceptanceCriteria(1, 2));
    }

    @Test
    void inconsistentCountsAreRejected() {
        assertThatThrownBy(() -> new AcceptanceCriteria(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AcceptanceCriteria(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
