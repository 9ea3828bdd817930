package io.jenkins.plugins.upstreampr.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Assesses timing: declared freeze windows (no request), and, only when the {@link TimingPolicy} asks for them,
 * the upstream freeze file, the freeze label and upstream milestones due soon (one request each, in parallel).
 *
 * <p>A "release due" is an open milestone with a due date. GitHub releases have no due date, and a release being
 * prepared is a draft that only users with push access can list: that is not detectable here.
 */
public final class TimingGuard {

    private final GitHubSession session;

    /** Reads through {@code session}. */
    public TimingGuard(GitHubSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The timing report for opening a pull request on {@code upstream} now, reading a freeze file from its default branch. */
    public TimingReport assess(RepositoryName upstream, TimingPolicy policy) {
        return assess(upstream, null, policy);
    }

    /**
     * The timing report for opening a pull request into {@code upstream:base} now (the session's clock, UTC).
     *
     * @param base the base branch, from which the freeze file is read; null for the default branch
     * @throws GitHubException when a read fails, or the freeze file has a malformed window line (naming the file
     *         and line) or is not a readable text file
     */
    public TimingReport assess(RepositoryName upstream, String base, TimingPolicy policy) {
        Instant now = session.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ParallelReads reads = new ParallelReads();
        CompletableFuture<List<ActiveFreeze>> fromFile = read(reads, policy.freezeFile() != null,
                () -> fileFreezes(upstream, base, policy.freezeFile(), today));
        CompletableFuture<List<ActiveFreeze>> fromLabel = read(reads, policy.freezeLabel() != null,
                () -> labelFreezes(upstream, policy.freezeLabel()));
        CompletableFuture<List<TimingReport.UpcomingMilestone>> milestones = read(reads, policy.milestoneDays() > 0,
                () -> upcomingMilestones(upstream, policy.milestoneDays(), now));

        List<ActiveFreeze> freezes = new ArrayList<>();
        for (FreezeWindow f : policy.freezes()) {
            if (f.contains(today)) {
                freezes.add(new ActiveFreeze(ActiveFreeze.Source.CONFIGURATION, "the configuration", f.reason(),
                        Optional.of(f)));
            }
        }
        freezes.addAll(reads.join(fromFile));
        freezes.addAll(reads.join(fromLabel));
        List<TimingReport.UpcomingMilestone> upcoming = reads.join(milestones);

        List<String> warnings = new ArrayList<>();
        for (ActiveFreeze f : freezes) {
            warnings.add(describe(upstream, f));
        }
        for (TimingReport.UpcomingMilestone m : upcoming) {
            warnings.add("Upstream milestone '" + m.title() + "' of " + upstream + " is due on "
                    + LocalDate.ofInstant(m.dueOn(), ZoneOffset.UTC) + " (within " + policy.milestoneDays()
                    + " days): maintainers may be busy or the project close to a release freeze.");
        }
        return new TimingReport(freezes, upcoming, warnings);
    }

    private static <T> CompletableFuture<List<T>> read(ParallelReads reads, boolean wanted,
            Supplier<List<T>> reader) {
        return wanted ? reads.start(reader)
                : CompletableFuture.completedFuture(List.of());
    }

    private static String describe(RepositoryName upstream, ActiveFreeze f) {
        String override = ": opening a pull request needs an override with a reason.";
        String reason = f.reason().isEmpty() ? "" : " (" + f.reason() + ")";
        return switch (f.source()) {
            case CONFIGURATION -> "Freeze in effect for " + upstream + " from " + f.window().orElseThrow().from()
                    + " to " + f.window().orElseThrow().to() + reason + override;
            case FILE -> f.window().isPresent()
                    ? "Freeze in effect for " + upstream + " from " + f.window().get().from() + " to "
                            + f.window().get().to() + reason + ", declared in " + f.declaredIn() + override
                    : "Freeze in effect for " + upstream + reason + ", declared by " + f.declaredIn()
                            + " (a freeze file without date windows freezes as long as it exists)" + override;
            case LABEL -> "Freeze in effect for " + upstream + reason + ", declared by the " + f.declaredIn() + override;
        };
    }

    // ---------------------------------------------------------------- freeze file

    private List<ActiveFreeze> fileFreezes(RepositoryName upstream, String base, String path, LocalDate today) {
        String name = upstream + ":" + path + " on " + (base == null ? "the default branch" : base);
        Optional<String> text = readFile(upstream, base, path, name);
        if (text.isEmpty()) {
            return List.of();
        }
        FreezeFile file;
        try {
            file = FreezeFile.parse(name, text.get());
        } catch (IllegalArgumentException e) {
            throw GitHubException.unexpected(200, e.getMessage());
        }
        if (file.standing()) {
            return List.of(new ActiveFreeze(ActiveFreeze.Source.FILE, name, file.standingReason(), Optional.empty()));
        }
        return file.windowsContaining(today).stream()
                .map(w -> new ActiveFreeze(ActiveFreeze.Source.FILE, name, w.reason(), Optional.of(w))).toList();
    }

    /** The file's text, or empty when it does not exist (404); conditional, like every read of the session. */
    private Optional<String> readFile(RepositoryName upstream, String base, String path, String name) {
        StringBuilder apiPath = new StringBuilder(upstream.apiPath()).append("/contents");
        for (String segment : path.split("/")) {
            // Segments encoded one by one, the slashes kept: {path} spans several segments (x-multi-segment).
            apiPath.append('/').append(GitHubSession.segment(segment));
        }
        JsonNode content;
        try {
            content = session.get("reading the freeze file " + name, apiPath.toString(),
                    base == null ? Map.of() : GitHubSession.query("ref", base));
        } catch (GitHubException e) {
            if (e.kind() != GitHubException.Kind.NOT_FOUND) {
                throw e;
            }
            if (e.getMessage().contains("No commit found for the ref")) {
                throw new GitHubException(e.kind(), e.status(), "The base branch " + base + " does not exist in "
                        + upstream + " (reading the freeze file " + path + "): check --base.", null, e.details(), e);
            }
            return Optional.empty();
        }
        String remedy = " Name a text file as freeze file, or ask the upstream maintainers to make it one.";
        if (content.isArray()) {
            throw GitHubException.unexpected(200, "The freeze file " + name + " is a directory, not a file." + remedy);
        }
        String type = content.path("type").asText("");
        if (!type.equals("file")) {
            throw GitHubException.unexpected(200, "The freeze file " + name + " is a " + (type.isEmpty() ? "?" : type)
                    + ", not a file." + remedy);
        }
        String encoding = content.path("encoding").asText("");
        if (!encoding.equals("base64")) {
            throw GitHubException.unexpected(200, "GitHub did not send the content of the freeze file " + name
                    + " (encoding '" + encoding + "'; it does so for files over 1 MB)." + remedy);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(content.path("content").asText(""));
        } catch (IllegalArgumentException e) {
            throw GitHubException.unexpected(200, "GitHub sent the freeze file " + name
                    + " with content that is not base64 (" + e.getMessage() + ").");
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- freeze label

    private List<ActiveFreeze> labelFreezes(RepositoryName upstream, String label) {
        JsonNode issues = session.get("looking for open issues and pull requests of " + upstream + " labelled '"
                + label + "'", upstream.apiPath() + "/issues",
                GitHubSession.query("labels", label, "state", "open", "per_page", "1"));
        for (JsonNode issue : issues) {
            String url = issue.path("html_url").asText("");
            String kind = issue.hasNonNull("pull_request") ? "pull request" : "issue";
            String where = "label '" + label + "' on " + kind + " " + (url.isEmpty()
                    ? upstream + "#" + issue.path("number").asInt() : url);
            return List.of(new ActiveFreeze(ActiveFreeze.Source.LABEL, where, issue.path("title").asText(""),
                    Optional.empty()));
        }
        return List.of();
    }

    // ---------------------------------------------------------------- milestones

    private List<TimingReport.UpcomingMilestone> upcomingMilestones(RepositoryName upstream, int days, Instant now) {
        Instant horizon = now.plus(Duration.ofDays(days));
        JsonNode milestones = session.get("reading the open milestones of " + upstream,
                upstream.apiPath() + "/milestones",
                GitHubSession.query("state", "open", "sort", "due_on", "direction", "asc", "per_page", "20"));
        List<TimingReport.UpcomingMilestone> upcoming = new ArrayList<>();
        for (JsonNode m : milestones) {
            Instant due = instant(m.path("due_on").asText(null));
            if (due != null && !due.isAfter(horizon) && !due.isBefore(now.minus(Duration.ofDays(1)))) {
                upcoming.add(new TimingReport.UpcomingMilestone(m.path("title").asText(""), due,
                        m.path("html_url").asText(null)));
            }
        }
        return upcoming;
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
