/**
 * The chant side of the gate: reading a repository's {@code .chant/} tree (active and archived specs,
 * research documents, configuration), resolving spec IDs, counting acceptance criteria, following the
 * trail of a pull request, and archiving specs the way {@code chant archive} does.
 *
 * <p>Formats follow chant v0.23.2 as described in {@code shared/docs/chant-format.md}; every deliberate
 * difference from chant is listed in the README ("Differences from chant").
 */
package io.jenkins.plugins.upstreampr.chant;
