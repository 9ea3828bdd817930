package io.jenkins.plugins.upstreampr.jenkins.params;

import io.jenkins.plugins.upstreampr.gate.GateDecision;
import java.time.Instant;

/**
 * The answers given at the gate's {@code input} prompt (or typed as {@code createUpstreamPullRequest} arguments),
 * as plain text, turned into the engine's {@link GateDecision}, which decides what a valid decision is (approve needs
 * a title; defer, reject and overrides need a reason).
 *
 * @param decision {@code approve}, {@code defer} or {@code reject}; blank means approve
 * @param title the pull request title, possibly edited
 * @param body the pull request body, possibly edited
 * @param draft open as a draft
 * @param reason why (defer, reject, overrides); may be blank for a plain approval
 * @param approver who answered, as the input step's {@code submitterParameter} reports it; blank when unknown
 * @param overrides the overridable blocks named at the prompt ({@link StepArguments#overrides})
 */
public record GateAnswers(String decision, String title, String body, boolean draft, String reason, String approver,
        String overrides) {

    /**
     * Where {@code approver} comes from, for the record ({@link GateDecision#decidedBySource()}): the input step's
     * {@code submitterParameter}, the Jenkins user who answered (the engine drops it when there is no name).
     */
    public static final String DECIDED_BY_SOURCE = "jenkins";

    /**
     * The decision, taken at {@code decidedAt}.
     *
     * @throws IllegalArgumentException saying which answer is wrong and what to give instead
     */
    public GateDecision toDecision(Instant decidedAt) {
        GateDecision.Outcome outcome = decision == null || decision.isBlank()
                ? GateDecision.Outcome.APPROVE
                : GateDecision.Outcome.parse(decision);
        String who = approver == null || approver.isBlank() ? null : approver.strip();
        return new GateDecision(outcome, title, body, draft, reason, who, decidedAt,
                StepArguments.overrides(overrides, reason), DECIDED_BY_SOURCE);
    }
}
