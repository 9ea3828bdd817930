package io.jenkins.plugins.upstreampr.body;

import io.jenkins.plugins.upstreampr.chant.Spec;
import io.jenkins.plugins.upstreampr.chant.TrailDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the number of the issue a trail fixes, so the body can say {@code Fixes #N}. Looked for, first hit wins:
 * an {@code issue-N} label on a spec of the trail (implementation spec first); {@code #N} in the implementation
 * spec's title; {@code #N} or "issue N" in the comprehension specs (title, then body); an {@code informed_by} URL
 * ending in {@code /issues/N}; {@code #N} in the title of any spec of the trail.
 */
final class IssueReference {

    private static final Pattern LABEL = Pattern.compile("(?i)^(?:issue|gh|fixes)[-_ #]?(\\d{1,9})$");
    private static final Pattern HASH = Pattern.compile("(?<![\\w&/#])#(\\d{1,9})\\b");
    private static final Pattern ISSUE_WORD = Pattern.compile("(?i)\\bissue\\s+#?(\\d{1,9})\\b");
    private static final Pattern URL = Pattern.compile("/issues/(\\d{1,9})(?:[/#?].*)?$");

    private IssueReference() {
    }

    static OptionalLong find(TrailSources sources) {
        Spec implementation = sources.implementation();
        List<Spec> specs = new ArrayList<>(List.of(implementation));
        sources.trail().specs().stream().filter(s -> !s.id().equals(implementation.id())).forEach(specs::add);
        for (Spec s : specs) {
            for (String label : s.frontmatter().labels()) {
                Matcher m = LABEL.matcher(label.strip());
                if (m.matches()) {
                    return OptionalLong.of(Long.parseLong(m.group(1)));
                }
            }
        }
        OptionalLong found = inText(implementation.title());
        if (found.isPresent()) {
            return found;
        }
        List<Spec> comprehension = specs.stream()
                .filter(s -> TrailSources.plays(s, List.of("comprehension", "triage"))).toList();
        for (Spec s : comprehension) {
            found = inText(s.title());
            if (found.isEmpty()) {
                found = inText(s.body());
            }
            if (found.isPresent()) {
                return found;
            }
        }
        for (TrailDocument d : sources.trail().documents()) {
            Matcher m = URL.matcher(d.reference().toLowerCase(Locale.ROOT));
            if (d.kind() == TrailDocument.Kind.URL && m.find()) {
                return OptionalLong.of(Long.parseLong(m.group(1)));
            }
        }
        for (Spec s : specs) {
            found = inText(s.title());
            if (found.isPresent()) {
                return found;
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong inText(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher hash = HASH.matcher(text);
        if (hash.find()) {
            return OptionalLong.of(Long.parseLong(hash.group(1)));
        }
        Matcher word = ISSUE_WORD.matcher(text);
        return word.find() ? OptionalLong.of(Long.parseLong(word.group(1))) : OptionalLong.empty();
    }
}
