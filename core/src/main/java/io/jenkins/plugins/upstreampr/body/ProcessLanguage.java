package io.jenkins.plugins.upstreampr.body;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Words of the contributor's own workflow that mean nothing to upstream maintainers: spec IDs, "Phase 3", chant,
 * agents, specs, worktrees, the fork and its staging PR, research files under {@code .chant/}. A sentence that uses
 * any of them is left out of the pull request body (chant's guide: "write the PR description in terms upstream
 * maintainers understand, not in terms of your internal research process").
 */
final class ProcessLanguage {

    private static final List<Pattern> ALWAYS = List.of(
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}-[0-9a-z]{3}-[0-9a-z]{3}\\b"), // chant date IDs
            Pattern.compile("(?<![\\w.-])\\d[0-9a-z]{2}-(?=[0-9]*[a-z])[0-9a-z]{3}(?![\\w-])"), // short IDs: 010-v7b
            Pattern.compile("(?i)\\bphases?\\s*\\d"),
            Pattern.compile("(?i)\\bphases? (one|two|three|four|five|six)\\b"),
            Pattern.compile("(?i)\\bchant\\b"),
            Pattern.compile("(?i)\\.chant/"),
            Pattern.compile("(?i)\\bagents?\\b|\\bagent's\\b"),
            Pattern.compile("(?i)\\bspecs?\\b"),
            Pattern.compile("(?i)\\bworktrees?\\b"),
            Pattern.compile("(?i)\\bfork\\b|\\bstaging\\b|\\bupstream\\b|\\bhuman gate\\b"),
            Pattern.compile("(?i)\\bacceptance criteri(a|on)\\b"),
            Pattern.compile("(?i)\\b(comprehension|impact map|sprawl)\\b"),
            Pattern.compile("(?i)\\bresearch (document|file|output|phase|artifact)s?\\b"),
            Pattern.compile("(?i)\\b(our|the|this) research\\b"));

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z`*_\\[(\"'#0-9])");

    private final List<Pattern> patterns;

    /** Process language, including the exact IDs of this trail's specs (legacy IDs have no fixed shape). */
    ProcessLanguage(Collection<String> trailIds) {
        List<Pattern> all = new ArrayList<>(ALWAYS);
        trailIds.stream().filter(id -> !id.isBlank())
                .map(id -> Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])"))
                .forEach(all::add);
        this.patterns = List.copyOf(all);
    }

    /** Whether the text uses any process language. */
    boolean foundIn(String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).find());
    }

    /** The text without its sentences that use process language; empty when nothing is left. */
    String withoutProcessSentences(String text) {
        List<String> kept = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            if (!sentence.isBlank() && !foundIn(sentence)) {
                kept.add(sentence.strip());
            }
        }
        return String.join(" ", kept);
    }
}
