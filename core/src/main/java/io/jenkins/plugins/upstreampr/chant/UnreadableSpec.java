package io.jenkins.plugins.upstreampr.chant;

/**
 * A {@code .md} file in the spec folders that cannot be used as a spec, with the reason. chant skips such
 * files with a warning (or never sees them); we list them so that nothing disappears silently.
 *
 * @param path repository-relative path with {@code /} separators
 * @param id the ID the file name gives, or {@code null} when the name is not a usable ID
 * @param archived whether the file lies under {@code .chant/archive/}
 * @param reason why it cannot be used, and what to do about it
 */
public record UnreadableSpec(String path, SpecId id, boolean archived, String reason) {
}
