package io.jenkins.plugins.upstreampr.chant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A spec's acceptance criteria as chant counts them ({@code count_total_checkboxes} and
 * {@code count_unchecked_checkboxes} in chant v0.23.2, chant-format.md §8.2). chant's finalize refuses a spec
 * with unchecked criteria; the gate does the same unless a person overrides it.
 *
 * <p>chant's rule, quirks included: lines whose left-trimmed text starts with three backticks toggle a
 * "code fence" flag ({@code ~~~} is not a fence; a closing fence glued to the end of a text line, as chant's
 * own {@code ## Agent Output} sections end, does not toggle it). The section starts at the <em>last</em> line
 * outside fences whose left-trimmed text starts with {@code ## Acceptance Criteria} and ends at the next line
 * outside fences starting with {@code ## } (level-3 headings do not end it). Within it, fenced lines are
 * skipped and every <em>occurrence</em> of {@code - [ ]}, {@code - [x]} or {@code - [X]} on a line counts.
 *
 * <p>Because chant counts nothing under {@code ### Acceptance Criteria} (or under an earlier
 * {@code ## Acceptance Criteria} when a later one exists), {@link #uncounted(String)} finds such checklists so
 * the gate can warn that chant's count of 0 does not mean "all done".
 *
 * @param checked boxes ticked with {@code x} or {@code X}
 * @param total all boxes in the section
 */
public record AcceptanceCriteria(int checked, int total) {

    static final String HEADING = "## Acceptance Criteria";
    private static final String UNCHECKED = "- [ ]";
    private static final String BOX = "- [";
    private static final String[] CHECKED = {"- [x]", "- [X]"};

    public AcceptanceCriteria {
        if (checked < 0 || total < checked) {
            throw new IllegalArgumentException("checked " + checked + " of " + total);
        }
    }

    /** No criteria (chant's result when the body has no {@code ## Acceptance Criteria} section). */
    public static final AcceptanceCriteria NONE = new AcceptanceCriteria(0, 0);

    /** Boxes still unticked: what chant's finalize refuses. */
    public int unchecked() {
        return total - checked;
    }

    /** Whether every box is ticked (also true when there are none). */
    public boolean allChecked() {
        return unchecked() == 0;
    }

    /**
     * Counts the criteria of a spec body (the markdown after the frontmatter) exactly as chant does. One pass over
     * the body that copies nothing (listings count the criteria of every spec): each {@code ## Acceptance Criteria}
     * line outside fences starts the count again, so the last one wins, and the next {@code ## } line ends it.
     */
    public static AcceptanceCriteria of(String body) {
        if (!body.contains(HEADING)) {
            return NONE;
        }
        boolean inFence = false;
        boolean found = false;
        boolean counting = false;
        int checked = 0;
        int unchecked = 0;
        int box = body.indexOf(BOX); // the next "- [" of the body: boxes are looked for once, not line by line
        for (int from = 0; from < body.length(); ) {
            int nl = body.indexOf('\n', from);
            int next = nl < 0 ? body.length() : nl + 1;
            int end = nl < 0 ? body.length() : nl;
            if (end > from && body.charAt(end - 1) == '\r') {
                end--; // str::lines drops the \r of \r\n
            }
            int text = from;
            while (text < end && SpecText.isRustWhitespace(body.codePointAt(text))) {
                text += Character.charCount(body.codePointAt(text));
            }
            if (body.startsWith("```", text)) {
                inFence = !inFence;
            } else if (!inFence) {
                if (body.startsWith(HEADING, text)) {
                    found = true;
                    counting = true;
                    checked = 0;
                    unchecked = 0;
                } else if (body.startsWith("## ", text)) {
                    counting = false;
                } else if (counting) {
                    while (box >= 0 && box < from) {
                        box = body.indexOf(BOX, box + 1);
                    }
                    // "- [ ]", "- [x]" and "- [X]" cannot overlap one another, so counting every start counts
                    // Rust's non-overlapping matches of each
                    while (box >= 0 && box + 5 <= end) {
                        char mark = body.charAt(box + 3);
                        if (body.charAt(box + 4) == ']') {
                            if (mark == ' ') {
                                unchecked++;
                            } else if (mark == 'x' || mark == 'X') {
                                checked++;
                            }
                        }
                        box = body.indexOf(BOX, box + 1);
                    }
                }
            }
            from = next;
        }
        return found ? new AcceptanceCriteria(checked, checked + unchecked) : NONE;
    }

    /** The criteria of a spec (counted once per spec; a spec from the reader's cache has them without its body). */
    public static AcceptanceCriteria of(Spec spec) {
        return spec.criteria();
    }

    /**
     * Checklists under a heading that names acceptance criteria (any level, any case: {@code ### Acceptance
     * Criteria}, {@code ## acceptance criteria}, an earlier {@code ## Acceptance Criteria} that a later one
     * replaces...) whose boxes chant does not count. Each section runs to the next heading of the same or a
     * higher level; fences are recognised as chant recognises them. Empty when chant counts every such box.
     */
    public static List<UncountedChecklist> uncounted(String body) {
        Lines lines = Lines.of(body);
        boolean[] countedByChant = new boolean[lines.text.size()];
        int start = lines.chantSectionStart();
        if (start >= 0) {
            for (int i = start + 1; i < lines.text.size(); i++) {
                if (lines.fenceOrFenced[i]) {
                    continue;
                }
                if (lines.trimmed(i).startsWith("## ")) {
                    break;
                }
                countedByChant[i] = true;
            }
        }
        List<UncountedChecklist> found = new ArrayList<>();
        for (int h = 0; h < lines.text.size(); h++) {
            int level = lines.headingLevel(h);
            if (level == 0 || !lines.trimmed(h).toLowerCase(Locale.ROOT).contains("acceptance criteria")) {
                continue;
            }
            int checked = 0;
            int unchecked = 0;
            for (int i = h + 1; i < lines.text.size(); i++) {
                if (lines.fenceOrFenced[i]) {
                    continue;
                }
                int other = lines.headingLevel(i);
                if (other > 0 && other <= level) {
                    break;
                }
                if (!countedByChant[i] && other == 0) {
                    checked += checkedIn(lines.text.get(i));
                    unchecked += occurrences(lines.text.get(i), UNCHECKED);
                }
            }
            if (checked + unchecked > 0) {
                found.add(new UncountedChecklist(lines.trimmed(h).strip(), h + 1, checked, checked + unchecked));
            }
        }
        return found;
    }

    private static int checkedIn(String line) {
        int n = 0;
        for (String mark : CHECKED) {
            n += occurrences(line, mark);
        }
        return n;
    }

    /** Non-overlapping occurrences, as Rust's {@code str::matches(..).count()}. */
    private static int occurrences(String line, String mark) {
        int n = 0;
        for (int at = line.indexOf(mark); at >= 0; at = line.indexOf(mark, at + mark.length())) {
            n++;
        }
        return n;
    }

    /** A body split as Rust's {@code str::lines()} splits it, with chant's code-fence state per line. */
    private record Lines(List<String> text, boolean[] fenceOrFenced) {

        static Lines of(String body) {
            List<String> text = new ArrayList<>();
            int from = 0;
            while (from < body.length()) {
                int nl = body.indexOf('\n', from);
                int end = nl < 0 ? body.length() : nl;
                String line = body.substring(from, end);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                text.add(line);
                from = end + 1;
            }
            boolean[] fenced = new boolean[text.size()];
            boolean inFence = false;
            for (int i = 0; i < text.size(); i++) {
                if (trimStart(text.get(i)).startsWith("```")) {
                    inFence = !inFence;
                    fenced[i] = true;
                } else {
                    fenced[i] = inFence;
                }
            }
            return new Lines(text, fenced);
        }

        String trimmed(int i) {
            return trimStart(text.get(i));
        }

        /** The last line outside fences starting with chant's heading, or -1. */
        int chantSectionStart() {
            int start = -1;
            for (int i = 0; i < text.size(); i++) {
                if (!fenceOrFenced[i] && trimmed(i).startsWith(HEADING)) {
                    start = i;
                }
            }
            return start;
        }

        /** The level of an ATX heading outside fences ({@code #} to {@code ######} then a space), else 0. */
        int headingLevel(int i) {
            if (fenceOrFenced[i]) {
                return 0;
            }
            String t = trimmed(i);
            int level = 0;
            while (level < t.length() && t.charAt(level) == '#') {
                level++;
            }
            boolean heading = level >= 1 && level <= 6
                    && (level == t.length() || t.charAt(level) == ' ' || t.charAt(level) == '\t');
            return heading ? level : 0;
        }

        private static String trimStart(String line) {
            int i = 0;
            while (i < line.length() && SpecText.isRustWhitespace(line.codePointAt(i))) {
                i += Character.charCount(line.codePointAt(i));
            }
            return line.substring(i);
        }
    }
}
