package io.jenkins.plugins.upstreampr.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.ExampleRepository;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.chant.SpecTrail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullRequestTemplateTest {

    private static Map<Placeholder, String> values(String... pairs) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(Placeholder.named(pairs[i]).orElseThrow(), pairs[i + 1]);
        }
        return values;
    }

    @Test
    void everyPlaceholderIsReplacedSpacesInsideBracesAllowed() {
        PullRequestTemplate template = new PullRequestTemplate("t.md",
                "# {{title}}\n\n{{ summary }}\n\nFiles:\n{{changes}}\n\nChecks:\n{{testing}}\n\nIssue {{issue}}. {{fixes}}\n");

        String out = template.fill(values("title", "Fix it", "summary", "Why.", "changes", "- `a`",
                "testing", "- ran", "issue", "7", "fixes", "Fixes #7"));

        assertThat(out).isEqualTo("# Fix it\n\nWhy.\n\nFiles:\n- `a`\n\nChecks:\n- ran\n\nIssue 7. Fixes #7\n");
    }

    @Test
    void headingsOfEmptySectionsAreDroppedAndBlankLinesCollapsed() {
        String out = PullRequestTemplate.DEFAULT.fill(values("summary", "Why.", "changes", "- `a`"));

        assertThat(out).isEqualTo("## Summary\n\nWhy.\n\n## Changes\n\n- `a`\n");
    }

    @Test
    void headingsInsideCodeBlocksAreLeftAlone() {
        PullRequestTemplate template = new PullRequestTemplate("t.md", "```\n## not a heading\n```\n\n{{summary}}\n");

        assertThat(template.fill(values())).isEqualTo("```\n## not a heading\n```\n");
    }

    @Test
    void replacementTextIsTakenLiterally() {
        PullRequestTemplate template = new PullRequestTemplate("t.md", "{{summary}}");

        assertThat(template.fill(values("summary", "costs $1 and {{title}} \\n"))).isEqualTo("costs $1 and {{title}} \\n\n");
    }

    @Test
    void unknownPlaceholderNamesItsLineAndTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pr-template.md");
        Files.writeString(file, "## Summary\n{{summary}}\n\n## Risk\n{{ risk }}\n{{Title}}\n");

        assertThatThrownBy(() -> PullRequestTemplate.read(file))
                .isInstanceOf(ChantException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("unknown placeholders {{risk}} (line 5), {{Title}} (line 6)")
                .hasMessageContaining("{{title}}, {{summary}}, {{changes}}, {{testing}}, {{fixes}}, {{issue}}");
    }

    @Test
    void missingAndNonUtf8TemplatesAreClearErrors(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> PullRequestTemplate.read(dir.resolve("nope.md")))
                .isInstanceOf(ChantException.class).hasMessageContaining("nope.md").hasMessageContaining("--template");
        Path latin1 = dir.resolve("latin1.md");
        Files.write(latin1, new byte[] {'{', '{', 't', 'i', 't', 'l', 'e', '}', '}', ' ', (byte) 0xE9});
        assertThatThrownBy(() -> PullRequestTemplate.read(latin1))
                .isInstanceOf(ChantException.class).hasMessageContaining("latin1.md").hasMessageContaining("UTF-8");
    }

    @Test
    void aUserTemplateReplacesTheDefaultLayout(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("template.md");
        Files.writeString(file, """
                {{fixes}}

                ### What and why
                {{summary}}

                ### Files
                {{changes}}

                ### Checklist
                - [ ] I read CONTRIBUTING.md
                """);
        SpecTrail trail = SpecTrail.of(new ChantTreeReader().read(ExampleRepository.kvstore()),
                new SpecId(ExampleRepository.IMPLEMENTATION));

        PullRequestText pr = new PullRequestBodyRenderer().render(trail, PullRequestTemplate.read(file));

        assertThat(pr.body()).startsWith("Fixes #1234\n\n### What and why\nWhen two processes write")
                .contains("### Files\n- `src/kvstore/store.py`: take the store lock")
                .endsWith("### Checklist\n- [ ] I read CONTRIBUTING.md\n")
                .doesNotContain("## Testing", "{{");
        assertThat(pr.title()).isEqualTo("Fix issue #1234: serialize concurrent writes with the store lock");
    }
}
