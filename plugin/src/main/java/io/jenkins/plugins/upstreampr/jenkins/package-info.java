/**
 * The Jenkins plugin: Pipeline steps that adapt Jenkins objects to the Jenkins-free engine
 * ({@code upstream-pr-core}) for the chant human gate.
 *
 * <ul>
 *   <li>Steps, each a small {@code Step} + execution + descriptor: {@link UpstreamPullRequestPreflightStep}
 *       ({@code upstreamPullRequestPreflight}: staging verdict and the proposal), {@link CreateUpstreamPullRequestStep}
 *       ({@code createUpstreamPullRequest}: records the human's decision and opens the pull request once),
 *       {@link ArchiveChantSpecsStep} ({@code archiveChantSpecs}).</li>
 *   <li>The one-liner {@code upstreamPullRequest(...)}: {@link UpstreamPullRequestGlobalVariable}, a thin global
 *       variable whose Groovy ({@code UpstreamPullRequestGate.groovy}) composes the steps with the real
 *       {@code input} step.</li>
 *   <li>Adapters: {@link GitHubConnection} (credentials to a GitHub client), {@link ControllerChantCopy}
 *       (the workspace's {@code .chant/} to a directory on the controller), {@link ChantSpecs} (the engine reads it),
 *       {@link RunArtifacts} (files to the
 *       run's ArtifactManager), {@link BackgroundStepExecution} (asynchronous, restart-safe executions).</li>
 *   <li>Run actions: {@link UpstreamProposalAction} (what the human decides on) and
 *       {@link UpstreamPullRequestAction} (the link to the upstream pull request).</li>
 * </ul>
 */
package io.jenkins.plugins.upstreampr.jenkins;
