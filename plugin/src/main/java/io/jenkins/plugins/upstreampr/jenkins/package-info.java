/**
 * The Jenkins plugin: Pipeline steps that adapt Jenkins objects to the Jenkins-free engine
 * ({@code upstream-pr-core}) for the chant human gate.
 *
 * <ul>
 *   <li>Steps, each a small {@code Step} + execution + descriptor: {@link UpstreamPullRequestPreflightStep}
 *       ({@code upstreamPullRequestPreflight}: staging verdict and the proposal), {@link CreateUpstreamPullRequestStep}
 *       ({@code createUpstreamPullRequest}: records the human's decision and opens the pull request once),
 *       {@link RecordUpstreamApprovalStep} ({@code recordUpstreamApproval}: one role's answer when several must
 *       approve), {@link ArchiveChantSpecsStep} ({@code archiveChantSpecs}), {@link WaitForUpstreamPullRequestStep}
 *       ({@code waitForUpstreamPullRequest}). What they share lives in their bases: {@link GitHubStep} and
 *       {@link GitHubStepDescriptor} (credentials and API URL, with their Snippet Generator fields),
 *       {@link StagingChecksStep} (the staging policy's two parameters), {@link GateStep},
 *       {@link GateStepDescriptor} and {@link GateStepExecution} (the gate parameters of the preflight and create
 *       steps, their form checks, and the way to the engine), {@link GateAnswerStep} and
 *       {@link GateAnswerStepDescriptor} (the prompt's answer, for the create and approval steps).</li>
 *   <li>The one-liner {@code upstreamPullRequest(...)}: {@link UpstreamPullRequestGlobalVariable}, a thin global
 *       variable whose Groovy ({@code UpstreamPullRequestGate.groovy}) composes the steps with the real
 *       {@code input} step.</li>
 *   <li>Adapters: {@link GitHubConnection} (Jenkins credentials to the engine's {@code GitHubSession}, and the
 *       engine's failures to step failures), {@link ControllerChantCopy} (the workspace's {@code .chant/} and the
 *       trail's files to a directory on the controller), {@link ChantSpecs} (the engine reads it and takes a trail),
 *       {@link RunArtifacts} (what the engine wrote to the run's ArtifactManager), {@link BackgroundStepExecution}
 *       (asynchronous, restart-safe executions), {@link WorkspaceSpecArchive} (the archive move where the workspace
 *       is), {@link SharedHttpTransport} (the one HTTP client to GitHub, through Jenkins' proxy settings).</li>
 *   <li>The gate itself is the engine's {@code io.jenkins.plugins.upstreampr.gate.UpstreamGate}: the preflight step
 *       calls {@code prepare}, the create step {@code prepare} again and {@code submit}; no rule of the gate is
 *       implemented here.</li>
 *   <li>Run actions: {@link UpstreamProposalAction} (what the human decides on) and
 *       {@link UpstreamPullRequestAction} (the link to the upstream pull request), one of each per gate id
 *       ({@link GateActions}), and {@link OpenGatesAction} (the gates open in the build).</li>
 * </ul>
 */
package io.jenkins.plugins.upstreampr.jenkins;
