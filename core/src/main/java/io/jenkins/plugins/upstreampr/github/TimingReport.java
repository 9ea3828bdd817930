package io.jenkins.plugins.upstreampr.github;

import java.time.Instant;
import java.util.List;

/**
 * Whether now is a good time to open the upstream pull request.
 *
 * @param activeFreezes the declared freeze windows containing today; non-empty means frozen
 * @param upcomingMilestones open upstream milestones due soon
 * @param warnings the above in words, for a human
 */
public record TimingReport(List<FreezeWindow> activeFreezes, List<UpcomingMilestone> upcomingMilestones,
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
        activeFreezes = List.copyOf(activeFreezes);
        upcomingMilestones = List.copyOf(upcomingMilestones);
        warnings = List.copyOf(warnings);
    }

    /** Nothing to report. */
    public static TimingReport clear() {
        return new TimingReport(List.of(), List.of(), List.of());
    }

    /** Whether a freeze is active: the gate refuses unless a human overrides it with a reason. */
    public boolean frozen() {
        return !activeFreezes.isEmpty();
    }
}
