/**
 * The Jenkins plugin's own rules for step arguments that need no Jenkins: list-valued arguments typed as text in
 * the Snippet Generator ({@link io.jenkins.plugins.upstreampr.jenkins.params.StepArguments}), the shared gate
 * arguments as the engine's request ({@link io.jenkins.plugins.upstreampr.jenkins.params.GateArguments}, with the
 * timing arguments as its policy: {@link io.jenkins.plugins.upstreampr.jenkins.params.TimingArguments}), the answers
 * of the input prompt as the engine's decision ({@link io.jenkins.plugins.upstreampr.jenkins.params.GateAnswers}),
 * and how long and how often a step re-polls a pending staging CI
 * ({@link io.jenkins.plugins.upstreampr.jenkins.params.PendingWait}); the names a gate's artifacts and pages go by,
 * from its id ({@link io.jenkins.plugins.upstreampr.jenkins.params.GateNames}), and the build's copies of
 * {@code .chant/} on the controller, which a step in one {@code parallel} branch never takes away from another
 * ({@link io.jenkins.plugins.upstreampr.jenkins.params.ChantCopies}); the gates open in one build, whose prompt ids never clash
 * ({@link io.jenkins.plugins.upstreampr.jenkins.params.OpenGates}); the approvals of several roles as the text a Pipeline passes between steps
 * ({@link io.jenkins.plugins.upstreampr.jenkins.params.ApprovalsText}); the checked arguments of {@code waitForUpstreamPullRequest}
 * ({@link io.jenkins.plugins.upstreampr.jenkins.params.UpstreamWait}); and the links to GitHub's and the gate's own web pages
 * ({@link io.jenkins.plugins.upstreampr.jenkins.params.WebLinks}).
 * What a decision may be is the engine's rule ({@code io.jenkins.plugins.upstreampr.gate.GateDecision}).
 *
 * <p>Nothing here imports Jenkins types, so these classes are unit-tested in the default build (no Jenkins
 * repository needed) and used unchanged by the steps in {@code io.jenkins.plugins.upstreampr.jenkins}.
 */
package io.jenkins.plugins.upstreampr.jenkins.params;
