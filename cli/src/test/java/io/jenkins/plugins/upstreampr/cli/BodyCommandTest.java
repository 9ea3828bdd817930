package io.jenkins.plugins.upstreampr.cli;

import static io.jenkins.plugins.upstreampr.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upstream-pr body} run in-process against the bundled example repository and the real chant trees. */
class BodyCommandTest {

    @TempDir
    Path temp;

    /** The example repository bundled at the root of the build ({@code examples/kvstore}). */
    static String kvstore() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples/kvstore/.chant"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("examples/kvstore above the module").isNotNull();
        return dir.resolve("examples/kvstore").toString();
    }

    @Test
    void printsTheBodyOfTheExampleFixResolvedBySuffix() {
        CommandRun r = run("body", "v7b", "--dir", kvstore());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("## Summary\n\nWhen two processes write to the same store")
                .contains("\n## Changes\n\n- `src/kvstore/store.py`: take the store lock around the read-modify-write")
                .contains("\n## Testing\n\n- `pytest tests/regression/test_issue_1234.py` passes")
                .endsWith("\n\nFixes #1234\n")
                .doesNotContain("2026-11-20", "Agent", "agent", "Phase", ".chant/");
    }

    @Test
    void theUpstreamPrSpecGivesTheSameBody() {
        assertThat(run("body", "006", "--dir", kvstore()).out())
                .isEqualTo(run("body", "2026-11-20-005-v7b", "--dir", kvstore()).out());
    }

    @Test
    void archivedTrailByExactIdWithItsGapsNotedOnStderr() {
        String dir = CommandRun.copyFixture(CommandRun.OSS_MAINTAINER, temp.resolve("oss")).toString();

        CommandRun r = run("body", "005-fork-fix", "--dir", dir);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("- `src/storage/store.py`\n").endsWith("Fixes #42\n");
        assertThat(r.err().lines()).containsExactly(
                "upstream-pr body: note: 003-root-cause: informed_by tests/regression/test_issue_42.py does not "
                        + "exist in the repository",
                "upstream-pr body: note: 005-fork-fix: informed_by .chant/research/issue-42-sprawl.md does not "
                        + "exist in the repository");
    }

    @Test
    void jsonHasTitleBodyTrailAndGaps() throws IOException {
        CommandRun r = run("body", "v7b", "--json", "--dir", kvstore());

        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(r.exitCode()).isZero();
        assertThat(json.get("title").asText()).isEqualTo("Fix issue #1234: serialize concurrent writes with the store lock");
        assertThat(json.get("body").asText()).isEqualTo(run("body", "v7b", "--dir", kvstore()).out());
        assertThat(json.get("trail")).hasSize(7);
        assertThat(json.get("trail").get(0).asText()).isEqualTo("2026-11-20-001-k3v");
        assertThat(json.get("gaps")).isEmpty();
    }

    @Test
    void templateLaysOutTheBody() throws IOException {
        Path template = Files.writeString(temp.resolve("t.md"), "# {{title}}\n\n{{summary}}\n\nCloses #{{issue}}\n");

        CommandRun r = run("body", "v7b", "--dir", kvstore(), "--template", template.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("# Fix issue #1234: serialize concurrent writes with the store lock\n\n")
                .endsWith("\n\nCloses #1234\n").doesNotContain("## Changes");
    }

    @Test
    void unknownPlaceholderIsOneLineNamingItAndTheFile() throws IOException {
        Path template = Files.writeString(temp.resolve("bad.md"), "{{summary}}\n{{risks}}\n");

        CommandRun r = run("body", "v7b", "--dir", kvstore(), "--template", template.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("upstream-pr body: Template " + template + " uses unknown placeholder "
                + "{{risks}} (line 2): use only {{title}}, {{summary}}, {{changes}}, {{testing}}, {{fixes}}, "
                + "{{issue}}" + System.lineSeparator());
    }

    @Test
    void missingTemplateAndUnknownIdAreOneLineErrors() {
        CommandRun missing = run("body", "v7b", "--dir", kvstore(), "--template", temp.resolve("no.md").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("upstream-pr body: Template ").contains("no.md", "--template")
                .hasLineCount(1);

        CommandRun unknown = run("body", "zzz-nothing", "--dir", kvstore());
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).startsWith("upstream-pr body: ").contains("zzz-nothing").hasLineCount(1);
    }
}
