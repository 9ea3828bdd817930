/**
 * The human gate itself, independent of where it runs (a terminal or a Jenkins input prompt): what the person
 * decided ({@link io.jenkins.plugins.upstreampr.gate.GateDecision}), the record kept of it
 * ({@link io.jenkins.plugins.upstreampr.gate.GateRecord}) and the files archived with the build
 * ({@link io.jenkins.plugins.upstreampr.gate.GateArtifacts}), and what the branch actually changes, read from the
 * local git repository and compared with the files the specs declare
 * ({@link io.jenkins.plugins.upstreampr.gate.BranchChanges}).
 */
package io.jenkins.plugins.upstreampr.gate;
