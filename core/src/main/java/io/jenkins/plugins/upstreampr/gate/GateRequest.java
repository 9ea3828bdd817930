package io.jenkins.plugins.upstreampr.gate;

import io.jenkins.plugins.upstreampr.body.PullRequestTemplate;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.StagingPolicy;
import io.jenkins.plugins.upstreampr.github.TimingPolicy;
import java.util.List;
import java.util.Objects;

/**
 * What a gate is asked to decide on: the staging pull request whose CI must be green, the upstream repository and
 * head branch the pull request would be opened from, and the chant spec whose trail explains the change. Start from
 * {@link #builder} and set what differs from the defaults; {@link #toBuilder} for a request that differs from
 * another.
 *
 * @param staging the fork-internal staging pull request ({@code yourusername/kvstore#12})
 * @param upstream the upstream repository ({@code upstream-org/kvstore})
 * @param head the branch to propose ({@code yourusername:fix/issue-1234}); must be the staging pull request's head
 * @param base the upstream base branch, or {@code null} for the upstream's default branch
 * @param spec the implementation spec (ID or unique part of one); its trail feeds the body and the artifacts
 * @param stagingPolicy which checks decide and whether "no checks" passes
 * @param timing declared freezes and how far ahead to look for milestones
 * @param template the layout of the body
 * @param labels labels to add to the upstream pull request
 * @param reviewers users ({@code login}) and teams ({@code org/team}) to request reviews from
 * @param assignees users to assign the pull request to
 * @param maintainerCanModify let upstream maintainers push to the head branch
 * @param lookUpExisting look for an already open pull request before the pause (one more request)
 * @param gateStatus show the gate on GitHub: a commit status {@link io.jenkins.plugins.upstreampr.github.GateStatus}
 *        on the staging head while waiting ({@link UpstreamGate#announceWaiting}) and once decided ({@link
 *        UpstreamGate#submit}); one request per transition, a status that cannot be posted is only a warning
 * @param decisionUrl where a person decides (Jenkins: the input page's absolute URL; the terminal: {@code
 *        --decision-url}), the {@code target_url} of the waiting, rejected and deferred statuses; {@code null}: none
 */
public record GateRequest(PullRequestRef staging, RepositoryName upstream, HeadRef head, String base, String spec,
        StagingPolicy stagingPolicy, TimingPolicy timing, PullRequestTemplate template, List<String> labels,
        List<String> reviewers, List<String> assignees, boolean maintainerCanModify, boolean lookUpExisting,
        boolean gateStatus, String decisionUrl) {

    public GateRequest {
        Objects.requireNonNull(staging, "staging");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(stagingPolicy, "stagingPolicy");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(template, "template");
        base = base == null || base.isBlank() ? null : base.strip();
        labels = List.copyOf(labels);
        reviewers = List.copyOf(reviewers);
        assignees = List.copyOf(assignees);
        decisionUrl = decisionUrl == null || decisionUrl.isBlank() ? null : decisionUrl.strip();
    }

    /**
     * A request with the defaults (the upstream default branch, every check decides, no freezes, the default layout,
     * maintainers may modify, no look-up, no gate status) to change with the builder's methods, then {@code build()}.
     */
    public static Builder builder(PullRequestRef staging, RepositoryName upstream, HeadRef head, String spec) {
        return new Builder(new GateRequest(staging, upstream, head, null, spec, StagingPolicy.defaults(),
                TimingPolicy.none(), PullRequestTemplate.DEFAULT, List.of(), List.of(), List.of(), true, false, false,
                null));
    }

    /** A builder that starts from this request, for a request that differs from it in a few fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds a {@link GateRequest} one field at a time (the fluent style of hub4j's builders); each method sets
     * the field of the same name and returns this builder. Not thread-safe; {@link #build} checks the fields.
     */
    public static final class Builder {
        private final PullRequestRef staging;
        private final RepositoryName upstream;
        private final HeadRef head;
        private final String spec;
        private String base;
        private StagingPolicy stagingPolicy;
        private TimingPolicy timing;
        private PullRequestTemplate template;
        private List<String> labels;
        private List<String> reviewers;
        private List<String> assignees;
        private boolean maintainerCanModify;
        private boolean lookUpExisting;
        private boolean gateStatus;
        private String decisionUrl;

        private Builder(GateRequest from) {
            staging = from.staging;
            upstream = from.upstream;
            head = from.head;
            spec = from.spec;
            base = from.base;
            stagingPolicy = from.stagingPolicy;
            timing = from.timing;
            template = from.template;
            labels = from.labels;
            reviewers = from.reviewers;
            assignees = from.assignees;
            maintainerCanModify = from.maintainerCanModify;
            lookUpExisting = from.lookUpExisting;
            gateStatus = from.gateStatus;
            decisionUrl = from.decisionUrl;
        }

        /** The upstream base branch; null or blank: the upstream's default branch. */
        public Builder base(String base) {
            this.base = base;
            return this;
        }

        public Builder stagingPolicy(StagingPolicy stagingPolicy) {
            this.stagingPolicy = stagingPolicy;
            return this;
        }

        public Builder timing(TimingPolicy timing) {
            this.timing = timing;
            return this;
        }

        public Builder template(PullRequestTemplate template) {
            this.template = template;
            return this;
        }

        public Builder labels(List<String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder reviewers(List<String> reviewers) {
            this.reviewers = reviewers;
            return this;
        }

        public Builder assignees(List<String> assignees) {
            this.assignees = assignees;
            return this;
        }

        public Builder maintainerCanModify(boolean maintainerCanModify) {
            this.maintainerCanModify = maintainerCanModify;
            return this;
        }

        public Builder lookUpExisting(boolean lookUpExisting) {
            this.lookUpExisting = lookUpExisting;
            return this;
        }

        /** Show the gate on GitHub ({@link GateRequest#gateStatus}), the statuses linking to {@code decisionUrl}. */
        public Builder gateStatus(boolean gateStatus, String decisionUrl) {
            this.gateStatus = gateStatus;
            this.decisionUrl = decisionUrl;
            return this;
        }

        public GateRequest build() {
            return new GateRequest(staging, upstream, head, base, spec, stagingPolicy, timing, template, labels,
                    reviewers, assignees, maintainerCanModify, lookUpExisting, gateStatus, decisionUrl);
        }
    }
}
