package io.jenkins.plugins.upstreampr.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Picks prose for maintainers out of a section: the first paragraph that still says something once the sentences in
 * process language are dropped. A paragraph that ends in a colon is kept only together with the list it introduces
 * (and only if that list has items in plain language). Quotes, code blocks and tables are never picked.
 */
final class Prose {

    /** Shorter paragraphs are continuations or labels, not prose that stands alone. */
    private static final int MIN_WORDS = 4;

    private Prose() {
    }

    /** The first usable paragraph of the first matching section (see {@link MarkdownDocument#sectionsAbout}). */
    static Optional<String> firstParagraph(MarkdownDocument doc, List<String> headingKeywords,
            ProcessLanguage language) {
        for (MarkdownDocument.Section section : doc.sectionsAbout(headingKeywords)) {
            Optional<String> found = firstParagraph(section.blocks(), language);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The first usable paragraph among some blocks. */
    static Optional<String> firstParagraph(List<Node> blocks, ProcessLanguage language) {
        for (int i = 0; i < blocks.size(); i++) {
            if (!(blocks.get(i) instanceof Paragraph p) || p.getParent() instanceof BlockQuote) {
                continue;
            }
            String text = language.withoutProcessSentences(MarkdownDocument.inline(p));
            if (text.split("\\s+").length < MIN_WORDS) {
                continue; // "Then:", "**Result**:" ... lean on what came before
            }
            if (!text.endsWith(":")) {
                return Optional.of(text);
            }
            if (i + 1 < blocks.size() && blocks.get(i + 1) instanceof ListBlock list) {
                List<String> items = items(list, language);
                if (!items.isEmpty()) {
                    return Optional.of(text + "\n\n" + String.join("\n", items));
                }
            }
        }
        return Optional.empty();
    }

    /** The items of a list (not task items) in plain language, each as one markdown list line. */
    static List<String> items(ListBlock list, ProcessLanguage language) {
        List<String> lines = new ArrayList<>();
        int number = MarkdownDocument.startNumber(list);
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof ListItem item && !MarkdownDocument.isTask(item)) {
                String text = MarkdownDocument.itemText(item);
                if (!text.isEmpty() && !language.foundIn(text)) {
                    lines.add((number < 0 ? "- " : (number + lines.size()) + ". ") + text);
                }
            }
        }
        return lines;
    }
}
