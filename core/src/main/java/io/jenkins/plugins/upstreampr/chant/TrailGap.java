package io.jenkins.plugins.upstreampr.chant;

import java.util.Objects;

/**
 * Something a spec of a pull request's trail refers to that could not be followed: a {@code depends_on} ID that is
 * in neither {@code .chant/specs/} nor {@code .chant/archive/}, a dependency whose file cannot be read, an
 * {@code informed_by} path that does not exist. The trail is still usable; the gap says what is missing.
 *
 * @param spec the spec that makes the reference
 * @param reference the reference as the spec writes it
 * @param reason what is wrong, and what to do about it
 */
public record TrailGap(SpecId spec, String reference, String reason) {

    public TrailGap {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line for people: {@code <spec>: <reason>}. */
    public String describe() {
        return spec + ": " + reason;
    }
}
