package io.jenkins.plugins.upstreampr.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the staging CI of the fork and produces {@link StagingVerdict}s: the staging pull request's head SHA,
 * then, in parallel, the combined commit status and every page of check runs for that SHA.
 *
 * <p>Every read goes through the session's conditional requests: polling a pending verdict
 * ({@link #await}) and re-reading the head before creation ({@link #confirm}) cost no rate limit while
 * nothing changed.
 */
public final class StagingCheck {

    private static final int PER_PAGE = 100;

    private final GitHubSession session;

    /** Reads through {@code session}. */
    public StagingCheck(GitHubSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The head of the staging pull request (and its base, when it is a pull request), as read. */
    record HeadCommit(RepositoryName repository, PullRequestRef pullRequest, HeadRef head, BaseCommit base, String sha,
            List<String> warnings) {
    }

    /**
     * The verdict on the staging pull request's current head: 2 sequential round trips, 3 requests (more only
     * when there are more than 100 statuses or check runs).
     */
    public StagingVerdict check(PullRequestRef staging, StagingPolicy policy) {
        return verdictFor(readHead(staging), policy);
    }

    /**
     * The verdict on a branch or commit of {@code repository} (a 40-hex SHA is used as is; a branch is first
     * resolved to its SHA, so the verdict is bound to one commit).
     */
    public StagingVerdict checkRef(RepositoryName repository, String ref, StagingPolicy policy) {
        return verdictFor(readRef(repository, ref), policy);
    }

    /**
     * Checks, then re-checks while the verdict is PENDING, waiting {@code firstInterval}, then twice as long
     * each time up to {@code maxInterval}, until {@code timeout} has passed. Each poll re-reads the head (a new
     * push is followed) and the checks, conditionally. Returns the last verdict, which is PENDING if the timeout
     * ran out.
     */
    public StagingVerdict await(PullRequestRef staging, StagingPolicy policy, Duration timeout,
            Duration firstInterval, Duration maxInterval) {
        Instant deadline = session.clock().instant().plus(timeout);
        Duration interval = firstInterval;
        StagingVerdict verdict = check(staging, policy);
        while (verdict.verdict() == Verdict.PENDING) {
            Duration left = Duration.between(session.clock().instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return verdict;
            }
            Duration wait = interval.compareTo(left) < 0 ? interval : left;
            try {
                session.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return verdict;
            }
            interval = interval.multipliedBy(2).compareTo(maxInterval) > 0 ? maxInterval : interval.multipliedBy(2);
            verdict = check(staging, policy);
        }
        return verdict;
    }

    /**
     * Re-reads the head that {@code verdict} was computed for, right before the upstream pull request is
     * created. If it did not move, this is one conditional request (free when GitHub answers 304) and
     * {@link HeadCheck#current()} is {@code verdict}; if it moved, the verdict is redone for the new head (no
     * pull request for a commit CI did not see).
     */
    public HeadCheck confirm(StagingVerdict verdict) {
        HeadCommit head = verdict.pullRequest() != null
                ? readHead(verdict.pullRequest())
                : readRef(verdict.repository(), verdict.head() != null ? verdict.head().branch() : verdict.sha());
        if (head.sha().equals(verdict.sha())) {
            return new HeadCheck(verdict, verdict);
        }
        List<String> warnings = new ArrayList<>(head.warnings());
        warnings.add("The head of " + verdict.subject() + " moved from " + verdict.sha() + " to " + head.sha()
                + " after the verdict; the verdict was redone for the new head.");
        return new HeadCheck(verdict, verdictFor(new HeadCommit(head.repository(), head.pullRequest(), head.head(),
                head.base(), head.sha(), warnings), verdict.policy()));
    }

    // ---------------------------------------------------------------- reads

    HeadCommit readHead(PullRequestRef staging) {
        JsonNode pr = session.get("reading staging pull request " + staging,
                staging.repository().apiPath() + "/pulls/" + staging.number(), Map.of());
        String sha = pr.path("head").path("sha").asText("");
        String ref = pr.path("head").path("ref").asText("");
        if (!CommitSha.is(sha) || ref.isEmpty()) {
            throw new GitHubException(GitHubException.Kind.UNEXPECTED, 200, "GitHub's answer for staging pull request "
                    + staging + " has no head SHA and branch; is " + session.apiUrl() + " a GitHub REST API?",
                    null, List.of(), null);
        }
        String owner = pr.path("head").path("repo").path("owner").path("login")
                .asText(pr.path("head").path("user").path("login").asText(staging.repository().owner()));
        List<String> warnings = new ArrayList<>();
        String state = pr.path("state").asText("open");
        if (pr.path("merged").asBoolean(false)) {
            warnings.add("Staging pull request " + staging + " is already merged.");
        } else if (!"open".equals(state)) {
            warnings.add("Staging pull request " + staging + " is " + state + ".");
        }
        if (pr.path("head").path("repo").isNull()) {
            warnings.add("The head repository of staging pull request " + staging + " was deleted.");
        }
        String baseSha = pr.path("base").path("sha").asText("");
        String baseRef = pr.path("base").path("ref").asText("");
        BaseCommit base = CommitSha.is(baseSha) && !baseRef.isEmpty()
                ? new BaseCommit(baseRef, baseSha) : null;
        RepositoryName ciRepository = staging.repository();
        return new HeadCommit(ciRepository, staging, new HeadRef(owner, ref), base, sha, warnings);
    }

    private HeadCommit readRef(RepositoryName repository, String ref) {
        if (CommitSha.is(ref)) {
            return new HeadCommit(repository, null, null, null, ref, List.of());
        }
        JsonNode branch = session.get("reading branch " + ref + " of " + repository,
                repository.apiPath() + "/branches/" + GitHubSession.segment(ref), Map.of());
        String sha = branch.path("commit").path("sha").asText("");
        if (!CommitSha.is(sha)) {
            throw new GitHubException(GitHubException.Kind.UNEXPECTED, 200, "GitHub's answer for branch " + ref
                    + " of " + repository + " has no commit SHA.", null, List.of(), null);
        }
        return new HeadCommit(repository, null, new HeadRef(repository.owner(), ref), null, sha, List.of());
    }

    StagingVerdict verdictFor(HeadCommit head, StagingPolicy policy) {
        Instant now = session.clock().instant();
        String base = head.repository().apiPath() + "/commits/" + head.sha();
        ParallelReads reads = new ParallelReads();
        CompletableFuture<List<CheckResult>> statuses = reads.start(() -> statuses(head, base));
        CompletableFuture<List<CheckResult>> runs = reads.start(() -> checkRuns(head, base));
        List<CheckResult> reported = new ArrayList<>();
        reported.addAll(reads.join(statuses));
        reported.addAll(reads.join(runs));
        return StagingVerdict.decide(head.repository(), head.pullRequest(), head.head(), head.base(), head.sha(),
                reported, head.warnings(), policy, now);
    }

    private List<CheckResult> statuses(HeadCommit head, String base) {
        List<CheckResult> result = new ArrayList<>();
        for (JsonNode page : session.getAllPages("reading the commit statuses of " + head.sha() + " in "
                + head.repository(), base + "/status", GitHubSession.query("per_page", String.valueOf(PER_PAGE)))) {
            for (JsonNode s : page.path("statuses")) {
                if (GateStatus.isGate(s.path("context").asText())) {
                    continue; // the gate's own status: it never judges, or waits for, itself
                }
                result.add(new CheckResult(s.path("context").asText("default"), statusState(s.path("state").asText()),
                        textOrNull(s.path("target_url")), CheckResult.Source.COMMIT_STATUS, false,
                        textOrNull(s.path("state"))));
            }
        }
        return result;
    }

    private List<CheckResult> checkRuns(HeadCommit head, String base) {
        List<CheckResult> result = new ArrayList<>();
        for (JsonNode page : session.getAllPages("reading the check runs of " + head.sha() + " in "
                + head.repository(), base + "/check-runs",
                GitHubSession.query("filter", "latest", "per_page", String.valueOf(PER_PAGE)))) {
            for (JsonNode run : page.path("check_runs")) {
                String url = textOrNull(run.path("html_url"));
                if (url == null) {
                    url = textOrNull(run.path("details_url"));
                }
                result.add(new CheckResult(run.path("name").asText("check run"), runState(run), url,
                        CheckResult.Source.CHECK_RUN, false, "completed".equals(run.path("status").asText())
                                ? textOrNull(run.path("conclusion")) : textOrNull(run.path("status"))));
            }
        }
        return result;
    }

    static CheckState statusState(String state) {
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "success" -> CheckState.SUCCESS;
            case "failure", "error" -> CheckState.FAILURE;
            default -> CheckState.PENDING;
        };
    }

    static CheckState runState(JsonNode run) {
        if (!"completed".equals(run.path("status").asText())) {
            return CheckState.PENDING;
        }
        return switch (run.path("conclusion").asText("")) {
            case "success", "neutral", "skipped" -> CheckState.SUCCESS;
            case "" -> CheckState.PENDING;
            default -> CheckState.FAILURE;
        };
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.asText().isEmpty() ? null : node.asText();
    }
}
