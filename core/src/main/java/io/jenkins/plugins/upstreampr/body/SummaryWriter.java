package io.jenkins.plugins.upstreampr.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the Summary of a pull request body in three short paragraphs, each taken from where the trail says it best:
 * the problem (the implementation spec's "Problem" section, else the comprehension of the issue: "Observable
 * Symptom", "Problem Statement"), the cause (the root cause analysis: "Root Cause", "Why it happens", "The
 * Problematic Pattern"), and the fix (the implementation spec's "Approach", "Solution", "Fix" or "Task" section).
 * Sentences in process language are left out; a paragraph already used is not repeated.
 */
final class SummaryWriter {

    static final List<String> PROBLEM_IN_IMPLEMENTATION = List.of("problem", "symptom", "bug", "observed",
            "summary", "background");
    static final List<String> PROBLEM_IN_COMPREHENSION = List.of("observable symptom", "symptom",
            "problem statement", "problem", "observed", "summary");
    static final List<String> CAUSE = List.of("root cause", "why it happens", "problematic pattern",
            "why data loss", "what happens", "cause", "explanation");
    static final List<String> FIX = List.of("approach", "solution", "fix", "change", "implementation", "task");

    private SummaryWriter() {
    }

    static String write(TrailSources sources) {
        ProcessLanguage language = sources.language();
        MarkdownDocument implementation = sources.text(sources.implementation());
        List<String> paragraphs = new ArrayList<>();

        Optional<String> problem = Prose.firstParagraph(implementation, PROBLEM_IN_IMPLEMENTATION, language);
        for (MarkdownDocument doc : sources.comprehension()) {
            if (problem.isPresent()) {
                break;
            }
            problem = Prose.firstParagraph(doc, PROBLEM_IN_COMPREHENSION, language);
        }
        problem.ifPresent(paragraphs::add);

        Optional<String> cause = Optional.empty();
        for (MarkdownDocument doc : sources.rootCause()) {
            cause = Prose.firstParagraph(doc, CAUSE, language);
            if (cause.isPresent()) {
                break;
            }
        }
        if (cause.isEmpty()) {
            cause = Prose.firstParagraph(implementation, List.of("root cause", "cause"), language);
        }
        cause.filter(c -> !paragraphs.contains(c)).ifPresent(paragraphs::add);

        Prose.firstParagraph(implementation, FIX, language).filter(f -> !paragraphs.contains(f))
                .ifPresent(paragraphs::add);
        if (paragraphs.isEmpty()) {
            String title = language.withoutProcessSentences(TitleWriter.write(sources));
            if (!title.isEmpty()) {
                paragraphs.add(title.endsWith(".") ? title : title + ".");
            }
        }
        return String.join("\n\n", paragraphs);
    }
}
