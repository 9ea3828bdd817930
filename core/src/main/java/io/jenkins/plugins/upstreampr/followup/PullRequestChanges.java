package io.jenkins.plugins.upstreampr.followup;

import static io.jenkins.plugins.upstreampr.followup.PullRequestSnapshot.shortSha;

import io.jenkins.plugins.upstreampr.followup.WatchEvent.Kind;
import io.jenkins.plugins.upstreampr.github.PullRequestComment;
import io.jenkins.plugins.upstreampr.github.PullRequestState;
import io.jenkins.plugins.upstreampr.github.Review;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Turns two looks at the upstream pull request into the changes between them ({@link WatchEvent}s). */
final class PullRequestChanges {

    private PullRequestChanges() {
    }

    /** The events of a first look: where things stand, and whether it is already over or the heads differ. */
    static List<WatchEvent> first(PullRequestSnapshot now) {
        List<WatchEvent> events = new ArrayList<>();
        events.add(new WatchEvent(Kind.FIRST_LOOK, "Watching " + now.summary() + "; " + now.reviews().size()
                + " review(s), " + now.comments().size() + " comment(s) so far.", now));
        if (now.state() == PullRequestState.OPEN && now.headsDiffer()) {
            events.add(headsDiffer(now));
        }
        terminal(now, events);
        return events;
    }

    /** The changes from {@code before} to {@code now}, in the order of {@link Kind}. */
    static List<WatchEvent> between(PullRequestSnapshot before, PullRequestSnapshot now) {
        return between(SeenPullRequest.of(before), now);
    }

    /**
     * The changes from the look {@code before} remembers to {@code now}, in the order of {@link Kind}: the same as
     * comparing with that look's full snapshot.
     */
    static List<WatchEvent> between(SeenPullRequest before, PullRequestSnapshot now) {
        List<WatchEvent> events = new ArrayList<>();
        String pr = now.pullRequest().toString();
        if (before.state() != PullRequestState.OPEN && now.state() == PullRequestState.OPEN) {
            events.add(new WatchEvent(Kind.STATE_CHANGED, pr + " was reopened.", now));
        } else if (now.state() == PullRequestState.OPEN && before.draft() != now.draft()) {
            events.add(new WatchEvent(Kind.STATE_CHANGED, now.draft() ? pr + " was converted to a draft."
                    : pr + " was marked ready for review.", now));
        }
        boolean headMoved = !before.headSha().equals(now.headSha());
        if (headMoved) {
            events.add(new WatchEvent(Kind.HEAD_MOVED, "New commits on " + pr + ": its head moved from "
                    + shortSha(before.headSha()) + " to " + shortSha(now.headSha()) + ". " + stagingOnHead(now), now));
        }
        if (now.state() == PullRequestState.OPEN && now.headsDiffer()
                && (!before.headsDiffer() || headMoved || !before.stagingSha().equals(now.staging().sha()))) {
            events.add(headsDiffer(now));
        }
        StagingVerdict is = now.staging();
        if (before.stagingSha() != null && is != null && before.stagingSha().equals(is.sha())
                && before.stagingVerdict() != is.verdict()) {
            events.add(new WatchEvent(Kind.STAGING_CI_CHANGED, "Staging CI of " + subject(is) + " on "
                    + shortSha(is.sha()) + " changed from " + before.stagingVerdict().json() + " to "
                    + is.verdict().json() + ".", now));
        }
        if (now.readyForAnotherLook() && !(before.readyForAnotherLook() && !headMoved)) {
            events.add(new WatchEvent(Kind.READY_FOR_ANOTHER_LOOK, pr + " is ready for another look: the staging CI of "
                    + subject(is) + " is " + is.verdict().json() + " on " + shortSha(now.headSha())
                    + ", the same commit as the upstream head.", now));
        }
        if (now.ci() != null && (before.ciSha() == null || !before.ciSha().equals(now.ci().sha())
                || before.ciVerdict() != now.ci().verdict())) {
            boolean sameSha = before.ciSha() != null && before.ciSha().equals(now.ci().sha());
            events.add(new WatchEvent(Kind.CI_CHANGED, "Upstream CI of " + pr + " on " + shortSha(now.ci().sha())
                    + (sameSha ? " changed from " + before.ciVerdict().json() + " to " : ": ")
                    + now.ci().verdict().json() + ".", now));
        }
        for (Review r : now.reviews()) {
            if (!before.sawReview(r.id())) {
                List<PullRequestComment> summary = now.comments().stream()
                        .filter(c -> c.kind() == PullRequestComment.Kind.REVIEW && c.id() == r.id()).toList();
                events.add(new WatchEvent(Kind.NEW_REVIEW, r.reviewer() + " " + r.verb() + " on " + pr
                        + (r.commitSha() == null ? "" : " at " + shortSha(r.commitSha())
                                + (r.commitSha().equals(now.headSha()) ? " (the head)" : " (not the head)"))
                        + (r.body().isBlank() ? "." : ": " + summary.stream().map(PullRequestComment::summary)
                                .findFirst().orElse(r.body())), now, summary, r));
            }
        }
        if (before.reviewDecision() != now.reviewDecision()) {
            events.add(new WatchEvent(Kind.REVIEW_DECISION_CHANGED, "Review decision on " + pr + " changed from "
                    + before.reviewDecision().words() + " to " + now.reviewDecision().words() + ".", now));
        }
        List<PullRequestComment> fresh = now.comments().stream()
                .filter(c -> !before.sawComment(c.key()) && c.kind() != PullRequestComment.Kind.REVIEW).toList();
        if (!fresh.isEmpty()) {
            events.add(new WatchEvent(Kind.NEW_COMMENTS, fresh.size() + " new comment" + (fresh.size() == 1 ? "" : "s")
                    + " on " + pr + ": " + fresh.stream().map(PullRequestComment::summary)
                            .collect(Collectors.joining(" | ")), now, fresh, null));
        }
        if (before.state() != now.state()) {
            terminal(now, events);
        }
        return events;
    }

    private static String stagingOnHead(PullRequestSnapshot now) {
        StagingVerdict staging = now.staging();
        if (staging == null) {
            return "No staging pull request is followed, so no staging CI was checked on the new head.";
        }
        if (now.headsDiffer()) {
            return "The staging head (" + subject(staging) + ") is " + shortSha(staging.sha()) + ", not "
                    + shortSha(now.headSha()) + ": the heads differ, so its CI says nothing about the new head; "
                    + "not ready for another look.";
        }
        return "Staging CI of " + subject(staging) + " on the same SHA: " + staging.verdict().json()
                + (staging.passes() ? "." : "; not ready for another look until it passes.");
    }

    private static WatchEvent headsDiffer(PullRequestSnapshot now) {
        StagingVerdict staging = Objects.requireNonNull(now.staging());
        return new WatchEvent(Kind.HEADS_DIFFER, "The heads differ: upstream " + now.pullRequest() + " is at "
                + now.headSha() + " but " + subject(staging) + " is at " + staging.sha()
                + ". The staging CI verdict is not about the upstream head; push the same commit to the branch both "
                + "pull requests use (or wait a moment if you just pushed).", now);
    }

    private static void terminal(PullRequestSnapshot now, List<WatchEvent> events) {
        String pr = now.pullRequest().toString();
        String by = now.closedBy() == null ? "" : " by " + now.closedBy();
        if (now.state() == PullRequestState.MERGED) {
            events.add(new WatchEvent(Kind.MERGED, pr + " was merged" + by
                    + (now.mergeCommitSha() == null ? "" : " (merge commit " + shortSha(now.mergeCommitSha()) + ")")
                    + ".", now));
        } else if (now.state() == PullRequestState.CLOSED) {
            PullRequestComment closing = now.closingComment();
            events.add(new WatchEvent(Kind.CLOSED_UNMERGED, pr + " was closed without merge" + by
                    + (closing == null ? "; there is no closing comment."
                            : ". Closing comment from " + closing.summary()
                                    + (closing.url() == null ? "" : " (" + closing.url() + ")")),
                    now, closing == null ? List.of() : List.of(closing), null));
        }
    }

    private static String subject(StagingVerdict staging) {
        return staging.pullRequest() != null ? staging.pullRequest().toString() : staging.subject();
    }
}
