package io.jenkins.plugins.upstreampr.gate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the person at the gate decided.
 *
 * @param outcome approve (open the upstream pull request), defer (not now) or reject (not at all)
 * @param title the pull request title as approved (possibly edited); required to approve
 * @param body the pull request body as approved (possibly edited)
 * @param draft open the pull request as a draft
 * @param reason why it was deferred or rejected; required for those outcomes, optional for approval
 * @param decidedBy who decided (a user ID), or {@code null} when unknown
 * @param decidedAt when
 * @param overrides checks that were overridden, each with its reason
 * @param decidedBySource where {@code decidedBy} came from, so a reader of the record knows how much to trust it:
 *        {@code option} (given explicitly, {@code --decided-by}), {@code USER} or {@code USERNAME} (that environment
 *        variable), {@code os} (the operating system's account running the tool, when no variable is set, as in
 *        containers and CI), {@code jenkins} (the user who answered the input step); {@code null} when unknown
 */
public record GateDecision(Outcome outcome, String title, String body, boolean draft, String reason,
        String decidedBy, Instant decidedAt, List<GateOverride> overrides, String decidedBySource) {

    /** A decision without saying where {@code decidedBy} came from. */
    public GateDecision(Outcome outcome, String title, String body, boolean draft, String reason, String decidedBy,
            Instant decidedAt, List<GateOverride> overrides) {
        this(outcome, title, body, draft, reason, decidedBy, decidedAt, overrides, null);
    }

    /** The three ways out of the gate. */
    public enum Outcome {
        APPROVE, DEFER, REJECT;

        /** Parses {@code approve}, {@code defer} or {@code reject} (any case), naming the choices otherwise. */
        public static Outcome parse(String text) {
            if (text != null) {
                for (Outcome o : values()) {
                    if (o.name().equalsIgnoreCase(text.strip())) {
                        return o;
                    }
                }
            }
            throw new IllegalArgumentException("Gate decision '" + text + "' is not one of approve, defer, reject");
        }
    }

    public GateDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedAt, "decidedAt");
        overrides = List.copyOf(overrides);
        if (outcome == Outcome.APPROVE && (title == null || title.isBlank())) {
            throw new IllegalArgumentException("An approved pull request needs a title: enter one before approving");
        }
        if (outcome != Outcome.APPROVE && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("To " + outcome.name().toLowerCase(Locale.ROOT)
                    + " the pull request, give a reason: it is recorded for whoever picks this up next");
        }
        title = title == null ? null : title.strip();
        body = body == null ? "" : body;
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        decidedBySource = decidedBy == null || decidedBySource == null || decidedBySource.isBlank() ? null
                : decidedBySource.strip();
    }

    /** This decision, saying that {@code decidedBy} came from {@code source} (see {@link #decidedBySource}). */
    public GateDecision withDecidedBySource(String source) {
        return new GateDecision(outcome, title, body, draft, reason, decidedBy, decidedAt, overrides, source);
    }

    public boolean approved() {
        return outcome == Outcome.APPROVE;
    }

    /** Whether the check with this name was overridden. */
    public boolean overrides(String check) {
        return overrides.stream().anyMatch(o -> o.check().equals(check));
    }
}
