/**
 * The human gate itself, independent of where it runs (a terminal or a Jenkins input prompt): what the person
 * decided ({@link io.jenkins.plugins.upstreampr.gate.GateDecision}), the record kept of it
 * ({@link io.jenkins.plugins.upstreampr.gate.GateRecord}) and the files archived with the build
 * ({@link io.jenkins.plugins.upstreampr.gate.GateArtifacts}).
 */
package io.jenkins.plugins.upstreampr.gate;
