package io.jenkins.plugins.upstreampr.gate;

import java.util.Objects;

/**
 * A check the person chose to override at the gate (a freeze window, unchecked acceptance criteria...), with
 * the reason they gave. Overrides are recorded so that nobody has to guess later why the gate let it through.
 *
 * @param check what was overridden, e.g. {@code freeze} or {@code unchecked-criteria}
 * @param reason why, in the person's words; never blank
 */
public record GateOverride(String check, String reason) {

    public GateOverride {
        Objects.requireNonNull(check, "check");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Overriding '" + check + "' needs a reason: say why it is safe to "
                    + "go ahead anyway");
        }
        reason = reason.strip();
    }
}
