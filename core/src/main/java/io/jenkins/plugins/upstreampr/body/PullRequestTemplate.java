package io.jenkins.plugins.upstreampr.body;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of a pull request body: markdown with placeholders written <code>{{name}}</code> (spaces inside the
 * braces are allowed), see {@link Placeholder}. Everything else is copied as is. After filling, a heading whose
 * section is left empty (because its placeholder was empty) is dropped, and runs of blank lines are collapsed, so one
 * template serves trails with and without, say, an issue number. A placeholder the template does not know is an
 * error that names it, its line and the template, checked before anything is rendered.
 *
 * @param source where the template comes from, for messages (a file name, or "default layout")
 * @param text the template text
 */
public record PullRequestTemplate(String source, String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final long MAX_TEMPLATE_BYTES = 1024 * 1024;

    /** The default layout: Summary, Changes, Testing, then the closing {@code Fixes #N}. */
    public static final PullRequestTemplate DEFAULT = new PullRequestTemplate("default layout", """
            ## Summary

            {{summary}}

            ## Changes

            {{changes}}

            ## Testing

            {{testing}}

            {{fixes}}
            """);

    public PullRequestTemplate {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (Placeholder.named(m.group(1)).isEmpty()) {
                int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                unknown.add("{{" + m.group(1) + "}} (line " + line + ")");
            }
        }
        if (!unknown.isEmpty()) {
            throw new ChantException("Template " + source + " uses unknown placeholder"
                    + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + ": use only "
                    + Placeholder.allWritten());
        }
    }

    /** Reads a template file (UTF-8 markdown). */
    public static PullRequestTemplate read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ChantException("Template " + file + " does not exist or is not a file: pass an existing "
                    + "markdown file with --template");
        }
        try {
            if (Files.size(file) > MAX_TEMPLATE_BYTES) {
                throw new ChantException("Template " + file + " is larger than 1 MiB: a pull request body "
                        + "template should be a short markdown file");
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return new PullRequestTemplate(file.toString(), text);
        } catch (CharacterCodingException e) {
            throw new ChantException("Template " + file + " is not UTF-8 text: save it as UTF-8");
        } catch (IOException e) {
            throw new ChantException("Template " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "): check its permissions");
        }
    }

    /** The template with every placeholder replaced, empty sections dropped and blank lines collapsed. */
    public String fill(Map<Placeholder, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Placeholder p = Placeholder.named(m.group(1)).orElseThrow();
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(p, "").strip()));
        }
        m.appendTail(out);
        return tidy(out.toString());
    }

    /** Drops headings whose section is blank, collapses blank lines, trims. */
    private static String tidy(String markdown) {
        List<String> lines = new ArrayList<>(List.of(markdown.replace("\r\n", "\n").split("\n", -1)));
        boolean inFence = false;
        List<Integer> headings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).stripLeading();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                inFence = !inFence;
            } else if (!inFence && t.matches("#{1,6}\\s.*")) {
                headings.add(i);
            }
        }
        Set<Integer> drop = new HashSet<>();
        for (int h = headings.size() - 1; h >= 0; h--) { // deepest last, so nested empty sections go first
            int start = headings.get(h);
            int level = level(lines.get(start));
            int end = lines.size();
            for (int k = h + 1; k < headings.size(); k++) {
                if (level(lines.get(headings.get(k))) <= level) {
                    end = headings.get(k);
                    break;
                }
            }
            boolean blank = true;
            for (int i = start + 1; i < end && blank; i++) {
                blank = lines.get(i).isBlank() || drop.contains(i);
            }
            if (blank) {
                drop.add(start);
            }
        }
        StringBuilder out = new StringBuilder();
        int blankRun = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (drop.contains(i)) {
                continue;
            }
            String line = lines.get(i);
            blankRun = line.isBlank() ? blankRun + 1 : 0;
            if (blankRun <= 1) {
                out.append(line.isBlank() ? "" : line).append('\n');
            }
        }
        return out.toString().strip() + "\n";
    }

    private static int level(String headingLine) {
        String t = headingLine.stripLeading();
        int n = 0;
        while (n < t.length() && t.charAt(n) == '#') {
            n++;
        }
        return n;
    }
}
