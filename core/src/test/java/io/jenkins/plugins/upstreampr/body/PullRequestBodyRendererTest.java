package io.jenkins.plugins.upstreampr.body;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.ExampleRepository;
import io.jenkins.plugins.upstreampr.chant.FixtureTrees;
import io.jenkins.plugins.upstreampr.chant.Spec;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PullRequestBodyRendererTest {

    /** Process language that must never reach upstream maintainers, whatever the project. */
    static final Pattern PROCESS_ANYWHERE = Pattern.compile("(?i)\\d{4}-\\d{2}-\\d{2}-[0-9a-z]{3}-[0-9a-z]{3}"
            + "|\\bphase\\s*\\d|\\.chant/|agent output|agent conversation|execution result|```");
    /** Process language in a project that is not itself about specs and agents (chant's own repository is). */
    static final Pattern PROCESS = Pattern.compile(PROCESS_ANYWHERE.pattern()
            + "|(?i)\\bchant\\b|\\bagents?\\b|\\bspecs?\\b|\\bworktree|\\bstaging\\b");

    private final ChantTreeReader reader = new ChantTreeReader();
    private final PullRequestBodyRenderer renderer = new PullRequestBodyRenderer();

    private PullRequestText render(Path root, String id) {
        return renderer.render(SpecTrail.of(reader.read(root), new SpecId(id)));
    }

    @Test
    void exampleBodyIsWrittenForMaintainers() {
        PullRequestText pr = render(ExampleRepository.kvstore(), ExampleRepository.IMPLEMENTATION);

        assertThat(pr.title()).isEqualTo("Fix issue #1234: serialize concurrent writes with the store lock");
        String body = pr.body();
        assertThat(body).startsWith("## Summary\n\nWhen two processes write to the same store at the same time, "
                + "one of the updates can be lost: both commands succeed and log nothing, but one change is gone.");
        // summary: problem (implementation spec), cause (root cause document), fix (implementation spec's Approach)
        assertThat(body).contains("`Store.put()` reads the whole data file, changes one key in memory and atomically"
                + " replaces the file, without holding any lock between the read and the replace.");
        assertThat(body).contains("Hold the store's existing `FileLock` (an exclusive `fcntl.flock` on "
                + "`<store>/.lock`) for the whole read-modify-write cycle of every write path.");
        assertThat(section(body, "Changes")).isEqualTo("""
                - `src/kvstore/store.py`: take the store lock around the read-modify-write cycle in `put()` and `delete()`
                - `src/kvstore/batch.py`: same fix for `Batch.commit()`, which had the identical unprotected cycle
                - `tests/stress/test_concurrent_writes.py`: run the stress test by default with fewer rounds, so CI catches regressions
                - `docs/architecture/storage.md`: describe the write lock and why readers do not need it
                - `CHANGELOG.md`: note the fix under "Unreleased"
                - `tests/regression/test_issue_1234.py`: regression test for the reported interleaving (two writers, different keys)""");
        assertThat(section(body, "Testing")).isEqualTo("""
                - `pytest tests/regression/test_issue_1234.py` passes (it failed on the unfixed code)
                - `KVSTORE_STRESS_ROUNDS=200 pytest tests/stress/test_concurrent_writes.py` loses no increments with 8 processes
                - The full suite passes on Linux and macOS""");
        assertThat(body).endsWith("\n\nFixes #1234\n");
        assertThat(body).doesNotContain("Agent Output", "All acceptance criteria", "Context", "research-modify")
                .doesNotContainPattern(PROCESS);
    }

    @Test
    void theUpstreamPrSpecGivesTheSameProposalAsTheImplementationSpec() {
        assertThat(render(ExampleRepository.kvstore(), ExampleRepository.UPSTREAM_PR))
                .isEqualTo(render(ExampleRepository.kvstore(), ExampleRepository.IMPLEMENTATION));
    }

    @Test
    void realOssMaintainerTrailRendersItsBugFix() {
        PullRequestText pr = render(FixtureTrees.tree(FixtureTrees.OSS_MAINTAINER), "006-upstream-pr");

        assertThat(pr.title()).isEqualTo("Implement fix for Issue #42");
        String body = pr.body();
        assertThat(section(body, "Summary"))
                .contains("When two API workers update different fields of the same user profile simultaneously")
                .contains("This is a classic **read-modify-write race condition** without any locking:\n\n"
                        + "1. `_read_all()` reads the entire storage file into memory")
                .contains("Fix the concurrent write data loss bug in `src/storage/store.py`")
                // the fork fix's Context ("We have completed our research: - Phase 3 ...") is process talk
                .doesNotContain("We have completed");
        assertThat(section(body, "Changes")).isEqualTo("- `src/storage/store.py`\n"
                + "- `tests/regression/test_issue_42.py`");
        assertThat(section(body, "Testing")).contains("- Run `tests/regression/test_issue_42.py` - should now PASS",
                "- Verify no existing tests broke", "- Test under high concurrency to verify fix holds");
        assertThat(body).endsWith("Fixes #42\n");
        // the fixture's agent outputs are long and full of process talk
        assertThat(body).doesNotContain("Agent Output", "Investigation Complete", "I'll", "Co-Authored-By")
                .doesNotContainPattern(PROCESS);
        assertThat(render(FixtureTrees.tree(FixtureTrees.OSS_MAINTAINER), "005-fork-fix")).isEqualTo(pr);
    }

    @ParameterizedTest
    @ValueSource(strings = {FixtureTrees.OSS_MAINTAINER, FixtureTrees.TDD, FixtureTrees.CHANT_ROOT})
    void noBodyOfAnyRealSpecLeaksProcessLanguageOrAgentOutput(String fixture) {
        ChantTree tree = reader.read(FixtureTrees.tree(fixture));
        boolean chantItself = fixture.equals(FixtureTrees.CHANT_ROOT);
        Pattern forbidden = chantItself ? PROCESS_ANYWHERE : PROCESS;
        // a title is the human's to edit; in chant's own repository ".chant/" is what the change is about
        Pattern forbiddenInTitle = chantItself ? Pattern.compile("(?i)\\bphase\\s*\\d") : PROCESS;
        List<String> leaks = new ArrayList<>();
        for (Spec spec : tree.all()) {
            SpecTrail trail = SpecTrail.of(tree, spec.id());
            PullRequestText pr = renderer.render(trail);
            if (forbidden.matcher(pr.body()).find() || mentionsAnId(pr.body(), trail)) {
                leaks.add(spec.id() + " body: " + pr.body());
            }
            if (forbiddenInTitle.matcher(pr.title()).find() || mentionsAnId(pr.title(), trail)) {
                leaks.add(spec.id() + " title: " + pr.title());
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void agentSectionsAreRemovedEvenWithHeadingsInsideTheGluedFence(@TempDir Path repo) throws IOException {
        write(repo, "2026-04-01-001-aaa", """
                type: code
                target_files:
                - src/a.c""", """
                # Fix the parser

                ## Approach

                Check the length before copying.

                ## Agent Conversation

                Let me look at the parser first.

                ## Testing

                - `make check` passes

                ## Execution Result

                exit 0

                ## Agent Output

                2026-04-01T10:00:00Z

                ```
                Done.

                ## Summary

                - secret internal remark```

                ## Agent Output

                2026-04-01T11:00:00Z

                ```
                Second run.```
                """);

        String body = render(repo, "2026-04-01-001-aaa").body();

        assertThat(body).isEqualTo("""
                ## Summary

                Check the length before copying.

                ## Changes

                - `src/a.c`

                ## Testing

                - `make check` passes
                """);
    }

    @Test
    void issueNumberComesFromLabelsOrTheIssueUrlAndIsOmittedWhenUnknown(@TempDir Path repo) throws IOException {
        write(repo, "2026-04-02-001-aaa", "type: code\nlabels: [fix, issue-77]\ntarget_files: [src/a.c]",
                "# Fix a crash");
        write(repo, "2026-04-02-002-bbb", "type: research\ninformed_by: [https://github.com/o/r/issues/88]",
                "# Comprehension of a crash");
        write(repo, "2026-04-02-003-ccc", "type: code\ndepends_on: [2026-04-02-002-bbb]\ntarget_files: [src/b.c]",
                "# Fix another crash");
        write(repo, "2026-04-02-004-ddd", "type: code\ntarget_files: [src/c.c]", "# Tidy up");

        assertThat(render(repo, "2026-04-02-001-aaa").body()).endsWith("\nFixes #77\n");
        assertThat(render(repo, "2026-04-02-003-ccc").body()).endsWith("\nFixes #88\n");
        assertThat(render(repo, "2026-04-02-004-ddd").body()).doesNotContain("Fixes")
                .isEqualTo("## Summary\n\nTidy up.\n\n## Changes\n\n- `src/c.c`\n");
    }

    @Test
    void titleLosesPhaseLabelsAndSpecIds(@TempDir Path repo) throws IOException {
        write(repo, "2026-04-03-001-aaa", "type: code\ntarget_files: [x.py]",
                "# Phase 5: Fork Fix - Handle empty keys (2026-04-03-001-aaa)");

        assertThat(render(repo, "2026-04-03-001-aaa").title()).isEqualTo("Handle empty keys");
    }

    private static boolean mentionsAnId(String text, SpecTrail trail) {
        return trail.ids().stream().anyMatch(id -> text.contains(id.value()));
    }

    /** The lines of a level-2 section, without the heading and surrounding blank lines. */
    static String section(String body, String heading) {
        int start = body.indexOf("## " + heading + "\n");
        assertThat(start).as("section %s in%n%s", heading, body).isNotNegative();
        int from = start + heading.length() + 4;
        int next = body.indexOf("\n## ", from);
        int fixes = body.indexOf("\nFixes #", from);
        int end = Stream.of(next, fixes, body.length()).filter(i -> i >= 0).min(Integer::compare).get();
        return body.substring(from, end).strip();
    }

    static void write(Path repo, String id, String frontmatter, String body) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(".chant/specs"));
        Files.writeString(dir.resolve(id + ".md"), "---\n" + frontmatter + "\n---\n" + body);
    }
}
