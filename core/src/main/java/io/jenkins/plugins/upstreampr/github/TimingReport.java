package io.jenkins.plugins.upstreampr.github;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether now is a good time to open the upstream pull request.
 *
 * @param freezes the freezes in effect now (configured windows, the upstream freeze file, the freeze label);
 *        non-empty means frozen
 * @param upcomingMilestones open upstream milestones due soon
 * @param warnings the above in words, for a human
 */
public record TimingReport(List<ActiveFreeze> freezes, List<UpcomingMilestone> upcomingMilestones,
        List<String> warnings) {

    /**
     * An upstream milestone due soon.
     *
     * @param title its title
     * @param dueOn its due date
     * @param url its web page
     */
    public record UpcomingMilestone(String title, Instant dueOn, String url) {
    }

    public TimingReport {
        freezes = List.copyOf(freezes);
        upcomingMilestones = List.copyOf(upcomingMilestones);
        warnings = List.copyOf(warnings);
    }

    /** Nothing to report. */
    public static TimingReport clear() {
        return new TimingReport(List.of(), List.of(), List.of());
    }

    /** Whether a freeze is active: the gate refuses unless a human overrides it with a reason. */
    public boolean frozen() {
        return !freezes.isEmpty();
    }

    /** The freeze windows containing today (configured or from the freeze file), without standing freezes. */
    public List<FreezeWindow> activeFreezes() {
        return freezes.stream().map(ActiveFreeze::window).flatMap(Optional::stream).toList();
    }
}
