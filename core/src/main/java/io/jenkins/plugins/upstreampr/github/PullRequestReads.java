package io.jenkins.plugins.upstreampr.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The reads of one pull request and what hangs on it, the way hub4j's {@code GHPullRequest} lists them: the pull
 * request itself ({@code GET /pulls/{n}}), its reviews ({@code /pulls/{n}/reviews}), its inline comments
 * ({@code /pulls/{n}/comments}), its conversation comments ({@code /issues/{n}/comments}) and who closed it
 * ({@code GET /issues/{n}}). Every path and every parse of GitHub's answers about the upstream pull request is here;
 * a watch combines these reads in parallel, the after-merge archive calls {@link #ending()}.
 *
 * <p>Each call is one request through the session (conditional, so an unchanged answer is a 304 that costs no rate
 * limit), every page for the lists; safe to call from several threads at once.
 */
public final class PullRequestReads {

    private static final Map<String, String> ALL = Map.of("per_page", "100");

    private final GitHubSession session;
    private final PullRequestRef pullRequest;
    private final String pulls;
    private final String issue;

    /** The reads of {@code pullRequest} through {@code session}. */
    public PullRequestReads(GitHubSession session, PullRequestRef pullRequest) {
        this.session = Objects.requireNonNull(session, "session");
        this.pullRequest = Objects.requireNonNull(pullRequest, "pullRequest");
        this.pulls = pullRequest.repository().apiPath() + "/pulls/" + pullRequest.number();
        this.issue = pullRequest.repository().apiPath() + "/issues/" + pullRequest.number();
    }

    /** The pull request ({@code GET /pulls/{n}}). */
    public PullRequest pullRequest() {
        return PullRequest.of(pullRequest, session.get("reading upstream pull request " + pullRequest, pulls,
                Map.of()));
    }

    /** Every submitted review, in GitHub's order (oldest first); draft ({@code PENDING}) reviews are left out. */
    public List<Review> reviews() {
        List<Review> result = new ArrayList<>();
        for (JsonNode page : session.getAllPages("reading the reviews of " + pullRequest, pulls + "/reviews", ALL)) {
            for (JsonNode r : page) {
                Review.State state = Review.State.parse(r.path("state").asText(""));
                Instant submitted = PullRequest.instant(r.path("submitted_at"));
                if (state == null || submitted == null) {
                    continue; // a draft (PENDING) review: not submitted, seen only by its author
                }
                result.add(new Review(r.path("id").asLong(), login(r), state, PullRequest.text(r.path("commit_id")),
                        submitted, PullRequest.text(r.path("body")), PullRequest.text(r.path("html_url"))));
            }
        }
        return result;
    }

    /** Every comment on a line of the diff ({@code /pulls/{n}/comments}), oldest first. */
    public List<PullRequestComment> reviewComments() {
        return comments(session.getAllPages("reading the review comments of " + pullRequest, pulls + "/comments", ALL),
                PullRequestComment.Kind.INLINE);
    }

    /** Every comment of the conversation ({@code /issues/{n}/comments}), oldest first. */
    public List<PullRequestComment> conversation() {
        return comments(session.getAllPages("reading the comments of " + pullRequest, issue + "/comments", ALL),
                PullRequestComment.Kind.CONVERSATION);
    }

    /** Who closed the pull request ({@code GET /issues/{n}}, {@code closed_by}), if GitHub says. */
    public Optional<String> closedBy() {
        return Optional.ofNullable(PullRequest.text(session.get("reading who closed " + pullRequest, issue, Map.of())
                .path("closed_by").path("login")));
    }

    /**
     * The comment that closed a pull request: the last one in {@code conversation} by whoever closed it, else the
     * last one, else null.
     */
    public static PullRequestComment closingComment(List<PullRequestComment> conversation, String closedBy) {
        PullRequestComment last = null;
        PullRequestComment lastByCloser = null;
        for (PullRequestComment c : conversation) {
            last = c;
            if (c.author().equals(closedBy)) {
                lastByCloser = c;
            }
        }
        return lastByCloser != null ? lastByCloser : last;
    }

    /**
     * How the pull request stands, in the fewest reads: the pull request ({@link #pullRequest()}, which must have its
     * web address), and only when it was closed without merge, who closed it and the conversation, in parallel, for
     * its {@link #closingComment closing comment}. One request for an open or merged pull request, three for one
     * closed without merge.
     *
     * @throws GitHubException when GitHub cannot be read (after the session's retries), or its answer has no
     *         {@code html_url}
     */
    public Ending ending() {
        PullRequest pr = pullRequest();
        if (pr.url() == null) {
            throw GitHubException.unexpected(200, "GitHub's answer for upstream pull request " + pullRequest
                    + " has no html_url; is " + session.apiUrl() + " a GitHub REST API?");
        }
        if (pr.state() != PullRequestState.CLOSED) {
            return new Ending(pr, null);
        }
        ParallelReads reads = new ParallelReads();
        CompletableFuture<Optional<String>> closer = reads.start(this::closedBy);
        CompletableFuture<List<PullRequestComment>> comments = reads.start(this::conversation);
        String closedBy = reads.join(closer).orElse(null);
        return new Ending(pr, closingComment(reads.join(comments), closedBy));
    }

    /**
     * What {@link #ending()} read.
     *
     * @param pullRequest the pull request (its state says whether it ended, and how)
     * @param closingComment for one closed without merge, the comment that closed it, or null
     */
    public record Ending(PullRequest pullRequest, PullRequestComment closingComment) {

        public Ending {
            Objects.requireNonNull(pullRequest, "pullRequest");
        }
    }

    private List<PullRequestComment> comments(List<JsonNode> pages, PullRequestComment.Kind kind) {
        List<PullRequestComment> result = new ArrayList<>();
        for (JsonNode page : pages) {
            for (JsonNode c : page) {
                Instant created = PullRequest.instant(c.path("created_at"));
                if (created == null) {
                    throw GitHubException.unexpected(200, "A comment in GitHub's answer for " + pullRequest
                            + " has no valid created_at.");
                }
                result.add(new PullRequestComment(kind, c.path("id").asLong(), login(c), PullRequest.text(c.path("body")),
                        PullRequest.text(c.path("html_url")), created,
                        kind == PullRequestComment.Kind.INLINE ? PullRequest.text(c.path("path")) : null));
            }
        }
        return result;
    }

    private static String login(JsonNode node) {
        String login = PullRequest.text(node.path("user").path("login"));
        return login == null ? "ghost" : login; // GitHub shows deleted accounts as "ghost"
    }
}
