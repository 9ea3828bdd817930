package io.jenkins.plugins.upstreampr.body;

import io.jenkins.plugins.upstreampr.chant.Spec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes the pull request title: the implementation spec's title without the workflow's labels, so
 * {@code Phase 5: Fork Fix - Implement fix for Issue #42} becomes {@code Implement fix for Issue #42}. Removed: a
 * leading {@code Phase N:} (or {@code Phase N -}), then a short phase name before a dash ({@code Fork Fix - }), and
 * any spec ID.
 */
final class TitleWriter {

    private static final Pattern PHASE = Pattern.compile("(?i)^\\s*phase\\s*\\d+\\s*[:.)\\-\u2013\u2014]?\\s*");
    private static final Pattern LABEL = Pattern.compile("^([^:\\-\u2013\u2014#`]{1,30}?)\\s+(-{1,2}|\u2013|\u2014)\\s+(.+)$");
    private static final Pattern DATE_ID = Pattern.compile("\\s*\\(?\\b\\d{4}-\\d{2}-\\d{2}-[0-9a-z]{3}-[0-9a-z]{3}(\\.\\d+)*\\b\\)?");

    private TitleWriter() {
    }

    static String write(TrailSources sources) {
        return clean(sources.implementation());
    }

    static String clean(Spec spec) {
        String title = spec.title() == null ? "" : spec.title();
        title = DATE_ID.matcher(title).replaceAll("");
        title = title.replace(spec.id().value(), "");
        Matcher phase = PHASE.matcher(title);
        if (phase.find()) {
            title = title.substring(phase.end());
            Matcher label = LABEL.matcher(title);
            if (label.matches() && label.group(1).trim().split("\\s+").length <= 3) {
                title = label.group(3);
            }
        }
        return title.strip().replaceAll("\\s+", " ");
    }
}
