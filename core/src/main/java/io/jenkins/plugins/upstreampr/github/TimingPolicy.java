package io.jenkins.plugins.upstreampr.github;

import java.util.List;

/**
 * When not to open upstream pull requests, and what to warn about.
 *
 * @param freezes declared freeze windows (from the step or CLI configuration)
 * @param milestoneDays report open upstream milestones due within this many days; 0 reads no milestones
 */
public record TimingPolicy(List<FreezeWindow> freezes, int milestoneDays) {

    public TimingPolicy {
        freezes = List.copyOf(freezes);
        if (milestoneDays < 0) {
            throw new IllegalArgumentException("milestoneDays must not be negative, was " + milestoneDays);
        }
    }

    /** No freezes, no milestone look-ahead: costs no request. */
    public static TimingPolicy none() {
        return new TimingPolicy(List.of(), 0);
    }
}
