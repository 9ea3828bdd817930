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

    /** Splits a spec file's text exactly as chant does. */
    public static SpecText split(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isRustWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isRustWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        String trimmed = text.substring(start, end);
        if (!trimmed.startsWith("---")) {
            return new SpecText(null, 0, trimmed, false);
        }
        int close = trimmed.indexOf("---", 3);
        if (close < 0) {
            return new SpecText(null, 0, trimmed, true);
        }
        int line = 1 + (int) text.substring(0, start).chars().filter(c -> c == '\n').count();
        String body = trimmed.substring(close + 3);
        int b = 0;
        while (b < body.length() && isRustWhitespace(body.codePointAt(b))) {
            b += Character.charCount(body.codePointAt(b));
        }
        return new SpecText(trimmed.substring(3, close), line, body.substring(b), false);
    }

    /** The title: the text after {@code # } on the first body line whose trimmed form starts with {@code # }. */
    public String title() {
        for (String line : body.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("# ")) {
                return t.substring(2).strip();
            }
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
