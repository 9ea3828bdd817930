/**
 * The pull request proposed to upstream maintainers, rendered from the chant trail of a fix
 * ({@link io.jenkins.plugins.upstreampr.chant.SpecTrail}): {@link io.jenkins.plugins.upstreampr.body.PullRequestBodyRenderer}
 * writes a {@link io.jenkins.plugins.upstreampr.body.PullRequestText} (title and body: Summary, Changes, Testing,
 * {@code Fixes #N}) in the layout of a {@link io.jenkins.plugins.upstreampr.body.PullRequestTemplate}.
 *
 * <p>The rest of the package is how the body is found in the trail: specs and research documents are read with
 * commonmark-java (chant's agent output removed), sorted by the part they played (implementation, comprehension, root
 * cause, reproduction), and every sentence that uses the contributor's own process language is left out.
 */
package io.jenkins.plugins.upstreampr.body;
