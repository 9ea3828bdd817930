package io.jenkins.plugins.upstreampr.jenkins.params;

import io.jenkins.plugins.upstreampr.gate.GateRequest;
import io.jenkins.plugins.upstreampr.github.FreezeWindow;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.RequiredChecks;
import io.jenkins.plugins.upstreampr.github.StagingPolicy;
import io.jenkins.plugins.upstreampr.github.TimingPolicy;
import java.util.ArrayList;
import java.util.List;

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
 * @param freezes declared upstream freeze windows, one per line, {@code FROM..TO[:REASON]} with ISO dates
 * @param milestoneDays warn about open upstream milestones due within this many days; 0 reads none
 */
public record GateArguments(String step, String upstream, String head, String staging, String spec, String base,
        String requiredChecks, boolean allowNoChecks, String freezes, int milestoneDays) {

    /**
     * The engine's request.
     *
     * @throws IllegalArgumentException naming the step argument that is missing or malformed and what it should be
     */
    public GateRequest toRequest() {
        RepositoryName upstreamName = parse("upstream", upstream, "owner/repo", RepositoryName::parse);
        HeadRef headRef = parse("head", head, "forkOwner:branch", HeadRef::parse);
        PullRequestRef stagingRef = parse("staging", staging, "owner/repo#number", PullRequestRef::parse);
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
        List<FreezeWindow> windows = new ArrayList<>();
        for (String line : freezes == null ? new String[0] : freezes.split("\\R")) {
            if (!line.isBlank()) {
                windows.add(parse("freezes", line, "FROM..TO[:REASON]", FreezeWindow::parse));
            }
        }
        TimingPolicy timing;
        try {
            timing = new TimingPolicy(windows, milestoneDays);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(step + ": milestoneDays: " + e.getMessage(), e);
        }
        return GateRequest.of(stagingRef, upstreamName, headRef, spec.strip())
                .withBase(base)
                .withStagingPolicy(new StagingPolicy(checks, allowNoChecks))
                .withTiming(timing);
    }

    /** The owner of {@code upstream}, the context a GitHub App credential is narrowed to. */
    public String upstreamOwner() {
        return parse("upstream", upstream, "owner/repo", RepositoryName::parse).owner();
    }

    private <T> T parse(String argument, String value, String form, java.util.function.Function<String, T> parser) {
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
