package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.github.Review;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The review decision on the upstream pull request, derived from its reviews the way GitHub derives
 * {@code reviewDecision} (which only its GraphQL API returns): each reviewer's <em>latest opinionated</em> review
 * counts; {@code APPROVED} and {@code CHANGES_REQUESTED} set that reviewer's opinion, {@code DISMISSED} clears it,
 * {@code COMMENTED} leaves it as it was (a comment after an approval keeps the approval); drafts ({@code PENDING})
 * are not submitted and do not count. Any reviewer requesting changes makes the decision
 * {@link #CHANGES_REQUESTED}, else any approval makes it {@link #APPROVED}, else {@link #REVIEW_REQUIRED}.
 *
 * <p>What GitHub adds and this cannot see without admin rights on the upstream repository: the number of
 * approvals branch protection requires and code-owner approval. So {@link #APPROVED} means "approved by at least
 * one reviewer and nobody requests changes", not "mergeable".
 */
public enum ReviewDecision {
    APPROVED,
    CHANGES_REQUESTED,
    REVIEW_REQUIRED;

    /** Lower-case name, as in JSON output. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** In words, for messages. */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The decision from {@code reviews} (in any order; sorted here by submission time, then id). */
    public static ReviewDecision of(List<Review> reviews) {
        Map<String, Review.State> opinions = latestOpinions(reviews);
        if (opinions.containsValue(Review.State.CHANGES_REQUESTED)) {
            return CHANGES_REQUESTED;
        }
        if (opinions.containsValue(Review.State.APPROVED)) {
            return APPROVED;
        }
        return REVIEW_REQUIRED;
    }

    /**
     * Each reviewer's standing opinion ({@link Review.State#APPROVED} or {@link Review.State#CHANGES_REQUESTED}),
     * in the order reviewers first gave one; reviewers whose opinion was dismissed or who only commented are absent.
     */
    public static Map<String, Review.State> latestOpinions(List<Review> reviews) {
        Map<String, Review.State> opinions = new LinkedHashMap<>();
        reviews.stream()
                .sorted(Comparator.comparing(Review::submittedAt).thenComparingLong(Review::id))
                .forEach(r -> {
                    switch (r.state()) {
                        case APPROVED, CHANGES_REQUESTED -> opinions.put(r.reviewer(), r.state());
                        case DISMISSED -> opinions.remove(r.reviewer());
                        case COMMENTED -> {
                            // keeps the reviewer's earlier opinion
                        }
                    }
                });
        return opinions;
    }
}
