package io.jenkins.plugins.upstreampr.chant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Composes the flat YAML that chant and people write in frontmatter ({@code key: value} lines at the left margin,
 * lists as {@code - item} lines or {@code [a, b]}) into the same nodes snakeyaml-engine's {@code Compose} gives with
 * the failsafe schema, and declines everything else, which {@link FrontmatterParser} then gives to snakeyaml-engine.
 *
 * <p>Why: composing with snakeyaml-engine was a third of the CPU of listing 10,000 specs (bench/README.md, "Spec
 * reading"), most of it a general scanner run cold for a few lines of {@code key: value}. This reader knows a strict
 * subset and says no at the first character outside it: only printable ASCII and {@code \n}; keys of letters, digits
 * and {@code _}; scalars plain (not starting with a YAML indicator, no {@code ": "}, no {@code " #"}, no trailing
 * {@code :}), or quoted on one line without escapes or inner quotes; sequences of such scalars, in block style
 * (one indentation) or flow style on one line (items of letters, digits and {@code _./@+-}); no comments, no
 * nested mappings, no multi-line scalars. {@code FlatYamlComposerTest} checks agreement with snakeyaml-engine on the
 * real chant trees, the bench's tree and a generated set of tricky frontmatters: where this reader composes, the
 * nodes (kind, tag, text, style, line) are snakeyaml-engine's; where snakeyaml-engine fails, this reader declines.
 */
final class FlatYamlComposer {

    private static final int[] NO_BUFFER = new int[0];

    /** YAML's limit on an implicit key, in characters (snakeyaml-engine refuses a longer one). */
    private static final int MAX_KEY = 1024;

    private final String[] lines;

    private FlatYamlComposer(String yaml) {
        this.lines = yaml.split("\n", -1);
    }

    /** The mapping snakeyaml-engine would compose from {@code yaml}, or {@code null} when it is outside the subset. */
    static MappingNode compose(String yaml) {
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != '\n') {
                return null;
            }
        }
        return new FlatYamlComposer(yaml).mapping();
    }

    private MappingNode mapping() {
        List<NodeTuple> tuples = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.isBlank()) {
                i++;
                continue;
            }
            int colon = keyEnd(line);
            if (colon < 0) {
                return null;
            }
            ScalarNode key = scalar(line.substring(0, colon), ScalarStyle.PLAIN, i);
            String rest = line.substring(colon + 1);
            Node value;
            if (rest.isBlank()) {
                int next = nextNonBlank(i + 1);
                if (next < lines.length && (indentation(lines[next]) > 0 || lines[next].startsWith("-"))) {
                    int[] end = new int[1];
                    value = blockSequence(next, end);
                    if (value == null) {
                        return null;
                    }
                    i = end[0];
                } else {
                    value = new ScalarNode(Tag.NULL, true, "", ScalarStyle.PLAIN, mark(i), mark(i));
                    i = next;
                }
            } else {
                if (rest.charAt(0) != ' ') {
                    return null;
                }
                value = value(rest.strip(), i, true);
                if (value == null) {
                    return null;
                }
                i++;
            }
            tuples.add(new NodeTuple(key, value));
        }
        if (tuples.isEmpty()) {
            return null;
        }
        Optional<Mark> start = tuples.get(0).getKeyNode().getStartMark();
        return new MappingNode(Tag.MAP, true, tuples, FlowStyle.BLOCK, start, start);
    }

    /**
     * The index of the colon after a key at the left margin, or -1 when the line is not such a key (or one longer than
     * the 1024 characters YAML allows an implicit key).
     */
    private static int keyEnd(String line) {
        int i = 0;
        while (i < line.length() && isKeyChar(line.charAt(i), i == 0)) {
            i++;
        }
        return i > 0 && i <= MAX_KEY && i < line.length() && line.charAt(i) == ':' ? i : -1;
    }

    private static boolean isKeyChar(char c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || !first && c >= '0' && c <= '9';
    }

    /** {@code - item} lines from {@code start}, all at one indentation; sets {@code end[0]} to the line after. */
    private SequenceNode blockSequence(int start, int[] end) {
        int indent = indentation(lines[start]);
        List<Node> items = new ArrayList<>();
        int i = start;
        while (i < lines.length) {
            String line = lines[i];
            if (line.isBlank()) {
                i++;
                continue;
            }
            int at = indentation(line);
            if (at == 0 && !line.startsWith("-")) {
                break;
            }
            if (at != indent || !line.startsWith("- ", at)) {
                return null;
            }
            Node item = value(line.substring(at + 2).strip(), i, false);
            if (item == null) {
                return null;
            }
            items.add(item);
            i++;
        }
        end[0] = i;
        return new SequenceNode(Tag.SEQ, true, items, FlowStyle.BLOCK, mark(start), mark(start));
    }

    /** A value on one line: a quoted or plain scalar, or (where {@code flowAllowed}) a flow sequence. */
    private static Node value(String text, int line, boolean flowAllowed) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        if (first == '"' || first == '\'') {
            int length = text.length();
            if (length < 2 || text.charAt(length - 1) != first) {
                return null;
            }
            String inner = text.substring(1, length - 1);
            if (inner.indexOf(first) >= 0 || first == '"' && inner.indexOf('\\') >= 0) {
                return null;
            }
            return scalar(inner, first == '"' ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED, line);
        }
        if (first == '[') {
            return flowAllowed ? flowSequence(text, line) : null;
        }
        if ("-?:,]{}#&*!|>%@`".indexOf(first) >= 0 || text.contains(": ") || text.contains(" #")
                || text.endsWith(":")) {
            return null;
        }
        return scalar(text, ScalarStyle.PLAIN, line);
    }

    /**
     * {@code [a, b]} on one line, with items of letters, digits and {@code _./@+-} that start with a letter, a digit or
     * {@code _./} ({@code -} and {@code @} cannot start a plain scalar).
     */
    private static SequenceNode flowSequence(String text, int line) {
        if (!text.endsWith("]")) {
            return null;
        }
        String inner = text.substring(1, text.length() - 1);
        List<Node> items = new ArrayList<>();
        if (!inner.isBlank()) {
            for (String part : inner.split(",", -1)) {
                String item = part.strip();
                if (item.isEmpty() || item.charAt(0) == '-' || item.charAt(0) == '@' || item.charAt(0) == '+') {
                    return null;
                }
                for (int i = 0; i < item.length(); i++) {
                    char c = item.charAt(i);
                    if (!(isKeyChar(c, false) || "./@+-".indexOf(c) >= 0)) {
                        return null;
                    }
                }
                items.add(scalar(item, ScalarStyle.PLAIN, line));
            }
        }
        return new SequenceNode(Tag.SEQ, true, items, FlowStyle.FLOW, mark(line), mark(line));
    }

    private static ScalarNode scalar(String value, ScalarStyle style, int line) {
        return new ScalarNode(Tag.STR, true, value, style, mark(line), mark(line));
    }

    /** A mark that only knows its 0-based line: the frontmatter's messages name lines, nothing finer. */
    private static Optional<Mark> mark(int line) {
        return Optional.of(new Mark("frontmatter", 0, line, 0, NO_BUFFER, 0));
    }

    private int nextNonBlank(int from) {
        int i = from;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i;
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
