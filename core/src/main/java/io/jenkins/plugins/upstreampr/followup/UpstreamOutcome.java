package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.github.PullRequest;
import io.jenkins.plugins.upstreampr.github.PullRequestReads;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * How an upstream pull request ended, as the watcher saw it: merged, or closed without being merged (with the
 * comment that closed it, if there was one). Only a merged pull request lets its specs be archived.
 *
 * @param pullRequest the pull request, e.g. {@code upstream-org/kvstore#1347}
 * @param url its web address, e.g. {@code https://github.com/upstream-org/kvstore/pull/1347}
 * @param state merged or closed unmerged
 * @param closingComment for a pull request closed unmerged, the comment that closed it, or {@code null}; always
 *     {@code null} for a merged one
 * @param headRepository the repository its head branch is in (the fork the fix came from), as GitHub reported it;
 *     {@code null} when unknown (GitHub reports none once the fork is deleted)
 */
public record UpstreamOutcome(PullRequestRef pullRequest, String url, State state, String closingComment,
        RepositoryName headRepository) implements Serializable {

    private static final long serialVersionUID = 2L;

    /** The two ways a pull request ends. */
    public enum State { MERGED, CLOSED_UNMERGED }

    public UpstreamOutcome {
        Objects.requireNonNull(pullRequest, "pullRequest");
        if (url == null || url.isBlank()) {
            throw new ChantException("Missing web address of upstream pull request " + pullRequest
                    + ": give its html_url, e.g. https://github.com/OWNER/REPO/pull/N");
        }
        Objects.requireNonNull(state, "state");
        if (state == State.MERGED && closingComment != null) {
            throw new IllegalArgumentException("a merged pull request has no closing comment");
        }
    }

    /** A merged pull request (head repository unknown). */
    public static UpstreamOutcome merged(PullRequestRef pullRequest, String url) {
        return new UpstreamOutcome(pullRequest, url, State.MERGED, null, null);
    }

    /**
     * A pull request closed without merge, with the comment that closed it ({@code null} if none; head repository
     * unknown).
     */
    public static UpstreamOutcome closedUnmerged(PullRequestRef pullRequest, String url, String closingComment) {
        return new UpstreamOutcome(pullRequest, url, State.CLOSED_UNMERGED,
                closingComment == null || closingComment.isBlank() ? null : closingComment, null);
    }

    /** The same outcome, knowing the repository of the pull request's head ({@code null}: unknown). */
    public UpstreamOutcome withHeadRepository(RepositoryName repository) {
        return new UpstreamOutcome(pullRequest, url, state, closingComment, repository);
    }

    /**
     * How the pull request GitHub described ({@link PullRequestReads#ending()}) ended, with the repository of its head;
     * empty while it is open. Both front ends' after-merge archives read the upstream pull request this way.
     */
    public static Optional<UpstreamOutcome> ifEnded(PullRequestReads.Ending ending) {
        PullRequest pr = ending.pullRequest();
        return switch (pr.state()) {
            case OPEN -> Optional.empty();
            case MERGED -> Optional.of(merged(pr.ref(), pr.url()).withHeadRepository(pr.headRepository()));
            case CLOSED -> Optional.of(closedUnmerged(pr.ref(), pr.url(),
                    ending.closingComment() == null ? null : ending.closingComment().body())
                    .withHeadRepository(pr.headRepository()));
        };
    }

    /**
     * How the pull request a watch looked at ended.
     *
     * @throws ChantException when it is still open (the watch has not seen it end)
     */
    public static UpstreamOutcome of(PullRequestSnapshot last) {
        return switch (last.state()) {
            case MERGED -> merged(last.pullRequest(), last.url()).withHeadRepository(last.headRepository());
            case CLOSED -> closedUnmerged(last.pullRequest(), last.url(),
                    last.closingComment() == null ? null : last.closingComment().body())
                    .withHeadRepository(last.headRepository());
            case OPEN -> throw new ChantException(last.pullRequest() + " is still open: its specs are archived once "
                    + "it is merged (watch it with `upstream-pr watch --until merged`)");
        };
    }

    public boolean isMerged() {
        return state == State.MERGED;
    }

    /** The closing comment of a pull request closed unmerged, if any. */
    public Optional<String> comment() {
        return Optional.ofNullable(closingComment);
    }

    /** The repository holding the pull request, {@code OWNER/REPO}. */
    public RepositoryName repository() {
        return pullRequest.repository();
    }

    /** The pull request number. */
    public int number() {
        return pullRequest.number();
    }

    /** One line for a person: what happened to the pull request. */
    public String describe() {
        if (isMerged()) {
            return pullRequest + " was merged (" + url + ")";
        }
        return pullRequest + " was closed without being merged (" + url + ")"
                + comment().map(c -> "; closing comment: \"" + c.strip() + "\"").orElse("; no closing comment");
    }
}
