package io.jenkins.plugins.upstreampr.cli;

import io.jenkins.plugins.upstreampr.github.RequiredChecks;
import io.jenkins.plugins.upstreampr.github.StagingPolicy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which staging checks decide, shared by {@code preflight}, {@code gate} and {@code watch}. */
final class StagingPolicyOptions {

    @Option(names = "--require", paramLabel = "CHECK",
            description = "A check that must pass (exact name or glob with * and ?); repeatable. When given, only "
                    + "these decide, and a missing one is pending.")
    private List<String> required = new ArrayList<>();

    @Option(names = "--allow-none", description = "A staging commit without any check counts as passing.")
    private boolean allowNone;

    /**
     * The policy these options describe.
     *
     * @throws IllegalArgumentException for a malformed check pattern (a usage error)
     */
    StagingPolicy policy() {
        return new StagingPolicy(new RequiredChecks(required), allowNone);
    }
}
