package io.jenkins.plugins.upstreampr.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to open upstream: {@code head = OWNER:BRANCH} (in the fork) into {@code upstream:base}.
 *
 * @param upstream the repository receiving the pull request
 * @param head the fork branch
 * @param base the target branch, or null for the upstream's default branch
 * @param title the title (required)
 * @param body the markdown body (may be empty)
 * @param draft open as a draft
 * @param maintainerCanModify let upstream maintainers push to the head branch (GitHub may refuse it for
 *        cross-owner forks; see {@link UpstreamPullRequests#open})
 * @param labels labels to add
 * @param reviewers user logins to request reviews from
 * @param teamReviewers team slugs (of the upstream organization) to request reviews from
 * @param assignees user logins to assign (after creation; GitHub silently ignores those it cannot assign, which
 *        {@link UpstreamPullRequests#open} reports)
 * @param expectedHeadSha the SHA the CI verdict was for, or null: a created pull request on another head is
 *        reported in its warnings
 */
public record PullRequestProposal(RepositoryName upstream, HeadRef head, String base, String title, String body,
        boolean draft, boolean maintainerCanModify, List<String> labels, List<String> reviewers,
        List<String> teamReviewers, List<String> assignees, String expectedHeadSha) {

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");

    public PullRequestProposal {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(head, "head");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("The pull request title for " + upstream + " must not be empty");
        }
        if (base != null && base.isBlank()) {
            base = null;
        }
        body = body == null ? "" : body;
        labels = List.copyOf(labels);
        reviewers = List.copyOf(reviewers);
        teamReviewers = List.copyOf(teamReviewers);
        assignees = List.copyOf(assignees);
    }

    /**
     * A non-draft proposal into the default branch, letting maintainers modify, with no labels, reviewers or
     * assignees, to change with the builder's methods, then {@code build()}.
     */
    public static Builder builder(RepositoryName upstream, HeadRef head, String title, String body) {
        return new Builder(upstream, head, title, body);
    }

    /** A builder that starts from this proposal, for a proposal that differs from it in a few fields. */
    public Builder toBuilder() {
        Builder b = new Builder(upstream, head, title, body);
        b.base = base;
        b.draft = draft;
        b.maintainerCanModify = maintainerCanModify;
        b.labels = labels;
        b.reviewers = reviewers;
        b.teamReviewers = teamReviewers;
        b.assignees = assignees;
        b.expectedHeadSha = expectedHeadSha;
        return b;
    }

    /**
     * Builds a {@link PullRequestProposal} one field at a time (the fluent style of hub4j's
     * {@code GHPullRequest} builders): each method sets its field and returns this builder; {@link #build} checks the
     * whole. Not thread-safe.
     */
    public static final class Builder {
        private final RepositoryName upstream;
        private final HeadRef head;
        private final String title;
        private final String body;
        private String base;
        private boolean draft;
        private boolean maintainerCanModify = true;
        private List<String> labels = List.of();
        private List<String> reviewers = List.of();
        private List<String> teamReviewers = List.of();
        private List<String> assignees = List.of();
        private String expectedHeadSha;

        private Builder(RepositoryName upstream, HeadRef head, String title, String body) {
            this.upstream = upstream;
            this.head = head;
            this.title = title;
            this.body = body;
        }

        /** Into {@code base} (null: the default branch). */
        public Builder base(String base) {
            this.base = base;
            return this;
        }

        /** As a draft or not. */
        public Builder draft(boolean draft) {
            this.draft = draft;
            return this;
        }

        /** With or without letting maintainers modify the head branch. */
        public Builder maintainerCanModify(boolean maintainerCanModify) {
            this.maintainerCanModify = maintainerCanModify;
            return this;
        }

        public Builder labels(List<String> labels) {
            this.labels = labels;
            return this;
        }

        /**
         * Reviewers: {@code login} for a user, {@code ORG/TEAM-SLUG} (or {@code @ORG/TEAM-SLUG}) for a team; replaces
         * both the users and the teams asked before.
         */
        public Builder reviewers(List<String> reviewersAndTeams) {
            List<String> users = new ArrayList<>();
            List<String> teams = new ArrayList<>();
            for (String r : reviewersAndTeams) {
                String name = r.strip();
                if (name.startsWith("@")) {
                    name = name.substring(1);
                }
                int slash = name.indexOf('/');
                if (slash >= 0) {
                    teams.add(name.substring(slash + 1));
                } else if (!name.isEmpty()) {
                    users.add(name);
                }
            }
            this.reviewers = users;
            this.teamReviewers = teams;
            return this;
        }

        /**
         * {@code logins} as assignees ({@code login} or {@code @login}).
         *
         * @throws IllegalArgumentException naming a value that is not a GitHub login
         */
        public Builder assignees(List<String> logins) {
            List<String> users = new ArrayList<>();
            for (String a : logins) {
                String login = a.strip();
                if (login.startsWith("@")) {
                    login = login.substring(1);
                }
                if (!LOGIN.matcher(login).matches()) {
                    throw new IllegalArgumentException("Invalid assignee '" + a + "': expected a GitHub login "
                            + "(letters, digits and '-', at most 39), e.g. octocat");
                }
                if (!users.contains(login)) {
                    users.add(login);
                }
            }
            this.assignees = users;
            return this;
        }

        /** Expecting the head to be at {@code sha} (the verdict's SHA). */
        public Builder expectedHeadSha(String sha) {
            this.expectedHeadSha = sha;
            return this;
        }

        public PullRequestProposal build() {
            return new PullRequestProposal(upstream, head, base, title, body, draft, maintainerCanModify, labels,
                    reviewers, teamReviewers, assignees, expectedHeadSha);
        }
    }
}
