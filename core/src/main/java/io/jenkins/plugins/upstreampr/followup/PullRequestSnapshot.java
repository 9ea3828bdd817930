package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.PullRequestComment;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.PullRequestState;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.Review;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one look at the upstream pull request saw, in memory only: what the changes are worded from, what a
 * watch's outcome reports, and (in the same process) what the next look keeps when nothing moved; across a restart
 * only its {@link SeenPullRequest} is kept.
 *
 * @param pullRequest the upstream pull request
 * @param url its web address
 * @param title its title
 * @param state open, merged or closed without merge
 * @param draft whether it is a draft
 * @param head its head, GitHub's {@code OWNER:BRANCH} head label; null when the label is not of that form
 * @param headRepository the repository its head branch is in (the fork), or null when GitHub reports none (the fork
 *        was deleted)
 * @param headSha its head commit
 * @param base its base branch
 * @param reviewDecision derived from {@code reviews} (see {@link ReviewDecision})
 * @param reviews every submitted review, oldest first
 * @param comments every conversation comment, inline comment and review summary, oldest first
 * @param ci the CI verdict on {@code headSha} in the upstream repository (every reported check decides); null when
 *        the pull request was no longer open at the first look
 * @param staging the staging pull request's verdict on its own head; null when no staging pull request is followed
 * @param mergeCommitSha the merge commit, when merged
 * @param closedBy who closed it, when closed (merged or not), if GitHub says
 * @param closingComment for a pull request closed without merge: the last conversation comment by whoever closed
 *        it, else the last conversation comment; null if there is none
 * @param lookedAt when the look was taken
 * @param updatedAt GitHub's {@code updated_at} of the pull request at that look (GitHub moves it on every comment,
 *        review, review comment, push and state change), or null when GitHub gave none; a
 *        {@link UpstreamPullRequestWatch#turn turn} that finds it unchanged does not read the reviews and comments
 *        again
 */
public record PullRequestSnapshot(PullRequestRef pullRequest, String url, String title, PullRequestState state,
        boolean draft, HeadRef head, RepositoryName headRepository, String headSha, String base,
        ReviewDecision reviewDecision, List<Review> reviews, List<PullRequestComment> comments, StagingVerdict ci,
        StagingVerdict staging, String mergeCommitSha, String closedBy, PullRequestComment closingComment,
        Instant lookedAt, Instant updatedAt) {

    public PullRequestSnapshot {
        Objects.requireNonNull(pullRequest, "pullRequest");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(headSha, "headSha");
        Objects.requireNonNull(reviewDecision, "reviewDecision");
        Objects.requireNonNull(lookedAt, "lookedAt");
        reviews = List.copyOf(reviews);
        comments = List.copyOf(comments);
    }

    /** A snapshot without GitHub's {@code updated_at} (a turn compared with it reads the reviews and comments). */
    public PullRequestSnapshot(PullRequestRef pullRequest, String url, String title, PullRequestState state,
            boolean draft, HeadRef head, RepositoryName headRepository, String headSha, String base,
            ReviewDecision reviewDecision, List<Review> reviews, List<PullRequestComment> comments, StagingVerdict ci,
            StagingVerdict staging, String mergeCommitSha, String closedBy, PullRequestComment closingComment,
            Instant lookedAt) {
        this(pullRequest, url, title, state, draft, head, headRepository, headSha, base, reviewDecision, reviews,
                comments, ci, staging, mergeCommitSha, closedBy, closingComment, lookedAt, null);
    }

    /** True when a staging pull request is followed and its head is not the upstream pull request's head. */
    public boolean headsDiffer() {
        return staging != null && !staging.sha().equals(headSha);
    }

    /**
     * Whether reviewers can be told the upstream pull request is ready for another look: it is open, a staging pull
     * request is followed, its head is the same commit as the upstream head, and its CI passes on that commit.
     */
    public boolean readyForAnotherLook() {
        return state == PullRequestState.OPEN && staging != null && !headsDiffer() && staging.passes();
    }

    /** One line: the pull request, its state, head, review decision and CI. */
    public String summary() {
        StringBuilder text = new StringBuilder(pullRequest.toString()).append(' ').append(state.json());
        if (draft) {
            text.append(" (draft)");
        }
        text.append(", head ").append(shortSha(headSha)).append(", review ").append(reviewDecision.words());
        if (ci != null && ci.sha().equals(headSha)) {
            text.append(", upstream CI ").append(ci.verdict().json());
        }
        if (staging != null) {
            text.append(", staging ").append(staging.pullRequest() != null ? staging.pullRequest() + " " : "")
                    .append(headsDiffer() ? "at " + shortSha(staging.sha()) + " (heads differ) " : "on the same SHA ")
                    .append(staging.verdict().json());
        }
        return text.toString();
    }

    static String shortSha(String sha) {
        return sha == null ? "?" : sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
