package io.jenkins.plugins.upstreampr.github;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A freeze declared by a file in the upstream repository (e.g. {@code .github/FREEZE}), as read from its text.
 *
 * <p>Each line {@code YYYY-MM-DD..YYYY-MM-DD[: reason]} is a {@link FreezeWindow}; the file freezes the days
 * inside its windows. A file without such lines is a standing freeze (frozen as long as the file exists), its
 * first non-empty line being the reason. Lines that are neither windows nor the reason are left to humans.
 *
 * @param name where the file lives, for messages (e.g. {@code upstream/project:.github/FREEZE on main})
 * @param windows the freeze windows it declares; empty for a standing freeze
 * @param standingReason the first non-empty line when there are no windows (may be empty); empty otherwise
 */
public record FreezeFile(String name, List<FreezeWindow> windows, String standingReason) {

    /** A line that starts like a date, or like a range of numbers: meant as a window, so it must be one. */
    private static final Pattern WINDOW_LIKE = Pattern.compile("^(\\d{4}-\\d|\\d[\\d/.-]*\\s*\\.\\.\\s*\\d).*");

    public FreezeFile {
        Objects.requireNonNull(name, "name");
        windows = List.copyOf(windows);
        standingReason = standingReason == null ? "" : standingReason.strip();
    }

    /**
     * Reads the text of the freeze file {@code name}.
     *
     * @throws IllegalArgumentException for a line that starts like a date but is not a valid window, naming the file,
     *         the line number and the expected form
     */
    public static FreezeFile parse(String name, String text) {
        List<FreezeWindow> windows = new ArrayList<>();
        String firstLine = null;
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\\R", -1) : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (WINDOW_LIKE.matcher(line).matches()) {
                try {
                    windows.add(FreezeWindow.parse(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Freeze file " + name + ", line " + (i + 1) + ": '"
                            + printable(line) + "' is not a freeze window (expected YYYY-MM-DD..YYYY-MM-DD[: reason] "
                            + "with valid dates, the first not after the second, e.g. 2026-12-20..2027-01-06: "
                            + "holiday freeze). Ask the upstream maintainers to fix the line, or do not name the "
                            + "file as freeze file.");
                }
            } else if (firstLine == null) {
                firstLine = line;
            }
        }
        return new FreezeFile(name, windows, windows.isEmpty() && firstLine != null ? firstLine : "");
    }

    /** Whether the file declares a standing freeze (no windows): frozen as long as it exists. */
    public boolean standing() {
        return windows.isEmpty();
    }

    /** The windows containing {@code day}; for a standing freeze, none (it is frozen regardless of the day). */
    public List<FreezeWindow> windowsContaining(LocalDate day) {
        return windows.stream().filter(w -> w.contains(day)).toList();
    }

    private static String printable(String line) {
        String shown = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
