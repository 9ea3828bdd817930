package io.jenkins.plugins.upstreampr.gate;

import io.jenkins.plugins.upstreampr.chant.SpecId;

/**
 * A spec of the trail whose acceptance criteria are not all checked, as chant counts them. The gate refuses to
 * open the pull request while there are such specs, unless the person overrides it with a reason.
 */
public record CriteriaGap(SpecId spec, String title, int unchecked, int total) {

    /** One line for people. */
    public String describe() {
        return spec + (title == null ? "" : " (" + title + ")") + ": " + unchecked + " of " + total
                + " acceptance criteria unchecked";
    }
}
