package io.jenkins.plugins.upstreampr.chant.archive;

import io.jenkins.plugins.upstreampr.chant.SpecId;

/**
 * Whether {@code archive ID} (without {@code --force}) would accept one active spec, for listings.
 *
 * @param id the spec
 * @param archivable whether {@code archive ID} would move it (with the rest of its group, for a driver)
 * @param reason why not, or {@code null} when archivable
 * @param destination repository-relative path archive would move it to, or {@code null} when the ID gives none
 *     (shorter than 10 bytes)
 */
public record Archivability(SpecId id, boolean archivable, String reason, String destination) {
}
