package io.jenkins.plugins.upstreampr.chant.archive;

/**
 * How to archive, as the flags of {@code archive} say.
 *
 * @param force archive whatever the status and skip the unmerged-branch and target-files checks (chant's
 *     {@code --force}); it does not let a driver go while one of its members is unfinished, as in chant
 * @param noStage move with a plain file-system rename even inside a git work tree (nothing staged)
 * @param dryRun plan and report, move nothing
 */
public record ArchiveOptions(boolean force, boolean noStage, boolean dryRun) {

    /** No flag: completed specs only, all checks, staged renames, real moves. */
    public static final ArchiveOptions DEFAULTS = new ArchiveOptions(false, false, false);
}
