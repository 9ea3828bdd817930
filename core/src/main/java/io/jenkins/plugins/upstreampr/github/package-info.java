/**
 * The GitHub side of the human gate, free of Jenkins.
 *
 * <p>What lives here:
 * <ul>
 *   <li>{@link io.jenkins.plugins.upstreampr.github.GitHubSession}: one authenticated conversation with a
 *       GitHub (github.com or Enterprise) REST API, on top of github-api's {@code GitHubConnector} SPI: typed
 *       errors ({@link io.jenkins.plugins.upstreampr.github.GitHubException}, classified in one place,
 *       {@code GitHubFailures}), conditional requests
 *       ({@link io.jenkins.plugins.upstreampr.github.ConditionalRequestConnector}), and retries decided in one place,
 *       {@link io.jenkins.plugins.upstreampr.github.RetryRule} (5xx and no answer, rate limits, one bound in all),
 *       recorded per effort in a serializable {@link io.jenkins.plugins.upstreampr.github.RetryProgress}; a session
 *       that does not block throws {@link io.jenkins.plugins.upstreampr.github.RetryLater} instead of waiting. The
 *       session is the client's face; its requests go through {@code SendLoop}, which repeats a read as the
 *       session's {@code RetryEffort} allows.</li>
 *   <li>{@link io.jenkins.plugins.upstreampr.github.StagingCheck}: reads the staging pull request's CI and
 *       produces a {@link io.jenkins.plugins.upstreampr.github.StagingVerdict} bound to one commit SHA, waits
 *       while it is pending, and re-checks the head right before creation.</li>
 *   <li>{@link io.jenkins.plugins.upstreampr.github.UpstreamPullRequests}: idempotent creation of the
 *       upstream pull request ({@link io.jenkins.plugins.upstreampr.github.UpstreamPullRequest}) from a
 *       {@link io.jenkins.plugins.upstreampr.github.PullRequestProposal}, then labels, reviewers and
 *       assignees.</li>
 *   <li>{@link io.jenkins.plugins.upstreampr.github.PullRequestReads}: the reads of one pull request and what hangs on
 *       it (the {@link io.jenkins.plugins.upstreampr.github.PullRequest} itself, its
 *       {@link io.jenkins.plugins.upstreampr.github.Review reviews} and
 *       {@link io.jenkins.plugins.upstreampr.github.PullRequestComment comments}, who closed it), and how it ended in
 *       the fewest reads ({@link io.jenkins.plugins.upstreampr.github.PullRequestReads#ending()}).</li>
 *   <li>{@link io.jenkins.plugins.upstreampr.github.TimingGuard}: freezes declared in the configuration
 *       ({@link io.jenkins.plugins.upstreampr.github.FreezeWindow}), by a file in the upstream repository
 *       ({@link io.jenkins.plugins.upstreampr.github.FreezeFile}) or by a label on an open upstream issue, and
 *       upcoming milestones, as set by a {@link io.jenkins.plugins.upstreampr.github.TimingPolicy}; the result is a
 *       {@link io.jenkins.plugins.upstreampr.github.TimingReport} of
 *       {@link io.jenkins.plugins.upstreampr.github.ActiveFreeze}s and milestones.</li>
 *   <li>{@link io.jenkins.plugins.upstreampr.github.Preflight}: the reads before the human pause, issued in
 *       parallel, composed into a {@link io.jenkins.plugins.upstreampr.github.PreflightReport}.</li>
 * </ul>
 * Tokens never leave {@link org.kohsuke.github.authorization.AuthorizationProvider}: no message, exception or
 * value object of this package contains one.
 */
package io.jenkins.plugins.upstreampr.github;
