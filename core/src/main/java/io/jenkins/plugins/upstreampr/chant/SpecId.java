package io.jenkins.plugins.upstreampr.chant;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A spec ID: the spec's file name without its last {@code .md} ({@code 2026-01-22-001-x7m},
 * {@code 2026-01-22-001-x7m.2}, legacy {@code 001-comprehension}). Group membership is decided by the ID
 * alone, as chant does: {@code D.N...} is a member of driver {@code D}.
 *
 * <p>An ID is always a single, safe path segment: it can never name a file outside {@code .chant/}.
 */
public record SpecId(String value) implements Comparable<SpecId> {

    /** chant's archive folder is the first this-many bytes of the ID. */
    public static final int ARCHIVE_FOLDER_BYTES = 10;

    public SpecId {
        String problem = problemWith(value);
        if (problem != null) {
            throw new ChantException("'" + printable(value) + "' is not a spec ID: " + problem
                    + ". Give a spec ID (or a unique part of one) as `upstream-pr specs` lists them.");
        }
    }

    /** Why {@code text} cannot be a spec ID, or {@code null} when it can. */
    public static String problemWith(String text) {
        if (text == null || text.isEmpty()) {
            return "it is empty";
        }
        if (text.equals(".") || text.equals("..") || text.startsWith("..")) {
            return "it starts with '..'";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '\\') {
                return "it contains a path separator '" + c + "'";
            }
            if (Character.isISOControl(c)) {
                return "it contains a control character";
            }
        }
        if (text.endsWith(".md")) {
            return "it ends with '.md' (an ID is the file name without '.md')";
        }
        return null;
    }

    /** The ID of a spec stored in a file with this name, or empty if the name does not end in {@code .md}. */
    public static Optional<SpecId> fromFileName(String fileName) {
        if (!fileName.endsWith(".md") || fileName.length() == 3) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - 3);
        return problemWith(stem) == null ? Optional.of(new SpecId(stem)) : Optional.empty();
    }

    /** The file name of this spec. */
    public String fileName() {
        return value + ".md";
    }

    /**
     * The folder under {@code .chant/archive/} that chant archives this spec into: the first 10 bytes of the
     * ID. Empty when the ID is shorter than 10 bytes or its 10th byte falls inside a multi-byte character
     * (chant panics there; we refuse).
     */
    public Optional<String> archiveFolder() {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length < ARCHIVE_FOLDER_BYTES) {
            return Optional.empty();
        }
        if (utf8.length > ARCHIVE_FOLDER_BYTES && (utf8[ARCHIVE_FOLDER_BYTES] & 0xC0) == 0x80) {
            return Optional.empty();
        }
        return Optional.of(new String(utf8, 0, ARCHIVE_FOLDER_BYTES, StandardCharsets.UTF_8));
    }

    /** The driver this spec is a member of: the text before the first '.', when a digit follows that dot. */
    public Optional<SpecId> driver() {
        int dot = value.indexOf('.');
        if (dot <= 0 || dot + 1 >= value.length() || !Character.isDigit(value.charAt(dot + 1))) {
            return Optional.empty();
        }
        return Optional.of(new SpecId(value.substring(0, dot)));
    }

    /** Whether this ID names a member of a driver ({@link #driver()} is present). */
    public boolean isMember() {
        return driver().isPresent();
    }

    /** chant's member test: this ID starts with {@code driver + "."} followed by at least one character. */
    public boolean isMemberOf(SpecId driver) {
        return value.length() > driver.value.length() + 1
                && value.startsWith(driver.value)
                && value.charAt(driver.value.length()) == '.';
    }

    /** The member number: the leading digits after the first '.', or -1 for a non-member. */
    public long memberNumber() {
        int dot = value.indexOf('.');
        if (dot < 0) {
            return -1;
        }
        int end = dot + 1;
        while (end < value.length() && Character.isDigit(value.charAt(end))) {
            end++;
        }
        if (end == dot + 1) {
            return -1;
        }
        try {
            return Long.parseLong(value.substring(dot + 1, end));
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * chant's natural order: the base ID (dates and base-36 sequences sort as text), a driver before its
     * members, members by their numeric path ({@code .2} before {@code .10}).
     */
    @Override
    public int compareTo(SpecId other) {
        // sorting a tree compares IDs a few hundred thousand times: no regular expression, no copy for the common
        // case of two IDs without members
        int da = value.indexOf('.');
        int db = other.value.indexOf('.');
        if (da < 0 && db < 0) {
            return value.compareTo(other.value);
        }
        int base = (da < 0 ? value : value.substring(0, da)).compareTo(db < 0 ? other.value
                : other.value.substring(0, db));
        if (base != 0) {
            return base;
        }
        String[] a = value.split("\\.", -1);
        String[] b = other.value.split("\\.", -1);
        int c = a[0].compareTo(b[0]);
        if (c != 0) {
            return c;
        }
        for (int i = 1; i < Math.max(a.length, b.length); i++) {
            if (i >= a.length) {
                return -1;
            }
            if (i >= b.length) {
                return 1;
            }
            c = compareSegment(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareSegment(String a, String b) {
        boolean numA = !a.isEmpty() && a.chars().allMatch(Character::isDigit);
        boolean numB = !b.isEmpty() && b.chars().allMatch(Character::isDigit);
        if (numA && numB) {
            // numeric order without regular expressions: this runs for every comparison while sorting a whole tree
            String x = a.substring(leadingZeros(a));
            String y = b.substring(leadingZeros(b));
            int c = Integer.compare(x.length(), y.length());
            return c != 0 ? c : x.compareTo(y);
        }
        return a.compareTo(b);
    }

    /** How many leading zeros to drop from a run of digits so that at least one digit is left. */
    private static int leadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return i;
    }

    /** IDs as plain strings, for messages. */
    public static List<String> values(Iterable<SpecId> ids) {
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(id.value));
        return out;
    }

    @Override
    public String toString() {
        return value;
    }

    /** {@code text} as it can be shown in a one-line message: control characters escaped, at most 200 characters. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        text.codePoints().limit(200).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
