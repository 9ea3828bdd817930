package io.jenkins.plugins.upstreampr.chant;

/**
 * Task boxes under an acceptance-criteria heading that chant does not count (chant counts only the section under
 * the last {@code ## Acceptance Criteria} heading, chant-format.md §8.2). The gate warns about them: chant would
 * let the spec pass with these boxes unticked.
 *
 * @param heading the heading line as written, e.g. {@code ### Acceptance Criteria}
 * @param line its 1-based line number in the spec body
 * @param checked ticked boxes under it that chant does not count
 * @param total all boxes under it that chant does not count
 */
public record UncountedChecklist(String heading, int line, int checked, int total) {

    /** Unticked boxes chant does not see. */
    public int unchecked() {
        return total - checked;
    }

    /** A one-line warning for people. */
    public String describe() {
        return "the " + total + " box(es) (" + unchecked() + " unchecked) under '" + heading + "' (body line " + line
                + ") are not counted by chant, which counts only boxes under the last '"
                + AcceptanceCriteria.HEADING + "' heading: make it a level-2 '" + AcceptanceCriteria.HEADING
                + "' section";
    }
}
