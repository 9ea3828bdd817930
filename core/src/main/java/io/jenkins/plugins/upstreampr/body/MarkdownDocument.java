package io.jenkins.plugins.upstreampr.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * A spec body or research document read with commonmark-java, with chant's agent output removed: every section whose
 * heading contains "agent output", "agent conversation" or "execution result" (chant's clean view, §2.6 of the chant
 * format notes), up to the next heading of the same or a higher level. chant glues the closing fence of its
 * appended {@code ## Agent Output} to the last output line, so commonmark sees an unclosed fence that runs to the end
 * of the file: headings inside the agent's output therefore never end the removed region early.
 */
final class MarkdownDocument {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TaskListItemsExtension.create())).build();
    private static final List<String> AGENT_SECTIONS = List.of("agent output", "agent conversation",
            "execution result");

    private final Node root;

    private MarkdownDocument(Node root) {
        this.root = root;
    }

    /** Parses markdown and removes the agent output sections. */
    static MarkdownDocument parse(String markdown) {
        Node root = PARSER.parse(markdown == null ? "" : markdown);
        removeAgentSections(root);
        return new MarkdownDocument(root);
    }

    /** A heading and the blocks under it, up to the next heading of the same or a higher level. */
    record Section(String heading, int level, List<Node> blocks) {
        /** Whether the heading contains the keyword (case-insensitive). */
        boolean isAbout(String keyword) {
            return heading.toLowerCase(Locale.ROOT).contains(keyword);
        }
    }

    /** The sections under headings of level 2 and deeper, in document order (nested sections included). */
    List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() >= 2) {
                List<Node> blocks = new ArrayList<>();
                for (Node b = n.getNext(); b != null; b = b.getNext()) {
                    if (b instanceof Heading next && next.getLevel() <= h.getLevel()) {
                        break;
                    }
                    blocks.add(b);
                }
                sections.add(new Section(plain(h), h.getLevel(), blocks));
            }
        }
        return sections;
    }

    /** The sections whose heading contains one of the keywords: in keyword priority, then in document order. */
    List<Section> sectionsAbout(List<String> keywords) {
        List<Section> all = sections();
        List<Section> found = new ArrayList<>();
        for (String keyword : keywords) {
            all.stream().filter(s -> s.isAbout(keyword) && !found.contains(s)).forEach(found::add);
        }
        return found;
    }

    /** The list items of the whole document, at any depth. */
    List<ListItem> listItems() {
        List<ListItem> items = new ArrayList<>();
        collectItems(root, items);
        return items;
    }

    /** The list items under the given blocks, at any depth. */
    static List<ListItem> listItems(List<Node> blocks) {
        List<ListItem> items = new ArrayList<>();
        blocks.forEach(b -> collectItems(b, items));
        return items;
    }

    private static void collectItems(Node node, List<ListItem> items) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof ListItem item) {
                items.add(item);
            }
            if (!(n instanceof Heading)) {
                collectItems(n, items);
            }
        }
    }

    /** Whether a list item is a task item ({@code - [ ]} or {@code - [x]}). */
    static boolean isTask(ListItem item) {
        return taskMarker(item).isPresent();
    }

    /** Whether a list item is a checked task item. */
    static boolean isChecked(ListItem item) {
        return taskMarker(item).map(TaskListItemMarker::isChecked).orElse(false);
    }

    private static Optional<TaskListItemMarker> taskMarker(ListItem item) {
        Node first = item.getFirstChild();
        if (first instanceof TaskListItemMarker m) {
            return Optional.of(m);
        }
        if (first instanceof Paragraph p && p.getFirstChild() instanceof TaskListItemMarker m) {
            return Optional.of(m);
        }
        return Optional.empty();
    }

    /** The first paragraph of a list item (its own text, without nested lists), as one line of markdown. */
    static String itemText(ListItem item) {
        for (Node n = item.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph p) {
                return inline(p).strip();
            }
        }
        return "";
    }

    /** The first inline node of a list item's first paragraph (after a task marker), or {@code null}. */
    static Node firstInline(ListItem item) {
        for (Node n = item.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph p) {
                Node first = p.getFirstChild();
                return first instanceof TaskListItemMarker ? first.getNext() : first;
            }
        }
        return null;
    }

    /** The first number of an ordered list, or -1 for a bullet list. */
    static int startNumber(ListBlock list) {
        if (list instanceof OrderedList o && o.getMarkerStartNumber() != null) {
            return o.getMarkerStartNumber();
        }
        return list instanceof BulletList ? -1 : 1;
    }

    /** The inline children of a node as one line of markdown (soft line breaks become spaces). */
    static String inline(Node parent) {
        return inline(parent.getFirstChild(), null);
    }

    /** Inline nodes from {@code first} (inclusive) up to {@code end} (exclusive, or the end) as markdown. */
    static String inline(Node first, Node end) {
        StringBuilder out = new StringBuilder();
        for (Node n = first; n != null && n != end; n = n.getNext()) {
            if (n instanceof Text t) {
                out.append(t.getLiteral());
            } else if (n instanceof Code c) {
                String fence = c.getLiteral().contains("`") ? "``" : "`";
                out.append(fence).append(fence.length() > 1 ? " " : "").append(c.getLiteral())
                        .append(fence.length() > 1 ? " " : "").append(fence);
            } else if (n instanceof Emphasis) {
                out.append('*').append(inline(n)).append('*');
            } else if (n instanceof StrongEmphasis) {
                out.append("**").append(inline(n)).append("**");
            } else if (n instanceof Link l) {
                out.append('[').append(inline(l)).append("](").append(l.getDestination()).append(')');
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                out.append(' ');
            } else if (n instanceof HtmlInline h) {
                out.append(h.getLiteral());
            } else if (n instanceof TaskListItemMarker) {
                continue;
            } else {
                out.append(inline(n));
            }
        }
        return out.toString().replaceAll("[ \\t]+", " ");
    }

    /** The plain text of a node: its text and code literals, without markup. */
    static String plain(Node parent) {
        StringBuilder out = new StringBuilder();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                out.append(t.getLiteral());
            } else if (n instanceof Code c) {
                out.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                out.append(' ');
            } else {
                out.append(plain(n));
            }
        }
        return out.toString().strip();
    }

    private static void removeAgentSections(Node root) {
        Node n = root.getFirstChild();
        while (n != null) {
            if (n instanceof Heading h && isAgentHeading(h)) {
                Node cursor = n;
                while (cursor != null && !(cursor != n && cursor instanceof Heading next
                        && next.getLevel() <= h.getLevel() && !isAgentHeading(next))) {
                    Node following = cursor.getNext();
                    cursor.unlink();
                    cursor = following;
                }
                n = cursor;
            } else {
                n = n.getNext();
            }
        }
    }

    private static boolean isAgentHeading(Heading h) {
        String text = plain(h).toLowerCase(Locale.ROOT);
        return AGENT_SECTIONS.stream().anyMatch(text::contains);
    }
}
