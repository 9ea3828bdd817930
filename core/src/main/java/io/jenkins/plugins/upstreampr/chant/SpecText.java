package io.jenkins.plugins.upstreampr.chant;

/**
 * The parts of a spec file's text as chant splits them ({@code split_frontmatter} in chant): the whole text is
 * trimmed; if it starts with {@code ---}, the frontmatter runs up to the next {@code ---} anywhere (a substring
 * search, not a line match) and the body follows with leading whitespace removed. No opening {@code ---}, or
 * no closing one, means "no frontmatter" and the whole trimmed text is the body.
 *
 * @param frontmatter the YAML between the dashes, or {@code null} when the file has none
 * @param frontmatterLine 1-based line of the file where {@code frontmatter} starts (for error messages)
 * @param body the markdown body
 * @param unterminated the text starts with {@code ---} but never closes it (chant then ignores the frontmatter)
 */
public record SpecText(String frontmatter, int frontmatterLine, String body, boolean unterminated) {

    /** Splits a spec file's text exactly as chant does (copying only the frontmatter and the body out of it). */
    public static SpecText split(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isRustWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isRustWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        if (!text.startsWith("---", start)) {
            return new SpecText(text.substring(start, end), false);
        }
        int close = text.indexOf("---", start + 3);
        if (close < 0 || close + 3 > end) {
            return new SpecText(text.substring(start, end), true);
        }
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        int b = close + 3;
        while (b < end && isRustWhitespace(text.codePointAt(b))) {
            b += Character.charCount(text.codePointAt(b));
        }
        return new SpecText(text.substring(start + 3, close), line, text.substring(b, end), false);
    }

    private SpecText(String wholeBody, boolean unterminated) {
        this(null, 0, wholeBody, unterminated);
    }

    /** The title: the text after {@code # } on the first body line whose trimmed form starts with {@code # }. */
    public String title() {
        for (int from = 0; from <= body.length(); ) {
            int nl = body.indexOf('\n', from);
            int end = nl < 0 ? body.length() : nl;
            int first = from;
            while (first < end && Character.isWhitespace(body.charAt(first))) {
                first++;
            }
            // only a line whose first non-blank characters are "# " can qualify: test it as chant would
            if (body.startsWith("# ", first) && first + 2 <= end) {
                String t = body.substring(from, end).strip();
                if (t.startsWith("# ")) {
                    return t.substring(2).strip();
                }
            }
            from = end + 1;
        }
        return null;
    }

    /** Rust's {@code char::is_whitespace}: the Unicode White_Space property. */
    static boolean isRustWhitespace(int cp) {
        return switch (cp) {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }
}
