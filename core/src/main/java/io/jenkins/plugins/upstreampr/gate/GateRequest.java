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
 * {@link #of} and add what differs from the defaults with the {@code with...} methods.
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

    /** A request with the defaults: the upstream default branch, every check decides, no freezes, default layout. */
    public static GateRequest of(PullRequestRef staging, RepositoryName upstream, HeadRef head, String spec) {
        return new GateRequest(staging, upstream, head, null, spec, StagingPolicy.defaults(), TimingPolicy.none(),
                PullRequestTemplate.DEFAULT, List.of(), List.of(), List.of(), true, false, false, null);
    }

    public GateRequest withBase(String base) {
        return new GateRequest(staging, upstream, head, base, spec, stagingPolicy, timing, template, labels, reviewers,
                assignees, maintainerCanModify, lookUpExisting, gateStatus, decisionUrl);
    }

    public GateRequest withStagingPolicy(StagingPolicy policy) {
        return new GateRequest(staging, upstream, head, base, spec, policy, timing, template, labels, reviewers,
                assignees, maintainerCanModify, lookUpExisting, gateStatus, decisionUrl);
    }

    public GateRequest withTiming(TimingPolicy timing) {
        return new GateRequest(staging, upstream, head, base, spec, stagingPolicy, timing, template, labels, reviewers,
                assignees, maintainerCanModify, lookUpExisting, gateStatus, decisionUrl);
    }

    public GateRequest withTemplate(PullRequestTemplate template) {
        return new GateRequest(staging, upstream, head, base, spec, stagingPolicy, timing, template, labels, reviewers,
                assignees, maintainerCanModify, lookUpExisting, gateStatus, decisionUrl);
    }

    public GateRequest withLabels(List<String> labels) {
        return new GateRequest(staging, upstream, head, base, spec, stagingPolicy, timing, template, labels, reviewers,
                assignees, maintainerCanModify, lookUpExisting, gateStatus, decisionUrl);
    }

    public GateRequest withReviewers(List<String> reviewers) {
        return new GateRequest(staging, upstream, head, base, spec, stagingPolicy, timing, template, labels, reviewers,
                assignees, maintainerCanModify, lookUpExisting, gateStatus, decisionUrl);
    }

    public GateRequest withAssignees(List<String> assignees) {
        return new GateRequest(staging, upstream, head, base, spec, stagingPolicy, timing, template, labels, reviewers,
                assignees, maintainerCanModify, lookUpExisting, gateStatus, decisionUrl);
    }

    public GateRequest withMaintainerCanModify(boolean maintainerCanModify) {
        return new GateRequest(staging, upstream, head, base, spec, stagingPolicy, timing, template, labels, reviewers,
                assignees, maintainerCanModify, lookUpExisting, gateStatus, decisionUrl);
    }

    public GateRequest withLookUpExisting(boolean lookUpExisting) {
        return new GateRequest(staging, upstream, head, base, spec, stagingPolicy, timing, template, labels, reviewers,
                assignees, maintainerCanModify, lookUpExisting, gateStatus, decisionUrl);
    }

    /** Show the gate on GitHub ({@link #gateStatus}), the statuses linking to {@code decisionUrl} (may be null). */
    public GateRequest withGateStatus(boolean gateStatus, String decisionUrl) {
        return new GateRequest(staging, upstream, head, base, spec, stagingPolicy, timing, template, labels, reviewers,
                assignees, maintainerCanModify, lookUpExisting, gateStatus, decisionUrl);
    }
}
