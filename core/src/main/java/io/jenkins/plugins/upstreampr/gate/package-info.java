/**
 * The human gate itself, independent of where it runs (a terminal or a Jenkins input prompt).
 *
 * <p>Entry point: {@link io.jenkins.plugins.upstreampr.gate.UpstreamGate}. A front end describes the gate in a
 * {@link io.jenkins.plugins.upstreampr.gate.GateRequest} (built with {@code GateRequest.builder}), calls
 * {@code prepare} to get the {@link io.jenkins.plugins.upstreampr.gate.GateProposal} the person decides on (staging
 * verdict, base, timing, trail, proposed text, the {@link io.jenkins.plugins.upstreampr.gate.OverridableBlock}s in
 * the way), asks them, and hands their {@link io.jenkins.plugins.upstreampr.gate.GateDecision} (with any
 * {@link io.jenkins.plugins.upstreampr.gate.GateOverride}) to {@code submit}, which ends in a
 * {@link io.jenkins.plugins.upstreampr.gate.GateOutcome}. Around it: the record kept of the decision
 * ({@link io.jenkins.plugins.upstreampr.gate.GateRecord}) and the files archived with the build
 * ({@link io.jenkins.plugins.upstreampr.gate.GateArtifacts}); the machine-readable proposal and outcome every front
 * end prints or returns ({@link io.jenkins.plugins.upstreampr.gate.GateJson}); the approvals of a gate with several
 * roles ({@link io.jenkins.plugins.upstreampr.gate.Approvals}); the specs whose acceptance criteria are not all
 * checked ({@link io.jenkins.plugins.upstreampr.gate.CriteriaGap}); and what the branch actually changes, read from
 * the local git repository and compared with the files the specs declare
 * ({@link io.jenkins.plugins.upstreampr.gate.BranchChanges}).
 */
package io.jenkins.plugins.upstreampr.gate;
