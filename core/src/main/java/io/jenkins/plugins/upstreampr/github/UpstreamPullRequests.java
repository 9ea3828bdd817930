package io.jenkins.plugins.upstreampr.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens the upstream pull request idempotently: at most one open pull request per head and base, whatever
 * happens (a second build racing, a lost answer, a cross-owner fork).
 *
 * <p>{@link #open} sends the POST first: GitHub itself refuses a second open pull request for the same head
 * and base (422 "A pull request already exists"), and that answer is turned into a look-up of the existing one
 * ({@code created=false}). So the common path costs one request and the race is handled by the same code.
 *
 * <p>A POST that failed in passing (5xx, timeout, dropped connection, rate limit) is sent again when the session's
 * {@link RetryRule} allows it, and never without a read in between that showed no pull request: the open pull
 * requests for that head and base are listed first, and one found is the result. The effort's
 * {@link RetryProgress} remembers how many POSTs were sent and whether one may have taken effect unseen, so the rule
 * holds across attempts of a front end that does not block ({@link #attemptOpen}) and across a restart (a progress
 * that came back from disk is read first, whatever it says).
 */
public final class UpstreamPullRequests {

    private static final int FOLLOW_UP_ATTEMPTS = 3;
    /**
     * The first of the brief waits right after opening (or after a 422 "already exists"), while GitHub's list and
     * the new pull request catch up; made in the thread in any mode, since they are seconds and cannot be put off
     * without losing what was just opened.
     */
    private static final Duration FOLLOW_UP_BACKOFF = Duration.ofSeconds(1);

    private final GitHubSession session;

    /** Works through {@code session}. */
    public UpstreamPullRequests(GitHubSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The default branch of {@code upstream} (one request). */
    public String defaultBranch(RepositoryName upstream) {
        JsonNode repo = session.get("reading repository " + upstream, upstream.apiPath(), Map.of());
        String branch = repo.path("default_branch").asText("");
        if (branch.isEmpty()) {
            throw new GitHubException(GitHubException.Kind.UNEXPECTED, 200, "GitHub's answer for repository "
                    + upstream + " has no default branch; pass the base branch explicitly (--base).", null, List.of(),
                    null);
        }
        return branch;
    }

    /** The open pull request from {@code head} into {@code upstream:base}, if there is one (one request). */
    public Optional<UpstreamPullRequest> findOpen(RepositoryName upstream, HeadRef head, String base) {
        JsonNode list = session.get("looking for an open pull request from " + head + " into " + upstream + ":" + base,
                upstream.apiPath() + "/pulls",
                GitHubSession.query("state", "open", "head", head.toString(), "base", base, "per_page", "10"));
        for (JsonNode pr : list) {
            if (base.equals(pr.path("base").path("ref").asText())) {
                return Optional.of(toPullRequest(upstream, pr, false, head, base));
            }
        }
        return Optional.empty();
    }

    /**
     * Opens the pull request, or returns the open one with the same head and base ({@code created=false}), waiting
     * where the session's {@link RetryRule} allows it. The whole call is one effort (bounded in all), unless the
     * session already is one ({@link GitHubSession#retrying}), whose bound and record it then shares.
     *
     * <ul>
     *   <li>base not given: the upstream's default branch is read first;</li>
     *   <li>422 "A pull request already exists" (another build won a race, or a previous run): the existing pull
     *       request is looked up (retried briefly while GitHub's list catches up) and returned;</li>
     *   <li>422 "Fork collab can't be granted" (the credentials cannot write to a cross-owner fork): sent once
     *       more without {@code maintainer_can_modify}, and the result says maintainers cannot push;</li>
     *   <li>no answer or 5xx, or a rate limit: sent again after the rule's wait, and only once a read showed no
     *       open pull request (one found is the result, {@code created=true} with a warning when a POST got no
     *       clear answer);</li>
     *   <li>labels, reviewers and assignees are added afterwards, retried briefly while the new pull request is
     *       not yet visible; if they still fail, the pull request is returned with a warning (it exists; nothing
     *       is undone); assignees GitHub silently left out (no push access) are reported too.</li>
     * </ul>
     *
     * @throws GitHubException with a message naming the repository, head and base and what to do
     */
    public UpstreamPullRequest open(PullRequestProposal proposal) {
        return new UpstreamPullRequests(session.asEffort()).openInEffort(proposal);
    }

    /**
     * One attempt of {@link #open} that never waits: where {@link #open} would wait before trying again (a 5xx
     * answer, no answer, a rate limit, within the session's {@link RetryRule}), it throws {@link RetryLater}; call
     * this again after {@link RetryLater#waitBefore()} with {@link RetryLater#progress()}.
     *
     * @param progress what earlier attempts did; {@link RetryProgress#start} (or {@code null}) for the first one
     * @throws RetryLater to be tried again later, with the progress to go on from
     * @throws GitHubException when it fails for good (or the rule's bound is reached)
     */
    public UpstreamPullRequest attemptOpen(PullRequestProposal proposal, RetryProgress progress) {
        return new UpstreamPullRequests(session.retrying(progress != null ? progress
                : RetryProgress.start(session.clock().instant()), false)).openInEffort(proposal);
    }

    private UpstreamPullRequest openInEffort(PullRequestProposal proposal) {
        String base = proposal.base() != null ? proposal.base() : defaultBranch(proposal.upstream());
        UpstreamPullRequest pr = create(proposal, base);
        List<String> warnings = new ArrayList<>(followUps(proposal, pr));
        if (proposal.expectedHeadSha() != null && pr.headSha() != null
                && !proposal.expectedHeadSha().equals(pr.headSha())) {
            warnings.add("Pull request " + pr.url() + " has head " + pr.headSha() + ", but the CI verdict was for "
                    + proposal.expectedHeadSha() + ": the branch " + proposal.head() + " moved meanwhile.");
        }
        return pr.withWarnings(warnings);
    }

    private UpstreamPullRequest create(PullRequestProposal p, String base) {
        boolean maintainerCanModify = p.maintainerCanModify();
        List<String> warnings = new ArrayList<>();
        String what = "opening a pull request from " + p.head() + " into " + p.upstream() + ":" + base;
        RetryProgress start = session.retryProgress().orElseThrow();
        // The rule: no second POST without a read in between that shows no pull request; a progress that came back
        // from disk may lack the POST sent just before a restart.
        // A dry run reads first too: it cannot see GitHub's 422 for an open one, which the POST would get.
        boolean readFirst = start.postsSent() > 0 || start.cameBack() || session.writePlan().isPresent();
        while (true) {
            if (readFirst) {
                Optional<UpstreamPullRequest> found = findOpen(p.upstream(), p.head(), base);
                if (found.isPresent()) {
                    return foundAfterRetry(found.get(), warnings);
                }
            }
            readFirst = true;
            try {
                session.retries().recordPost();
                JsonNode created = session.post(what, p.upstream().apiPath() + "/pulls",
                        requestBody(p, base, maintainerCanModify));
                return toPullRequest(p.upstream(), created, true, p.head(), base).withWarnings(warnings);
            } catch (GitHubException e) {
                if (e.validationSays("already exists")) {
                    return existingAfterRace(p, base, e).withWarnings(warnings);
                }
                if (e.validationSays("fork collab") && maintainerCanModify) {
                    // A refusal GitHub answered: nothing was opened, so it is sent again at once.
                    maintainerCanModify = false;
                    readFirst = false;
                    warnings.add("Maintainers of " + p.upstream() + " cannot push to " + p.head()
                            + ": GitHub refused to grant it with these credentials (" + String.join("; ", e.details())
                            + "). The pull request was opened without 'allow edits by maintainers'; enable it on "
                            + "the pull request page as the fork owner if wanted.");
                    continue;
                }
                if (e.kind() == GitHubException.Kind.SERVER_ERROR || e.kind() == GitHubException.Kind.UNREACHABLE) {
                    session.retries().recordPostUnanswered();
                }
                try {
                    session.retries().retryOrThrow(what, e);
                } catch (GitHubException notRetried) {
                    if (GitHubFailures.interrupted(notRetried)) {
                        throw notRetried;
                    }
                    if (!session.retryProgress().orElseThrow().postMayHaveTakenEffect()) {
                        throw explain(notRetried, p, base);
                    }
                    // No more retries, but the POST may have opened it: one last read says whether it did.
                    Optional<UpstreamPullRequest> found = findOpen(p.upstream(), p.head(), base);
                    if (found.isPresent()) {
                        return foundAfterRetry(found.get(), warnings);
                    }
                    throw mayHaveOpened(p, base, notRetried);
                }
            }
        }
    }

    /**
     * The open pull request a read found after an earlier POST: this effort's own ({@code created}, with a warning
     * that this cannot be proven) when a POST may have taken effect unseen, else another build's or run's.
     */
    private UpstreamPullRequest foundAfterRetry(UpstreamPullRequest found, List<String> warnings) {
        if (!session.retryProgress().orElseThrow().postMayHaveTakenEffect()) {
            return found.withWarnings(warnings);
        }
        List<String> all = new ArrayList<>(warnings);
        all.add("The request opening the pull request got no clear answer, but " + found.url()
                + " is open now; it was most likely opened by it.");
        return found.asCreated(true).withWarnings(all);
    }

    /** The failure after the last POST when a read showed nothing: it says where to look before trying again. */
    private static GitHubException mayHaveOpened(PullRequestProposal p, String base, GitHubException e) {
        return new GitHubException(e.kind(), e.status(), e.getMessage() + " No pull request from " + p.head()
                + " into " + p.upstream() + ":" + base + " is listed; if one appears at https://github.com/"
                + p.upstream() + "/pulls, a new run finds it and opens no second one.",
                e.rateLimitReset().orElse(null), e.details(), e);
    }

    private UpstreamPullRequest existingAfterRace(PullRequestProposal p, String base, GitHubException cause) {
        Duration wait = FOLLOW_UP_BACKOFF;
        for (int attempt = 1; attempt <= FOLLOW_UP_ATTEMPTS; attempt++) {
            Optional<UpstreamPullRequest> found = findOpen(p.upstream(), p.head(), base);
            if (found.isPresent()) {
                return found.get();
            }
            if (attempt < FOLLOW_UP_ATTEMPTS) {
                session.retries().pause(wait, "looking up the existing pull request");
                wait = wait.multipliedBy(2);
            }
        }
        throw new GitHubException(GitHubException.Kind.VALIDATION, cause.status(), "GitHub says a pull request from "
                + p.head() + " into " + p.upstream() + ":" + base + " already exists, but no open one is listed. "
                + "Look at https://github.com/" + p.upstream() + "/pulls and try again in a minute.", null,
                cause.details(), cause);
    }

    private static Map<String, Object> requestBody(PullRequestProposal p, String base, boolean maintainerCanModify) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", p.title());
        body.put("head", p.head().toString());
        body.put("base", base);
        body.put("body", p.body());
        body.put("draft", p.draft());
        body.put("maintainer_can_modify", maintainerCanModify);
        return body;
    }

    private List<String> followUps(PullRequestProposal p, UpstreamPullRequest pr) {
        List<String> warnings = new ArrayList<>();
        if (!p.labels().isEmpty()) {
            followUp("adding labels " + p.labels() + " to " + p.upstream() + "#" + pr.number(),
                    p.upstream().apiPath() + "/issues/" + pr.number() + "/labels", Map.of("labels", p.labels()),
                    warnings);
        }
        if (!p.reviewers().isEmpty() || !p.teamReviewers().isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (!p.reviewers().isEmpty()) {
                body.put("reviewers", p.reviewers());
            }
            if (!p.teamReviewers().isEmpty()) {
                body.put("team_reviewers", p.teamReviewers());
            }
            followUp("requesting reviews from " + body.values() + " on " + p.upstream() + "#" + pr.number(),
                    p.upstream().apiPath() + "/pulls/" + pr.number() + "/requested_reviewers", body, warnings);
        }
        if (!p.assignees().isEmpty()) {
            String what = "assigning " + p.assignees() + " to " + p.upstream() + "#" + pr.number();
            Optional<JsonNode> issue = followUp(what,
                    p.upstream().apiPath() + "/issues/" + pr.number() + "/assignees",
                    Map.of("assignees", p.assignees()), warnings);
            issue.ifPresent(i -> notAssigned(p.assignees(), i).ifPresent(missing -> warnings.add("The pull request "
                    + "is open, but GitHub did not assign " + missing + " to " + p.upstream() + "#" + pr.number()
                    + ": it silently ignores assignees when the credentials lack push access to " + p.upstream()
                    + ", or when a user cannot be assigned there. Ask a maintainer to assign them.")));
        }
        return warnings;
    }

    /** The requested logins missing from the assignees GitHub answered with, if any. */
    private static Optional<List<String>> notAssigned(List<String> requested, JsonNode issue) {
        List<String> assigned = new ArrayList<>();
        for (JsonNode a : issue.path("assignees")) {
            assigned.add(a.path("login").asText("").toLowerCase(Locale.ROOT));
        }
        List<String> missing = requested.stream()
                .filter(r -> !assigned.contains(r.toLowerCase(Locale.ROOT))).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of(missing);
    }

    /**
     * A call right after creation: retried briefly while GitHub does not see the new pull request yet. Returns
     * GitHub's answer, or empty after adding a warning when it keeps failing.
     */
    private Optional<JsonNode> followUp(String what, String path, Object body, List<String> warnings) {
        Duration wait = FOLLOW_UP_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(session.post(what, path, body));
            } catch (GitHubException e) {
                boolean notYetVisible = e.kind() == GitHubException.Kind.NOT_FOUND
                        || e.kind() == GitHubException.Kind.VALIDATION || e.kind() == GitHubException.Kind.SERVER_ERROR;
                if (!notYetVisible || attempt >= FOLLOW_UP_ATTEMPTS) {
                    warnings.add("The pull request is open, but " + what + " failed: " + e.getMessage()
                            + " Do it on the pull request page.");
                    return Optional.empty();
                }
                session.retries().pause(wait, what);
                wait = wait.multipliedBy(2);
            }
        }
    }

    private static GitHubException explain(GitHubException e, PullRequestProposal p, String base) {
        String message = null;
        if (e.validationSays("no commits between")) {
            message = "There are no commits between " + p.upstream() + ":" + base + " and " + p.head()
                    + ": the fix is not pushed to that branch, or it is already in " + base
                    + ". Push the commits to the fork, or choose another base (--base).";
        } else if (e.kind() == GitHubException.Kind.VALIDATION
                && e.details().stream().anyMatch(d -> d.matches("(?i).*\\bhead\\b.*(invalid|missing).*"))) {
            message = "GitHub cannot find the head branch " + p.head() + " for a pull request into " + p.upstream()
                    + ": push the branch to " + p.head().owner() + "'s fork of " + p.upstream()
                    + ", and check the owner and branch name (" + String.join("; ", e.details()) + ").";
        } else if (e.kind() == GitHubException.Kind.VALIDATION
                && e.details().stream().anyMatch(d -> d.matches("(?i).*\\bbase\\b.*(invalid|missing).*"))) {
            message = "The base branch " + base + " does not exist in " + p.upstream()
                    + ": check --base (or leave it out to use the default branch).";
        } else if (e.kind() == GitHubException.Kind.NOT_FOUND) {
            message = "Repository " + p.upstream() + " was not found while opening a pull request from " + p.head()
                    + ", or the credentials cannot see it (" + "HTTP 404). Check --upstream and the token's access.";
        }
        if (message == null) {
            return e;
        }
        return new GitHubException(e.kind(), e.status(), message, e.rateLimitReset().orElse(null), e.details(), e);
    }

    private static UpstreamPullRequest toPullRequest(RepositoryName upstream, JsonNode pr, boolean created,
            HeadRef requestedHead, String requestedBase) {
        String label = pr.path("head").path("label").asText("");
        HeadRef head = requestedHead;
        if (label.contains(":")) {
            try {
                head = HeadRef.parse(label);
            } catch (IllegalArgumentException ignored) {
                head = requestedHead;
            }
        }
        String url = pr.path("html_url").asText("");
        if (url.isEmpty()) {
            throw new GitHubException(GitHubException.Kind.UNEXPECTED, 200, "GitHub's answer for the pull request from "
                    + requestedHead + " into " + upstream + " has no html_url.", null, List.of(), null);
        }
        return new UpstreamPullRequest(upstream, pr.path("number").asInt(), url, created,
                pr.path("maintainer_can_modify").asBoolean(false), pr.path("draft").asBoolean(false),
                pr.path("base").path("ref").asText(requestedBase), head,
                pr.path("head").path("sha").isTextual() ? pr.path("head").path("sha").asText() : null, List.of());
    }
}
