package io.jenkins.plugins.upstreampr.chant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * The flat reader is only a faster road to snakeyaml-engine's answer: wherever it composes, its nodes are the ones
 * snakeyaml-engine composes (kind, tag, text, style, line); wherever snakeyaml-engine fails, it declines.
 */
class FlatYamlComposerTest {

    private static final LoadSettings SETTINGS = LoadSettings.builder().setSchema(new FailsafeSchema())
            .setAllowDuplicateKeys(true).build();

    /** snakeyaml-engine's composition as text, or null when it fails. */
    private static String reference(String yaml) {
        try {
            Optional<Node> node = new Compose(SETTINGS).composeString(yaml);
            return node.map(FlatYamlComposerTest::describe).orElse("(empty)");
        } catch (YamlEngineException e) {
            return null;
        }
    }

    /** A node as text with everything the frontmatter typing reads of it. */
    private static String describe(Node node) {
        StringBuilder out = new StringBuilder();
        describe(node, out);
        return out.toString();
    }

    private static void describe(Node node, StringBuilder out) {
        out.append(node.getClass().getSimpleName()).append('(').append(node.getTag()).append(" line ")
                .append(node.getStartMark().map(Mark::getLine).orElse(-1));
        if (node instanceof ScalarNode s) {
            out.append(' ').append(s.getScalarStyle()).append(" '").append(s.getValue()).append("'");
        } else if (node instanceof CollectionNode<?> c) {
            out.append(' ').append(c.getFlowStyle());
        }
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                out.append(' ');
                describe(item, out);
            }
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                out.append(' ');
                describe(t.getKeyNode(), out);
                out.append(": ");
                describe(t.getValueNode(), out);
            }
        }
        out.append(')');
    }

    /** Asserts agreement and says whether the flat reader composed {@code yaml}. */
    private static boolean agrees(String yaml) {
        MappingNode flat = FlatYamlComposer.compose(yaml);
        if (flat != null) {
            assertThat(describe(flat)).as("flat reading of%n%s", yaml).isEqualTo(reference(yaml));
        }
        return flat != null;
    }

    private static List<String> frontmatters(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root.resolve(".chant"))) {
            for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".md"))::iterator) {
                SpecText text = SpecText.split(Files.readString(p, StandardCharsets.UTF_8));
                if (text.frontmatter() != null) {
                    out.add(text.frontmatter());
                }
            }
        }
        return out;
    }

    @Test
    void composesEveryFrontmatterOfTheRealTreesAsSnakeYamlDoes() throws IOException {
        List<String> all = new ArrayList<>();
        for (String tree : List.of(FixtureTrees.OSS_MAINTAINER, FixtureTrees.TDD, FixtureTrees.CHANT_ROOT)) {
            all.addAll(frontmatters(FixtureTrees.tree(tree)));
        }
        all.addAll(frontmatters(ExampleRepository.kvstore()));
        int composed = 0;
        for (String yaml : all) {
            if (agrees(yaml)) {
                composed++;
            }
        }
        assertThat(all).hasSizeGreaterThan(100);
        // the fast road is taken for almost all real frontmatter, or it buys nothing
        assertThat(composed).as("frontmatters composed by the flat reader").isGreaterThan(all.size() * 9 / 10);
    }

    @Test
    void composesTheBenchTreesShapeAsSnakeYamlDoes() {
        String yaml = "\ntype: driver\nstatus: completed\ndepends_on:\n- 2026-01-02-00a-x1y\nlabels:\n- area-3\n"
                + "- issue-1234\ntarget_files:\n- src/module1/file2.py\nmembers:\n- 2026-01-03-00b-k2z.1\n"
                + "informed_by:\n- .chant/research/topic-4.md\ncommits:\n- 1a2b3c4\n"
                + "completed_at: 2026-01-03T12:00:00Z\nmodel: sonnet\n";
        assertThat(agrees(yaml)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"type: code\n  continued\n", "prompt: a\n\n  b\n", "labels:\n  - a\n    b\n",
        "a: b # comment\n", "# comment\ntype: code\n", "a: |\n  text\n", "a: >\n  text\n", "a: &x b\nc: *x\n",
        "a: !!str b\n", "a: \"x\\ty\"\n", "a: 'it''s'\n", "a: b: c\n", "a: b:\n", "a:\n  b: c\n",
        "approval:\n  required: true\n", "a: [b, [c]]\n", "a: [b: c]\n", "a: {b: c}\n", "a: [b,]\n",
        "a:\n- - b\n", "a:\n- b: c\n", "a: caf\u00e9\n", "a: b\r\nc: d\r\n", "a:\tb\n", "- a\n- b\n",
        "? a\n: b\n", "a : b\n", "\"a\": b\n", "---\na: b\n", "a: b\n...\n", "%YAML 1.2\n---\na: b\n",
        "a:\n  - b\n- c\n", "a:\n    - b\n  - c\n", "a: -b\n", "a: @b\n", "a: `b`\n", "a:\n-\n", "\n\n",
        "a: 'b' c\n", "a: \"b\" c\n", "a: [@b]\n", "a: [b, @c]\n", "a: [+b]\n"})
    void declinesWhatItDoesNotKnowWithoutGuessing(String yaml) {
        assertThat(FlatYamlComposer.compose(yaml)).as(yaml).isNull();
    }

    @Test
    void declinesAKeyLongerThanYamlAllowsAndTakesOneAtTheLimit() {
        assertThat(FlatYamlComposer.compose("k".repeat(1025) + ": v\n")).isNull();
        assertThat(reference("k".repeat(1025) + ": v\n")).isNull();
        assertThat(agrees("k".repeat(1024) + ": v\n")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"type: code\n", "a:\nb: c\n", "a:   \n\nb:\n", "a: [b, c]\n", "a: [b,c]\n",
        "a: []\n", "a: [ ]\n", "a:\n- b\n- c\nd: e\n", "a:\n  - b\n\n  - c\nd: e\n", "a: \"b # c\"\n",
        "a: 'b: c'\n", "a: \"\"\n", "a: ''\n", "a: ~\n", "a: null\n", "a: b c  \n", "a: x[y], z{w}\n",
        "a: 2026-01-01T12:00:00Z\n", "a: b\na: c\n", "\na: b\n\n", "a: b#c\n", "a: b:c\n", "a:\n  - 'b'\n",
        "a:\n  - \"b c\"\n", "a: b\n  \n"})
    void composesTheFlatShapesExactlyAsSnakeYamlDoes(String yaml) {
        assertThat(agrees(yaml)).as(yaml).isTrue();
    }

    /**
     * The proof of agreement beyond chosen cases: frontmatters put together at random from keys, separators,
     * values and following lines that sit on the subset's edges; for every one, the flat reader composes what
     * snakeyaml-engine composes, or declines, and it never composes what snakeyaml-engine refuses.
     */
    @Test
    void agreesWithSnakeYamlOnFrontmattersMadeAtRandomFromTheSubsetsEdges() {
        String[][] keys = {{"type", "status", "labels", "a_b", "x1", "k"},
            {"1x", "-x", "? x", "k y", "\"q\"", "type "}};
        String[][] separators = {{": ", ":", ":  "}, {" :", ":\t", ":x", ":: "}};
        String[][] values = {{"", "code", "a b", "a#b", "a:b", "\"q\"", "'s'", "[a, b]", "[a,b]", "[]", "[ ]", "~",
            "null", "src/a.py", ".chant/x.md", "2026-01-01T12:00:00Z", "a, b", "\"a # b\"", "'a: b'", "\"\"", "''",
            "a ", "[.chant/x.md, a@b]", "x[y]", "'a\\b'", "[b, c.d/e+f]"},
            {"a: b", "a #c", "\"q\\\"x\"", "'it''s'", "[a, [b]]", "[a: b]", "[-a]", "[a,]", "[a b]", "|", ">",
                "&a x", "*a", "!!str x", "x:", "- a", "-a", "@x", "`x`", "%x", "{a: b}", "caf\u00e9", "{", "}", "]",
                "\"a\" b", "'a'b", "?x", ":x", ",x", "\"a\\\\b\"", "a\tb", "[@b]", "[b, @c]", "[`b`]",
                "[+b]", "[b, -c]", "[b, .c]"}};
        String[][] following = {{"- item", "  - item", "    - item", "", "   ", "- 'q'", "- \"q q\"", "  - ~"},
            {"- - x", "  sub: x", "  continued text", "# comment", "  # comment", "---", "...", "-", "  -",
                "- [a]", "- a: b", "\t- x", "-x", "  - a #c", "- ", " - a", "- a:"}};
        Random random = new Random(20261202L);
        int composed = 0;
        int cases = 30_000;
        for (int n = 0; n < cases; n++) {
            StringBuilder yaml = new StringBuilder(random.nextBoolean() ? "\n" : "");
            int lines = 1 + random.nextInt(6);
            for (int l = 0; l < lines; l++) {
                if (l > 0 && random.nextInt(3) == 0) {
                    yaml.append(pick(random, following));
                } else {
                    yaml.append(pick(random, keys)).append(pick(random, separators)).append(pick(random, values));
                }
                yaml.append('\n');
            }
            if (agrees(yaml.toString())) {
                composed++;
            }
        }
        // the generator reaches the subset often enough for the agreement to mean something
        assertThat(composed).isBetween(cases / 20, cases - cases / 20);
    }

    /** Mostly from the subset ({@code pools[0]}), one time in six from its edges ({@code pools[1]}). */
    private static String pick(Random random, String[][] pools) {
        String[] pool = pools[random.nextInt(6) == 0 ? 1 : 0];
        return pool[random.nextInt(pool.length)];
    }

    @Test
    void theParserGivesTheSameMessagesOnBothRoads() {
        FrontmatterParser parser = new FrontmatterParser();
        // flat road: a list where a value is expected, and a duplicate field, at their lines
        assertThat(message(parser, "status: completed\nbranch:\n- a\n")).contains("'branch' at line 12");
        assertThat(message(parser, "status: completed\nstatus: pending\n")).contains("again at line 11");
        // snakeyaml-engine's road (a comment sends it there) gives the same
        assertThat(message(parser, "# c\nstatus: completed\nbranch:\n- a\n")).contains("'branch' at line 13");
        assertThat(message(parser, "# c\nstatus: completed\nstatus: pending\n")).contains("again at line 12");
    }

    private static String message(FrontmatterParser parser, String yaml) {
        try {
            parser.parse(yaml, 10);
            return "(parsed)";
        } catch (FrontmatterParser.FrontmatterException e) {
            return e.getMessage();
        }
    }
}
