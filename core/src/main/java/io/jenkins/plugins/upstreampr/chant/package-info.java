/**
 * The chant side of the gate, read only: {@link io.jenkins.plugins.upstreampr.chant.ChantTreeReader} reads a repository's {@code .chant/} tree
 * (active and archived specs, research documents, configuration) into a {@link io.jenkins.plugins.upstreampr.chant.ChantTree};
 * {@link io.jenkins.plugins.upstreampr.chant.SpecResolver} turns a typed spec ID into a full one; {@link io.jenkins.plugins.upstreampr.chant.SpecTrail} (built by
 * {@link io.jenkins.plugins.upstreampr.chant.TrailWalker}) is the trail of specs and documents behind a pull request; acceptance criteria are
 * counted as chant counts them ({@link io.jenkins.plugins.upstreampr.chant.AcceptanceCriteria}). Archiving specs is
 * {@link io.jenkins.plugins.upstreampr.chant.archive}'s job.
 *
 * <p>Formats follow chant v0.23.2 as described in {@code shared/docs/chant-format.md}; every deliberate
 * difference from chant is listed in the README ("Differences from chant").
 */
package io.jenkins.plugins.upstreampr.chant;
