package io.jenkins.plugins.upstreampr.jenkins.params;

import io.jenkins.plugins.upstreampr.gate.GateOverride;
import io.jenkins.plugins.upstreampr.gate.OverridableBlock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * List-valued step arguments as a Jenkinsfile author types them in one text field (commas or new lines between
 * items), so that the Snippet Generator can offer them as plain text boxes.
 */
public final class StepArguments {

    private StepArguments() {}

    /** Splits {@code text} at commas and line breaks; blanks dropped, order kept, duplicates removed. */
    public static List<String> list(String text) {
        Set<String> items = new LinkedHashSet<>();
        if (text != null) {
            for (String item : text.split("[,\\r\\n]+")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return List.copyOf(items);
    }

    /**
     * The overrides a human gave: each named check with the one reason typed on the prompt.
     *
     * @param checks {@code freeze} and/or {@code unchecked-criteria}, as {@link #list(String)} reads them
     * @param reason why; required when any check is named
     * @throws IllegalArgumentException naming the unknown check, or saying that a reason is needed
     */
    public static List<GateOverride> overrides(String checks, String reason) {
        List<GateOverride> overrides = new ArrayList<>();
        for (String check : list(checks)) {
            OverridableBlock block = OverridableBlock.named(check).orElseThrow(() -> new IllegalArgumentException(
                    "override '" + check + "' is not a check the gate can skip: use "
                            + String.join(" or ", OverridableBlock.names())));
            overrides.add(new GateOverride(block.id(), reason));
        }
        return overrides;
    }
}
