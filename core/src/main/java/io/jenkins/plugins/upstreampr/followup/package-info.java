/**
 * After submission: following the upstream pull request until it is merged or closed, then archiving the specs
 * of its trail in the fork.
 *
 * <p>What lives here:
 * <ul>
 *   <li>{@link io.jenkins.plugins.upstreampr.followup.UpstreamPullRequestWatch}: looks at the upstream pull request
 *       (state, {@link io.jenkins.plugins.upstreampr.followup.ReviewDecision review decision}, head and the CI on
 *       it, new {@link io.jenkins.plugins.upstreampr.github.PullRequestComment comments}, all read through
 *       {@link io.jenkins.plugins.upstreampr.github.PullRequestReads}) and at the staging pull
 *       request's CI on the same head, with conditional requests; each look is a
 *       {@link io.jenkins.plugins.upstreampr.followup.PullRequestSnapshot} and the differences from the previous
 *       one are {@link io.jenkins.plugins.upstreampr.followup.WatchEvent}s
 *       ({@link io.jenkins.plugins.upstreampr.followup.LookResult}).</li>
 *   <li>{@link io.jenkins.plugins.upstreampr.followup.WatchPolicy}: what ends a watch, its time limit and the
 *       polling back-off; {@link io.jenkins.plugins.upstreampr.followup.WatchOutcome}: how it ended.</li>
 *   <li>For pollers that keep no thread (a Jenkins step woken by a timer, across restarts): one
 *       {@link io.jenkins.plugins.upstreampr.followup.UpstreamPullRequestWatch#turn turn} at a time
 *       ({@link io.jenkins.plugins.upstreampr.followup.TurnResult}), remembering only a small serializable
 *       {@link io.jenkins.plugins.upstreampr.followup.WatchProgress} and
 *       {@link io.jenkins.plugins.upstreampr.followup.SeenPullRequest}.</li>
 *   <li>{@link io.jenkins.plugins.upstreampr.followup.UpstreamOutcome}: how the upstream pull request ended (merged,
 *       or closed without merge with the closing comment), the only input that lets specs be archived; read with
 *       {@link io.jenkins.plugins.upstreampr.github.PullRequestReads#ending()} by both front ends.</li>
 *   <li>{@link io.jenkins.plugins.upstreampr.followup.AfterMergeArchive}: on merge, archives the trail's specs in a
 *       git checkout of the fork through the shared
 *       {@link io.jenkins.plugins.upstreampr.chant.archive.SpecArchive} (exactly as {@code upstream-pr archive}
 *       does), commits the move with a message naming the upstream pull request and pushes it with the fork's
 *       HTTPS token ({@link io.jenkins.plugins.upstreampr.followup.ForkToken}, never shown in any text). Never a
 *       force-push; a branch that moved meanwhile gets the archive commit rebased and pushed again, a bounded
 *       number of times; a protected branch gets it on a side branch, with the small pull request to open in the
 *       fork ({@link io.jenkins.plugins.upstreampr.followup.SideBranchPullRequest}; the GitHub call is the
 *       {@code github} package's). The result is an
 *       {@link io.jenkins.plugins.upstreampr.followup.ArchivePushResult}; a failure
 *       ({@link io.jenkins.plugins.upstreampr.followup.ArchivePushException}) leaves the checkout as it was.</li>
 * </ul>
 */
package io.jenkins.plugins.upstreampr.followup;
