package io.jenkins.plugins.upstreampr.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A check that stands in the way of approval and that a person may override with a reason. A red or pending staging
 * verdict is not among them: it cannot be overridden. The terminal and the Jenkins steps both read the names people
 * type through {@link #named}, so the two front ends accept the same spellings.
 */
public enum OverridableBlock {
    /** Approving during a declared freeze. */
    FREEZE("freeze"),
    /** Approving with unchecked acceptance criteria in the trail. */
    UNCHECKED_CRITERIA("unchecked-criteria");

    private final String id;

    OverridableBlock(String id) {
        this.id = id;
    }

    /** The name a person types ({@code --override freeze=...}, the prompt's overrides field) and the record keeps. */
    public String id() {
        return id;
    }

    /** Every block's {@link #id()}, in declaration order. */
    public static List<String> names() {
        return List.copyOf(ids(List.of(values())));
    }

    /**
     * The {@link #id()}s of {@code blocks}, in their order, as a plain mutable list: what every machine-readable
     * output and a Pipeline step's result carry (a Jenkinsfile reads {@code 'freeze'}, never an engine type).
     */
    public static List<String> ids(List<OverridableBlock> blocks) {
        return new ArrayList<>(blocks.stream().map(OverridableBlock::id).toList());
    }

    /** The block a person named (surrounding blanks and case ignored), or empty when there is none by that name. */
    public static Optional<OverridableBlock> named(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(b -> b.id.equals(name)).findFirst();
    }

    /** Whether this block stands in the way of approving {@code proposal}. */
    boolean blocks(GateProposal proposal) {
        return switch (this) {
            case FREEZE -> proposal.preflight().timing().frozen();
            case UNCHECKED_CRITERIA -> !proposal.uncheckedCriteria().isEmpty();
        };
    }

    /** What this block is about in {@code proposal}, in one line. */
    public String describe(GateProposal proposal) {
        return switch (this) {
            case FREEZE -> String.join("; ", proposal.preflight().timing().warnings());
            case UNCHECKED_CRITERIA -> String.join("; ",
                    proposal.uncheckedCriteria().stream().map(CriteriaGap::describe).toList());
        };
    }

    /** Why an approval of {@code proposal} without an override of this block is refused, and what to do. */
    String refusal(GateProposal proposal) {
        return switch (this) {
            case FREEZE -> "The upstream repository is in a declared freeze (" + describe(proposal)
                    + "): approve only with an override of '" + id + "' and a reason, or defer.";
            case UNCHECKED_CRITERIA -> "Unchecked acceptance criteria in the trail (" + describe(proposal)
                    + "): check them in the specs, or approve with an override of '" + id + "' and a reason.";
        };
    }
}
