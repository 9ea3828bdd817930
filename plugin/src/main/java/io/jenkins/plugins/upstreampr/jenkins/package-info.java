/**
 * The Jenkins plugin: Pipeline steps that adapt Jenkins objects to the Jenkins-free engine
 * ({@code upstream-pr-core}) for the chant human gate.
 *
 * <ul>
 *   <li>Steps, each a small {@code Step} + execution + descriptor: {@link UpstreamPullRequestPreflightStep}
 *       ({@code upstreamPullRequestPreflight}: staging verdict and the proposal), {@link CreateUpstreamPullRequestStep}
 *       ({@code createUpstreamPullRequest}: records the human's decision and opens the pull request once),
 *       {@link ArchiveChantSpecsStep} ({@code archiveChantSpecs}), {@link WaitForUpstreamPullRequestStep}
 *       ({@code waitForUpstreamPullRequest}). What they share lives in their bases: {@link GitHubStep} and
 *       {@link GitHubStepDescriptor} (credentials and API URL, with their Snippet Generator fields), {@link GateStep},
 *       {@link GateStepDescriptor} and {@link GateStepExecution} (the gate parameters of the preflight and create
 *       steps, their form checks, and the way to the engine).</li>
 *   <li>The one-liner {@code upstreamPullRequest(...)}: {@link UpstreamPullRequestGlobalVariable}, a thin global
 *       variable whose Groovy ({@code UpstreamPullRequestGate.groovy}) composes the steps with the real
 *       {@code input} step.</li>
 *   <li>Adapters: {@link GitHubConnection} (Jenkins credentials to the engine's {@code GitHubSession}, and the
 *       engine's failures to step failures), {@link ControllerChantCopy} (the workspace's {@code .chant/} and the
 *       trail's files to a directory on the controller), {@link ChantSpecs} (the engine reads it and takes a trail),
 *       {@link RunArtifacts} (what the engine wrote to the run's ArtifactManager), {@link BackgroundStepExecution}
 *       (asynchronous, restart-safe executions).</li>
 *   <li>The gate itself is the engine's {@code io.jenkins.plugins.upstreampr.gate.UpstreamGate}: the preflight step
 *       calls {@code prepare}, the create step {@code prepare} again and {@code submit}; no rule of the gate is
 *       implemented here.</li>
 *   <li>Run actions: {@link UpstreamProposalAction} (what the human decides on) and
 *       {@link UpstreamPullRequestAction} (the link to the upstream pull request).</li>
 * </ul>
 */
package io.jenkins.plugins.upstreampr.jenkins;
