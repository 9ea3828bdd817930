package io.jenkins.plugins.upstreampr.github;

import java.util.List;
import java.util.regex.Pattern;

/**
 * When not to open upstream pull requests, and what to warn about.
 *
 * <p>A freeze can be declared in three places: windows in the step or CLI configuration ({@code freezes}, no
 * request), a file in the upstream repository ({@code freezeFile}, one request) and a label on an open upstream
 * issue or pull request ({@code freezeLabel}, one request). The repository is read only for what is configured.
 *
 * <p>A "release due" is read from open upstream milestones with a due date ({@code milestoneDays}). GitHub
 * releases carry no due date: a release that is being prepared exists only as a draft, which the API lists only
 * to users with push access and without any planned date, so an upcoming release is not detectable through the
 * API beyond milestones.
 *
 * @param freezes declared freeze windows (from the step or CLI configuration)
 * @param milestoneDays report open upstream milestones due within this many days; 0 reads no milestones
 * @param freezeFile a file of the upstream repository declaring a freeze (e.g. {@code .github/FREEZE}), read from
 *        the base branch, or null: absent means no freeze; lines {@code YYYY-MM-DD..YYYY-MM-DD[: reason]} are
 *        freeze windows; a file without such lines means frozen now, its first non-empty line being the reason
 * @param freezeLabel a label whose presence on any open upstream issue or pull request means frozen, or null
 */
public record TimingPolicy(List<FreezeWindow> freezes, int milestoneDays, String freezeFile, String freezeLabel) {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public TimingPolicy {
        freezes = List.copyOf(freezes);
        if (milestoneDays < 0) {
            throw new IllegalArgumentException("milestoneDays must not be negative, was " + milestoneDays);
        }
        freezeFile = checkFile(freezeFile);
        freezeLabel = checkLabel(freezeLabel);
    }

    /** Declared windows and a milestone look-ahead, nothing read from files or labels. */
    public TimingPolicy(List<FreezeWindow> freezes, int milestoneDays) {
        this(freezes, milestoneDays, null, null);
    }

    /** No freezes, no milestone look-ahead: costs no request. */
    public static TimingPolicy none() {
        return new TimingPolicy(List.of(), 0);
    }

    /** This policy, also reading the freeze file {@code path} (relative to the repository root; null: none). */
    public TimingPolicy withFreezeFile(String path) {
        return new TimingPolicy(freezes, milestoneDays, path, freezeLabel);
    }

    /** This policy, also frozen while an open upstream issue or pull request carries {@code label} (null: none). */
    public TimingPolicy withFreezeLabel(String label) {
        return new TimingPolicy(freezes, milestoneDays, freezeFile, label);
    }

    /** Whether assessing this policy reads the upstream repository (milestones, freeze file or freeze label). */
    public boolean readsUpstream() {
        return milestoneDays > 0 || freezeFile != null || freezeLabel != null;
    }

    private static String checkFile(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String p = path.strip();
        String expected = ": expected a path relative to the repository root with '/' between folders, e.g. "
                + ".github/FREEZE";
        if (p.startsWith("/") || p.endsWith("/") || p.contains("\\") || CONTROL.matcher(p).find()) {
            throw new IllegalArgumentException("Invalid freeze file '" + p + "'" + expected);
        }
        for (String segment : p.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("Invalid freeze file '" + p + "'" + expected);
            }
        }
        return p;
    }

    private static String checkLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.strip();
        if (l.contains(",") || CONTROL.matcher(l).find()) {
            // GitHub's issue list takes a comma-separated list of labels: a comma cannot be part of one name.
            throw new IllegalArgumentException("Invalid freeze label '" + l + "': expected one label name, without "
                    + "a comma, e.g. release-freeze");
        }
        return l;
    }
}
