package io.jenkins.plugins.upstreampr.github;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate, visible on GitHub: a commit status with the context {@value #CONTEXT} on the staging head, so the people
 * on the staging pull request see that a decision is waiting and what it was. One request per transition:
 *
 * <table>
 *   <caption>The statuses</caption>
 *   <tr><th>transition</th><th>state</th><th>description</th><th>target_url</th></tr>
 *   <tr><td>waiting</td><td>pending</td><td>Waiting for a decision by WHO</td><td>the decision page, if any</td></tr>
 *   <tr><td>approved</td><td>success</td><td>Approved by X: OWNER/REPO#N</td><td>the upstream pull request</td></tr>
 *   <tr><td>rejected</td><td>failure</td><td>Rejected: REASON</td><td>the decision page, if any</td></tr>
 *   <tr><td>deferred</td><td>pending</td><td>Deferred: REASON</td><td>the decision page, if any</td></tr>
 * </table>
 *
 * A deferral is {@code pending}: nothing was decided against the change, it is to be decided again later, and a
 * red mark would tell the people on the staging pull request that something failed.
 *
 * <p>The staging CI verdict never counts this context ({@link #isGate}): the gate must not judge, or wait for,
 * itself. A status that cannot be posted (a token without the right to set statuses on the fork answers 403 or 404;
 * GitHub failing) is a warning, never a failed gate: {@link #post} does not throw a {@link GitHubException}. It is
 * not retried either (a status is a courtesy; the next transition replaces it).
 */
public final class GateStatus {

    /** The commit status context of the gate. */
    public static final String CONTEXT = "upstream-pr/gate";
    /** GitHub keeps at most this many characters of a status description. */
    static final int MAX_DESCRIPTION = 140;

    private final GitHubSession session;

    /** Posts through {@code session} (in a dry run the status is gathered with the other writes). */
    public GateStatus(GitHubSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Whether a commit status context is the gate's own (left out of the staging CI verdict). */
    public static boolean isGate(String context) {
        return CONTEXT.equals(context);
    }

    /**
     * One commit status to post.
     *
     * @param state {@code pending}, {@code success} or {@code failure}
     * @param description what people see next to the context, at most {@value #MAX_DESCRIPTION} characters
     * @param targetUrl where the status links to, or {@code null}
     */
    public record Status(String state, String description, String targetUrl) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Status {
            Objects.requireNonNull(state, "state");
            description = shorten(Objects.requireNonNull(description, "description"));
            targetUrl = targetUrl == null || targetUrl.isBlank() ? null : targetUrl.strip();
        }

        /** Waiting for a decision by {@code whoMayDecide} (empty: anyone allowed), linking to the decision page. */
        public static Status waiting(String whoMayDecide, String decisionUrl) {
            return new Status("pending", "Waiting for a decision" + (whoMayDecide == null || whoMayDecide.isBlank()
                    ? "" : " by " + whoMayDecide.strip()), decisionUrl);
        }

        /** Approved by {@code who}: the upstream pull request {@code pr}, linking to it. */
        public static Status approved(String who, UpstreamPullRequest pr) {
            return new Status("success", "Approved by " + (who == null ? "an unknown user" : who) + ": "
                    + pr.repository() + "#" + (WritePlan.isPlaceholder(pr.number()) ? WritePlan.NUMBER
                            : String.valueOf(pr.number())), pr.url());
        }

        /** Rejected, with the reason. */
        public static Status rejected(String reason, String decisionUrl) {
            return new Status("failure", "Rejected: " + reason, decisionUrl);
        }

        /** Deferred, with the reason: {@code pending} (see the class). */
        public static Status deferred(String reason, String decisionUrl) {
            return new Status("pending", "Deferred: " + reason, decisionUrl);
        }
    }

    /**
     * Posts {@code status} on commit {@code sha} of {@code repository} (the staging head): one request.
     *
     * @return a warning when it could not be posted (what GitHub said and what to do), else empty
     */
    public Optional<String> post(RepositoryName repository, String sha, Status status) {
        if (!CommitSha.is(sha)) {
            return Optional.of("The gate's status (" + CONTEXT + ") was not posted: no staging head commit to post "
                    + "it on.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", status.state());
        if (status.targetUrl() != null) {
            body.put("target_url", status.targetUrl());
        }
        body.put("description", status.description());
        body.put("context", CONTEXT);
        try {
            session.post("setting the commit status " + CONTEXT + " on " + sha + " in " + repository,
                    repository.apiPath() + "/statuses/" + sha, body);
            return Optional.empty();
        } catch (GitHubException e) {
            String remedy = e.kind() == GitHubException.Kind.FORBIDDEN || e.kind() == GitHubException.Kind.NOT_FOUND
                    ? " The credentials may not set commit statuses on " + repository + " (a fine-grained token needs "
                            + "'Commit statuses: write' on it, a classic one 'repo:status' or 'public_repo'); the gate "
                            + "goes on without it."
                    : " The gate goes on without it.";
            return Optional.of("The gate's status (" + CONTEXT + ": " + status.state() + ", \"" + status.description()
                    + "\") could not be posted on " + sha + " in " + repository + " (HTTP " + e.status() + ")."
                    + remedy);
        }
    }

    private static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_DESCRIPTION ? oneLine
                : oneLine.substring(0, MAX_DESCRIPTION - 1) + "\u2026";
    }
}
