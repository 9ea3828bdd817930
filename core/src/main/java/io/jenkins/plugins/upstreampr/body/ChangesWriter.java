package io.jenkins.plugins.upstreampr.body;

import io.jenkins.plugins.upstreampr.chant.Spec;
import io.jenkins.plugins.upstreampr.chant.SpecType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * Lists the files a pull request changes: the {@code target_files} of the implementation spec, then those of the
 * other code specs of the trail (a reproduction test, a driver's members), each once, never a file under
 * {@code .chant/}. The reason for a file is taken from the first list item in the trail that starts with the file's
 * path followed by an explanation ({@code - `src/store.py` -- hold the lock in put()}): the specs that target the
 * file first, then the implementation spec, then the other specs and the research documents. Task items
 * ({@code - [x]}) and items in process language are not used.
 */
final class ChangesWriter {

    private static final Pattern SEPARATOR = Pattern.compile("^\\s*(?:--?|\u2013|\u2014|:|=>|->)\\s*");

    private ChangesWriter() {
    }

    static List<ChangedFile> write(TrailSources sources) {
        Spec implementation = sources.implementation();
        List<Spec> codeSpecs = new ArrayList<>();
        if (implementation.type() == SpecType.CODE) {
            codeSpecs.add(implementation);
        }
        sources.trail().specs().stream()
                .filter(s -> s.type() == SpecType.CODE && !s.id().equals(implementation.id()))
                .forEach(codeSpecs::add);
        Set<String> paths = new LinkedHashSet<>();
        codeSpecs.forEach(s -> s.frontmatter().targetFiles().stream().map(String::strip)
                .filter(f -> !f.isEmpty() && !f.startsWith(".chant/")).forEach(paths::add));

        List<ChangedFile> files = new ArrayList<>();
        for (String path : paths) {
            List<MarkdownDocument> texts = new ArrayList<>();
            codeSpecs.stream().filter(s -> s.frontmatter().targetFiles().stream().anyMatch(f -> f.strip().equals(path)))
                    .map(sources::text).forEach(texts::add);
            texts.add(sources.text(implementation));
            texts.addAll(sources.others());
            String why = texts.stream().map(t -> why(t, path, sources.language())).flatMap(Optional::stream)
                    .findFirst().orElse(null);
            files.add(new ChangedFile(path, why));
        }
        return files;
    }

    private static Optional<String> why(MarkdownDocument text, String path, ProcessLanguage language) {
        for (ListItem item : text.listItems()) {
            if (MarkdownDocument.isTask(item)) {
                continue;
            }
            Node first = MarkdownDocument.firstInline(item);
            String rest;
            if (first instanceof Code code && code.getLiteral().strip().equals(path)) {
                rest = MarkdownDocument.inline(first.getNext(), null);
            } else if (first instanceof Text t && t.getLiteral().startsWith(path)
                    && (t.getLiteral().length() == path.length()
                            || !Character.isLetterOrDigit(t.getLiteral().charAt(path.length())))) {
                rest = t.getLiteral().substring(path.length()) + MarkdownDocument.inline(first.getNext(), null);
            } else {
                continue;
            }
            String why = SEPARATOR.matcher(rest.strip()).replaceFirst("").strip();
            if (!why.isEmpty() && !why.equals(rest.strip()) && !language.foundIn(why)) {
                return Optional.of(why);
            }
        }
        return Optional.empty();
    }
}
