package io.jenkins.plugins.upstreampr.jenkins.params;

import io.jenkins.plugins.upstreampr.gate.GateRequest;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.PullRequestProposal;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.RequiredChecks;
import io.jenkins.plugins.upstreampr.github.StagingPolicy;
import java.util.List;
import java.util.function.Function;

/**
 * The arguments the preflight and create steps share, as a Jenkinsfile author types them, turned into the engine's
 * {@link GateRequest}. Both steps build the request from the same text, so the create step's fresh verdict is taken
 * under the same policy as the one the person saw.
 *
 * @param step the step's function name, for messages
 * @param upstream {@code owner/repo}
 * @param head {@code forkOwner:branch}
 * @param staging {@code owner/repo#number}
 * @param spec the implementation spec ID (or a unique part of one)
 * @param base the upstream base branch; blank for the upstream's default branch
 * @param requiredChecks names or globs separated by commas or new lines ({@link StepArguments#list}); blank: all checks
 * @param allowNoChecks whether a staging commit without any check passes
 * @param timing freezes and milestones ({@link TimingArguments})
 * @param assignees GitHub logins to assign the opened pull request to, separated by commas or new lines; blank: none
 */
public record GateArguments(String step, String upstream, String head, String staging, String spec, String base,
        String requiredChecks, boolean allowNoChecks, TimingArguments timing, String assignees) {

    /**
     * The engine's request.
     *
     * @throws IllegalArgumentException naming the step argument that is missing or malformed and what it should be
     */
    public GateRequest toRequest() {
        RepositoryName upstreamName = upstream(step, upstream);
        HeadRef headRef = head(step, head);
        PullRequestRef stagingRef = staging(step, staging);
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(step + ": spec is required (the implementation spec ID, or a unique "
                    + "part of it, whose trail feeds the pull request body and the artifacts)");
        }
        RequiredChecks checks;
        try {
            checks = new RequiredChecks(StepArguments.list(requiredChecks));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(step + ": requiredChecks: " + e.getMessage(), e);
        }
        List<String> logins = StepArguments.list(assignees);
        try {
            // the engine checks assignees only when it opens the pull request; checked here with the engine's own
            // rule, so that a typo fails the step before anyone is asked rather than after the approval
            PullRequestProposal.builder(upstreamName, headRef, spec, "").assignees(logins).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(step + ": assignees: " + e.getMessage(), e);
        }
        return GateRequest.builder(stagingRef, upstreamName, headRef, spec.strip())
                .base(base)
                .stagingPolicy(new StagingPolicy(checks, allowNoChecks))
                .timing((timing == null ? TimingArguments.none() : timing).toPolicy(step))
                .assignees(logins)
                .build();
    }

    /** The owner of {@code upstream}, the context a GitHub App credential is narrowed to. */
    public String upstreamOwner() {
        return upstream(step, upstream).owner();
    }

    /**
     * The {@code upstream} argument of {@code step}.
     *
     * @throws IllegalArgumentException when it is missing or not {@code owner/repo}
     */
    public static RepositoryName upstream(String step, String value) {
        return parse(step, "upstream", value, "owner/repo", RepositoryName::parse);
    }

    /**
     * The {@code head} argument of {@code step}.
     *
     * @throws IllegalArgumentException when it is missing or not {@code forkOwner:branch}
     */
    public static HeadRef head(String step, String value) {
        return parse(step, "head", value, "forkOwner:branch", HeadRef::parse);
    }

    /**
     * The {@code staging} argument of {@code step}.
     *
     * @throws IllegalArgumentException when it is missing or not {@code owner/repo#number}
     */
    public static PullRequestRef staging(String step, String value) {
        return parse(step, "staging", value, "owner/repo#number", PullRequestRef::parse);
    }

    private static <T> T parse(String step, String argument, String value, String form, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(step + ": " + argument + " is required, as " + form);
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(step + ": " + argument + " '" + value.strip() + "': " + e.getMessage(),
                    e);
        }
    }
}
