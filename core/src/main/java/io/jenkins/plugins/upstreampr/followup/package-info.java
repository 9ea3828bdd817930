/**
 * After submission: following the upstream pull request until it is merged or closed.
 *
 * <p>What lives here:
 * <ul>
 *   <li>{@link io.jenkins.plugins.upstreampr.followup.UpstreamPullRequestWatch}: looks at the upstream pull request
 *       (state, {@link io.jenkins.plugins.upstreampr.followup.ReviewDecision review decision}, head and the CI on
 *       it, new {@link io.jenkins.plugins.upstreampr.followup.PullRequestComment comments}) and at the staging pull
 *       request's CI on the same head, with conditional requests; each look is a
 *       {@link io.jenkins.plugins.upstreampr.followup.PullRequestSnapshot} and the differences from the previous
 *       one are {@link io.jenkins.plugins.upstreampr.followup.WatchEvent}s
 *       ({@link io.jenkins.plugins.upstreampr.followup.PullRequestLook}).</li>
 *   <li>{@link io.jenkins.plugins.upstreampr.followup.WatchPolicy}: what ends a watch, its time limit and the
 *       polling back-off; {@link io.jenkins.plugins.upstreampr.followup.WatchOutcome}: how it ended.</li>
 *   <li>For pollers that keep no thread (a Jenkins step woken by a timer, across restarts): one
 *       {@link io.jenkins.plugins.upstreampr.followup.UpstreamPullRequestWatch#turn turn} at a time
 *       ({@link io.jenkins.plugins.upstreampr.followup.WatchTurn}), remembering only a small serializable
 *       {@link io.jenkins.plugins.upstreampr.followup.WatchProgress} and
 *       {@link io.jenkins.plugins.upstreampr.followup.WatchCursor}.</li>
 * </ul>
 */
package io.jenkins.plugins.upstreampr.followup;
