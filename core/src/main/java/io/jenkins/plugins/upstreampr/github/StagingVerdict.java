package io.jenkins.plugins.upstreampr.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CI verdict on the staging commit, bound to one SHA: a pull request may only be opened upstream for the
 * commit this verdict saw (see {@link StagingCheck#confirm(StagingVerdict)}).
 *
 * @param repository the repository whose CI was read (the fork)
 * @param pullRequest the staging pull request, or null when a ref was checked directly
 * @param head the branch that was checked, as {@code OWNER:BRANCH} (the head of the upstream pull request)
 * @param base the staging pull request's base branch and commit, or null when a ref was checked directly
 * @param sha the commit the verdict is about
 * @param verdict the outcome
 * @param checks every check seen, plus a {@link CheckState#MISSING} entry per required pattern nothing matched
 * @param warnings things a human should know (closed staging PR, checks on an outdated head...)
 * @param policy the policy the verdict was computed with
 * @param checkedAt when the checks were read
 */
public record StagingVerdict(RepositoryName repository, PullRequestRef pullRequest, HeadRef head, BaseCommit base,
        String sha,
        Verdict verdict, List<CheckResult> checks, List<String> warnings, StagingPolicy policy, Instant checkedAt) {

    public StagingVerdict {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(checkedAt, "checkedAt");
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
    }

    /** Whether the upstream pull request may be opened: GREEN, or NONE when the policy allows it. */
    public boolean passes() {
        return verdict == Verdict.GREEN || verdict == Verdict.NONE && policy.allowNone();
    }

    /** What was checked, for messages: the staging pull request, else the repository and branch. */
    public String subject() {
        return pullRequest != null ? "staging pull request " + pullRequest
                : repository + (head != null ? " branch " + head.branch() : "");
    }

    /** Decides the CI verdict from the checks seen under {@code policy}, adding MISSING entries for required patterns. */
    static StagingVerdict decide(RepositoryName repository, PullRequestRef pullRequest, HeadRef head, BaseCommit base,
            String sha,
            List<CheckResult> reported, List<String> warnings, StagingPolicy policy, Instant checkedAt) {
        RequiredChecks required = policy.required();
        List<CheckResult> checks = new ArrayList<>();
        for (CheckResult c : reported) {
            checks.add(c.withRequired(required.isEmpty() || required.anyMatches(c.name())));
        }
        for (String pattern : required.patterns()) {
            if (reported.stream().noneMatch(c -> RequiredChecks.matches(pattern, c.name()))) {
                checks.add(new CheckResult(pattern, CheckState.MISSING, null, CheckResult.Source.NOT_REPORTED, true));
            }
        }
        Verdict verdict;
        List<CheckResult> deciding = checks.stream().filter(CheckResult::required).toList();
        if (deciding.isEmpty()) {
            verdict = Verdict.NONE;
        } else if (deciding.stream().anyMatch(c -> c.state() == CheckState.FAILURE)) {
            verdict = Verdict.RED;
        } else if (deciding.stream().anyMatch(c -> c.state() == CheckState.PENDING || c.state() == CheckState.MISSING)) {
            verdict = Verdict.PENDING;
        } else {
            verdict = Verdict.GREEN;
        }
        return new StagingVerdict(repository, pullRequest, head, base, sha, verdict, checks, warnings, policy, checkedAt);
    }
}
