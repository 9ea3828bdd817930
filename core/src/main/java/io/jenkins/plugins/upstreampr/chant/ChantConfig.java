package io.jenkins.plugins.upstreampr.chant;

/**
 * The parts of {@code .chant/config.md} the gate needs (chant-format.md §10).
 *
 * @param mainBranch {@code defaults.main_branch}, default {@code main}
 * @param branchPrefix {@code defaults.branch_prefix}, default {@code chant/}
 * @param projectName {@code project.name}, or {@code null}
 * @param silent {@code project.silent}: specs are kept out of git
 * @param problem why the configuration could not be read, or {@code null}; chant's archive needs the
 *     configuration only for specs that have a {@code branch}
 */
public record ChantConfig(String mainBranch, String branchPrefix, String projectName, boolean silent,
        String problem) {

    public static final ChantConfig DEFAULTS = new ChantConfig("main", "chant/", null, false, null);

    public static ChantConfig unreadable(String problem) {
        return new ChantConfig(DEFAULTS.mainBranch, DEFAULTS.branchPrefix, null, false, problem);
    }
}
