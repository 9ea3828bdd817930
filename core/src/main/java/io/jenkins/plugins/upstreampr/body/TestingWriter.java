package io.jenkins.plugins.upstreampr.body;

import io.jenkins.plugins.upstreampr.chant.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Writes the Testing section as a list: the items and statements of the implementation spec's testing section
 * ("Testing", "Test plan", "Verification"); when it has none, its checked acceptance criteria that speak of tests;
 * then the tests the reproduction specs added ({@code target_files} that look like tests) and that the list does not
 * mention yet. Items in process language are left out.
 */
final class TestingWriter {

    static final List<String> TESTING = List.of("testing", "test plan", "tests", "verification", "validation");
    private static final Pattern ABOUT_TESTS = Pattern.compile(
            "(?i)\\b(tests?|passes|pass|regression|reproduc\\w*|stress|concurren\\w*|ci)\\b");
    private static final Pattern TEST_FILE = Pattern.compile(
            "(?i)(^|/)(tests?|spec|__tests__)/|(^|/)test_[^/]*$|_test\\.[a-z]+$|tests?\\.[a-z]+$|\\.(test|spec)\\.[a-z]+$");

    private TestingWriter() {
    }

    static List<String> write(TrailSources sources, List<ChangedFile> changes) {
        ProcessLanguage language = sources.language();
        MarkdownDocument implementation = sources.text(sources.implementation());
        List<String> lines = new ArrayList<>();
        for (MarkdownDocument.Section section : implementation.sectionsAbout(TESTING)) {
            for (Node block : section.blocks()) {
                if (block instanceof ListBlock list) {
                    Prose.items(list, language).forEach(l -> add(lines, "- " + stripMarker(l)));
                } else if (block instanceof Paragraph p) {
                    String text = language.withoutProcessSentences(MarkdownDocument.inline(p));
                    if (!text.isEmpty() && !text.endsWith(":")) {
                        add(lines, "- " + text);
                    }
                }
            }
        }
        if (lines.isEmpty()) {
            for (ListItem item : implementation.listItems()) {
                String text = MarkdownDocument.itemText(item);
                if (MarkdownDocument.isChecked(item) && ABOUT_TESTS.matcher(text).find() && !language.foundIn(text)) {
                    add(lines, "- " + text);
                }
            }
        }
        List<String> reproductionFiles = sources.reproductions().stream()
                .flatMap((Spec s) -> s.frontmatter().targetFiles().stream()).map(String::strip).toList();
        for (ChangedFile file : changes) {
            boolean mentioned = lines.stream().anyMatch(l -> l.contains(file.path()));
            if (!mentioned && reproductionFiles.contains(file.path()) && isTest(file.path())) {
                add(lines, "- Added `" + file.path() + "`, which reproduces the reported problem"
                        + (file.why() == null ? "" : " (" + uncapitalize(file.why()) + ")"));
            }
        }
        return lines;
    }

    static boolean isTest(String path) {
        return TEST_FILE.matcher(path).find();
    }

    private static void add(List<String> lines, String line) {
        if (!lines.contains(line)) {
            lines.add(line);
        }
    }

    private static String stripMarker(String listLine) {
        return listLine.replaceFirst("^(- |\\d+\\. )", "");
    }

    private static String uncapitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
