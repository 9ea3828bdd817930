/**
 * What happens after the upstream pull request was opened, on the fork's side: once the watcher has seen how the
 * upstream pull request ended ({@link io.jenkins.plugins.upstreampr.followup.UpstreamOutcome}: merged, or closed
 * without merge with the closing comment), {@link io.jenkins.plugins.upstreampr.followup.AfterMergeArchive}
 * archives the trail's specs in a git checkout of the fork (through the shared
 * {@link io.jenkins.plugins.upstreampr.chant.archive.SpecArchive}, exactly as {@code upstream-pr archive} does),
 * commits the move with a message naming the upstream pull request and pushes it with the fork's HTTPS token.
 *
 * <p>Pushing follows three rules: never force; a push rejected because the branch moved is retried, a bounded
 * number of times, after a rebase of the archive commit onto the new head; a protected branch gets the commit on a
 * side branch instead, with the title and body of the small pull request to open in the fork
 * ({@link io.jenkins.plugins.upstreampr.followup.SideBranchPullRequest}; the GitHub call is the
 * {@code github} package's). The outcome is an {@link io.jenkins.plugins.upstreampr.followup.ArchivePushResult};
 * a failure ({@link io.jenkins.plugins.upstreampr.followup.ArchivePushException}) leaves the checkout as it was.
 * The token ({@link io.jenkins.plugins.upstreampr.followup.ForkToken}) never appears in a message, result or
 * exception.
 */
package io.jenkins.plugins.upstreampr.followup;
