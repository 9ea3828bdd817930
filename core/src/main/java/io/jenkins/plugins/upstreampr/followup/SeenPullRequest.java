package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.github.PullRequestComment;
import io.jenkins.plugins.upstreampr.github.PullRequestState;
import io.jenkins.plugins.upstreampr.github.Review;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import io.jenkins.plugins.upstreampr.github.Verdict;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a look saw of the upstream pull request, cut down to what the next look is compared with, so that a watch can
 * go on after a restart: state, draft, head, the staging and upstream CI verdicts (SHA and outcome), the review
 * decision, and which reviews and comments were seen (their ids only). Small and {@link Serializable}, unlike
 * {@link PullRequestSnapshot}: a poller that keeps no thread (a Jenkins step woken by a timer, across a controller
 * restart) stores this between looks and hands it to {@link UpstreamPullRequestWatch#lookAfter(SeenPullRequest)},
 * which reports the same changes as a look compared with the full snapshot.
 *
 * <p>A plain class with JDK field types only (strings, enums, arrays), so that any Java serialization
 * (including Jenkins' Pipeline persistence) reads it back.
 */
public final class SeenPullRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final PullRequestState state;
    private final boolean draft;
    private final String headSha;
    private final String stagingSha;
    private final Verdict stagingVerdict;
    private final boolean stagingPasses;
    private final String ciSha;
    private final Verdict ciVerdict;
    private final ReviewDecision reviewDecision;
    private final long[] reviewIds;
    private final String[] commentKeys;

    private SeenPullRequest(PullRequestSnapshot snapshot) {
        this.url = snapshot.url();
        this.state = snapshot.state();
        this.draft = snapshot.draft();
        this.headSha = snapshot.headSha();
        StagingVerdict staging = snapshot.staging();
        this.stagingSha = staging == null ? null : staging.sha();
        this.stagingVerdict = staging == null ? null : staging.verdict();
        this.stagingPasses = staging != null && staging.passes();
        StagingVerdict ci = snapshot.ci();
        this.ciSha = ci == null ? null : ci.sha();
        this.ciVerdict = ci == null ? null : ci.verdict();
        this.reviewDecision = snapshot.reviewDecision();
        this.reviewIds = snapshot.reviews().stream().mapToLong(Review::id).sorted().toArray();
        this.commentKeys = snapshot.comments().stream().map(PullRequestComment::key).sorted()
                .toArray(String[]::new);
    }

    /** What {@code snapshot} saw, kept in this small form. */
    public static SeenPullRequest of(PullRequestSnapshot snapshot) {
        return new SeenPullRequest(Objects.requireNonNull(snapshot, "snapshot"));
    }

    /** The pull request's web address at that look. */
    public String url() {
        return url;
    }

    public PullRequestState state() {
        return state;
    }

    public boolean draft() {
        return draft;
    }

    /** The upstream head commit at that look. */
    public String headSha() {
        return headSha;
    }

    public ReviewDecision reviewDecision() {
        return reviewDecision;
    }

    /** The staging head at that look, or null when no staging pull request is followed. */
    String stagingSha() {
        return stagingSha;
    }

    Verdict stagingVerdict() {
        return stagingVerdict;
    }

    /** The upstream CI's commit at that look, or null when it was not read. */
    String ciSha() {
        return ciSha;
    }

    Verdict ciVerdict() {
        return ciVerdict;
    }

    /** As {@link PullRequestSnapshot#headsDiffer()} at that look. */
    boolean headsDiffer() {
        return stagingSha != null && !stagingSha.equals(headSha);
    }

    /** As {@link PullRequestSnapshot#readyForAnotherLook()} at that look. */
    boolean readyForAnotherLook() {
        return state == PullRequestState.OPEN && stagingSha != null && !headsDiffer() && stagingPasses;
    }

    /** Whether review {@code id} had been seen. */
    boolean sawReview(long id) {
        return Arrays.binarySearch(reviewIds, id) >= 0;
    }

    /** Whether the comment with {@link PullRequestComment#key()} {@code key} had been seen. */
    boolean sawComment(String key) {
        return Arrays.binarySearch(commentKeys, key) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeenPullRequest c && draft == c.draft && stagingPasses == c.stagingPasses
                && Objects.equals(url, c.url) && state == c.state && Objects.equals(headSha, c.headSha)
                && Objects.equals(stagingSha, c.stagingSha) && stagingVerdict == c.stagingVerdict
                && Objects.equals(ciSha, c.ciSha) && ciVerdict == c.ciVerdict && reviewDecision == c.reviewDecision
                && Arrays.equals(reviewIds, c.reviewIds) && Arrays.equals(commentKeys, c.commentKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, state, headSha, stagingSha, ciSha, reviewDecision, reviewIds.length,
                commentKeys.length);
    }

    @Override
    public String toString() {
        return "SeenPullRequest[" + state.json() + ", head " + PullRequestSnapshot.shortSha(headSha) + ", review "
                + reviewDecision.words() + ", " + reviewIds.length + " review(s), " + commentKeys.length
                + " comment(s)]";
    }
}
