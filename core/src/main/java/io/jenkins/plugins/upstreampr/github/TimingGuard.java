package io.jenkins.plugins.upstreampr.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assesses timing: declared freeze windows (no request) and upstream milestones due soon (one request, only
 * when {@link TimingPolicy#milestoneDays()} is positive).
 */
public final class TimingGuard {

    private final GitHubSession session;

    /** Reads through {@code session}. */
    public TimingGuard(GitHubSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The timing report for opening a pull request on {@code upstream} now (the session's clock). */
    public TimingReport assess(RepositoryName upstream, TimingPolicy policy) {
        Instant now = session.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<FreezeWindow> active = policy.freezes().stream().filter(f -> f.contains(today)).toList();
        List<String> warnings = new ArrayList<>();
        for (FreezeWindow f : active) {
            warnings.add("Freeze in effect for " + upstream + " from " + f.from() + " to " + f.to()
                    + (f.reason().isEmpty() ? "" : " (" + f.reason() + ")")
                    + ": opening a pull request needs an override with a reason.");
        }
        List<TimingReport.UpcomingMilestone> upcoming = new ArrayList<>();
        if (policy.milestoneDays() > 0) {
            Instant horizon = now.plus(Duration.ofDays(policy.milestoneDays()));
            JsonNode milestones = session.get("reading the open milestones of " + upstream,
                    upstream.apiPath() + "/milestones",
                    GitHubSession.query("state", "open", "sort", "due_on", "direction", "asc", "per_page", "20"));
            for (JsonNode m : milestones) {
                Instant due = instant(m.path("due_on").asText(null));
                if (due != null && !due.isAfter(horizon) && !due.isBefore(now.minus(Duration.ofDays(1)))) {
                    TimingReport.UpcomingMilestone milestone = new TimingReport.UpcomingMilestone(
                            m.path("title").asText(""), due, m.path("html_url").asText(null));
                    upcoming.add(milestone);
                    warnings.add("Upstream milestone '" + milestone.title() + "' of " + upstream + " is due on "
                            + LocalDate.ofInstant(due, ZoneOffset.UTC) + " (within " + policy.milestoneDays()
                            + " days): maintainers may be busy or the project close to a release freeze.");
                }
            }
        }
        return new TimingReport(active, upcoming, warnings);
    }

    private static Instant instant(String text) {
        if (text == null || text.isEmpty() || text.equals("null")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
