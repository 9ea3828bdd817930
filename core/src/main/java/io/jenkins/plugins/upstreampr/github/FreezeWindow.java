package io.jenkins.plugins.upstreampr.github;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A declared freeze of the upstream project: no pull requests from {@code from} to {@code to}, both inclusive
 * (dates in UTC).
 *
 * @param from first frozen day
 * @param to last frozen day
 * @param reason why (e.g. "release 2.0 freeze"); may be empty
 */
public record FreezeWindow(LocalDate from, LocalDate to, String reason) {

    public FreezeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Freeze window ends (" + to + ") before it starts (" + from + ")");
        }
        reason = reason == null ? "" : reason.strip();
    }

    /**
     * Parses {@code YYYY-MM-DD..YYYY-MM-DD} optionally followed by {@code :reason}.
     *
     * @throws IllegalArgumentException naming the input and the expected form
     */
    public static FreezeWindow parse(String text) {
        String expected = "expected FROM..TO[:REASON] with ISO dates, e.g. 2025-12-20..2026-01-06:holiday freeze";
        if (text == null) {
            throw new IllegalArgumentException("Missing freeze window: " + expected);
        }
        int range = text.indexOf("..");
        if (range < 0) {
            throw new IllegalArgumentException("Invalid freeze window '" + text + "': " + expected);
        }
        String rest = text.substring(range + 2);
        int colon = rest.indexOf(':');
        try {
            LocalDate from = LocalDate.parse(text.substring(0, range).strip());
            LocalDate to = LocalDate.parse((colon < 0 ? rest : rest.substring(0, colon)).strip());
            return new FreezeWindow(from, to, colon < 0 ? "" : rest.substring(colon + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid freeze window '" + text + "': " + expected);
        }
    }

    /** Whether {@code day} is frozen. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    @Override
    public String toString() {
        return from + ".." + to + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
