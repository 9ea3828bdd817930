package io.jenkins.plugins.upstreampr.jenkins.params;

import io.jenkins.plugins.upstreampr.github.FreezeWindow;
import io.jenkins.plugins.upstreampr.github.TimingPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The timing arguments of the preflight and create steps, as a Jenkinsfile author types them, turned into the
 * engine's {@link TimingPolicy}: declared freeze windows, a freeze file and a freeze label in the upstream repository,
 * and how far ahead to look for milestones. Both steps build the policy from the same text, so the create step judges
 * a freeze as the preflight showed it.
 *
 * @param freezes declared upstream freeze windows, one per line, {@code FROM..TO[:REASON]} with ISO dates
 * @param freezeFile a file of the upstream repository declaring a freeze (e.g. {@code .github/FREEZE}); blank: none
 * @param freezeLabel a label whose presence on an open upstream issue or pull request means frozen; blank: none
 * @param milestoneDays warn about open upstream milestones due within this many days; 0 reads none
 */
public record TimingArguments(String freezes, String freezeFile, String freezeLabel, int milestoneDays) {

    /** No freezes, no milestones: what a step without timing arguments gets. */
    public static TimingArguments none() {
        return new TimingArguments("", "", "", 0);
    }

    /**
     * The engine's policy.
     *
     * @param step the step's function name, for messages
     * @throws IllegalArgumentException naming the argument that is malformed and what it should be
     */
    public TimingPolicy toPolicy(String step) {
        List<FreezeWindow> windows = new ArrayList<>();
        for (String line : freezes == null ? new String[0] : freezes.split("\\R")) {
            if (!line.isBlank()) {
                windows.add(window(step, line.strip()));
            }
        }
        TimingPolicy policy;
        try {
            policy = new TimingPolicy(windows, milestoneDays);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(step + ": milestoneDays: " + e.getMessage(), e);
        }
        try {
            policy = policy.withFreezeFile(freezeFile);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(step + ": freezeFile: " + e.getMessage(), e);
        }
        try {
            return policy.withFreezeLabel(freezeLabel);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(step + ": freezeLabel: " + e.getMessage(), e);
        }
    }

    private static FreezeWindow window(String step, String line) {
        try {
            return FreezeWindow.parse(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(step + ": freezes '" + line + "': " + e.getMessage(), e);
        }
    }
}
