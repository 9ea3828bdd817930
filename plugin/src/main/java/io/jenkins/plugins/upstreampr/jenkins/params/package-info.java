/**
 * The Jenkins plugin's own rules for step arguments that need no Jenkins: what a human may answer on the
 * gate's input prompt ({@link io.jenkins.plugins.upstreampr.jenkins.params.PromptAnswer}) and how long and
 * how often a step re-polls a pending staging CI ({@link io.jenkins.plugins.upstreampr.jenkins.params.PendingWait}).
 *
 * <p>Nothing here imports Jenkins types, so these classes are unit-tested in the default build (no Jenkins
 * repository needed) and used unchanged by the steps in {@code io.jenkins.plugins.upstreampr.jenkins}.
 */
package io.jenkins.plugins.upstreampr.jenkins.params;
