package io.jenkins.plugins.upstreampr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.upstreampr.followup.PullRequestSnapshot;
import io.jenkins.plugins.upstreampr.followup.UpstreamPullRequestWatch;
import io.jenkins.plugins.upstreampr.followup.WatchEvent;
import io.jenkins.plugins.upstreampr.followup.WatchOutcome;
import io.jenkins.plugins.upstreampr.followup.WatchPolicy;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.PullRequestComment;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.Sleeper;
import io.jenkins.plugins.upstreampr.github.StagingPolicy;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code upstream-pr watch}: follows the upstream pull request after submission and prints each change as it is
 * seen, until it is merged or closed (or reviewed, with {@code --until review}) or the timeout passes.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow the upstream pull request: state, review decision, new comments, its head and the CI on "
                + "it, and (with --staging) whether the staging CI passed on that same commit before saying it is "
                + "ready for another look. Prints each change as it happens; polls with conditional requests (free "
                + "while nothing changes), backing off while nothing changes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged (or, with --until review, a new review)", "6:closed without merge",
            "4:timeout", "1:GitHub failed (outage, network)", "2:usage error, bad credentials, not found"})
public final class WatchCommand implements Callable<Integer> {

    static final int EXIT_TIMEOUT = 4;
    static final int EXIT_CLOSED = 6;

    /** How the command waits between looks; replaced only by tests. */
    static Sleeper sleeper = Sleeper.SYSTEM;

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([smhd])");

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private UpstreamPrCommand parent;

    @Mixin
    private GitHubOptions github;

    @Option(names = "--upstream", required = true, paramLabel = "OWNER/REPO#N",
            description = "The upstream pull request.")
    private String upstream;

    @Option(names = "--staging", paramLabel = "OWNER/REPO#N",
            description = "The staging pull request inside the fork: its CI must pass on the upstream head before the "
                    + "upstream pull request is reported ready for another look.")
    private String staging;

    @Option(names = "--until", paramLabel = "merged|closed|review", defaultValue = "merged",
            description = "What to wait for: merged (default), closed (merged or not), or review (a review "
                    + "submitted after the watch started). Merged or closed always ends the watch.")
    private String until;

    @Option(names = "--timeout", paramLabel = "D",
            description = "Give up after this long (ISO-8601 like PT2H or P3D, or 90m, 2h, 3d); default: no limit.")
    private String timeout;

    @Option(names = "--interval", paramLabel = "D", defaultValue = "PT30S",
            description = "Wait after a change before the next look (default PT30S); doubles while nothing changes.")
    private String interval;

    @Option(names = "--max-interval", paramLabel = "D", defaultValue = "PT10M",
            description = "The longest wait between two looks (default PT10M).")
    private String maxInterval;

    @Mixin
    private StagingPolicyOptions stagingPolicy;

    @Option(names = "--json", description = "Print one JSON object per line, one per change.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        UpstreamPullRequestWatch watch;
        WatchPolicy policy;
        GitHubSession session;
        try {
            policy = new WatchPolicy(WatchPolicy.Until.parse(until), timeout == null ? null : duration("--timeout",
                    timeout), duration("--interval", interval), duration("--max-interval", maxInterval));
            PullRequestRef up = PullRequestRef.parse(upstream);
            PullRequestRef stage = staging == null ? null : PullRequestRef.parse(staging);
            session = github.session().withTime(sleeper, parent == null ? Clock.systemUTC() : parent.clock());
            watch = new UpstreamPullRequestWatch(session, up, stage,
                    stagingPolicy.policy());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        WatchOutcome outcome = watch.watch(policy, event -> {
            out.println(json ? json(event) : text(event));
            out.flush();
        });
        return switch (outcome.result()) {
            case MERGED, REVIEWED -> UpstreamPrCommand.EXIT_OK;
            case CLOSED_UNMERGED -> EXIT_CLOSED;
            case TIMED_OUT -> EXIT_TIMEOUT;
        };
    }

    /** ISO-8601 ({@code PT90M}, {@code P3D}) or short ({@code 90m}, {@code 2h}, {@code 3d}, {@code 30s}). */
    static Duration duration(String option, String text) {
        String t = text.strip();
        Matcher m = SHORT_DURATION.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid " + option + " '" + text + "': expected a duration such as "
                    + "90m, 2h, 3d or ISO-8601 PT90M");
        }
    }

    private static String text(WatchEvent event) {
        return "[" + event.snapshot().lookedAt() + "] " + event.kind().json() + ": " + event.message();
    }

    private static String json(WatchEvent event) {
        ObjectMapper mapper = new ObjectMapper();
        PullRequestSnapshot s = event.snapshot();
        ObjectNode root = mapper.createObjectNode();
        root.put("event", event.kind().json());
        root.put("at", s.lookedAt().toString());
        root.put("pull_request", s.pullRequest().toString());
        root.put("url", s.url());
        root.put("state", s.state().json());
        root.put("draft", s.draft());
        root.put("head", s.head() == null ? null : s.head().toString());
        root.put("sha", s.headSha());
        root.put("review_decision", s.reviewDecision().json());
        if (s.ci() != null) {
            root.putObject("ci").put("sha", s.ci().sha()).put("verdict", s.ci().verdict().json());
        } else {
            root.putNull("ci");
        }
        StagingVerdict st = s.staging();
        if (st != null) {
            root.putObject("staging").put("pull_request", String.valueOf(st.pullRequest())).put("sha", st.sha())
                    .put("verdict", st.verdict().json()).put("same_head", !s.headsDiffer());
        } else {
            root.putNull("staging");
        }
        root.put("ready", s.readyForAnotherLook());
        root.put("message", event.message());
        ArrayNode comments = root.putArray("comments");
        for (PullRequestComment c : event.comments()) {
            comments.addObject().put("kind", c.kind().json()).put("author", c.author()).put("body", c.body())
                    .put("url", c.url()).put("path", c.path()).put("created_at", c.createdAt().toString());
        }
        if (event.review() != null) {
            root.putObject("review").put("reviewer", event.review().reviewer())
                    .put("state", event.review().state().json()).put("sha", event.review().commitSha())
                    .put("url", event.review().url());
        }
        if (s.closedBy() != null) {
            root.put("closed_by", s.closedBy());
        }
        if (s.mergeCommitSha() != null) {
            root.put("merge_commit_sha", s.mergeCommitSha());
        }
        return root.toString();
    }
}
