package io.jenkins.plugins.upstreampr.jenkins.params;

import java.util.ArrayList;
import java.util.List;

/**
 * The gates open in one build, by the id of their input prompt, and the rule that two open gates never share one:
 * pipeline-input-step's {@code InputAction} accepts two inputs with the same id and answers the first that matches,
 * so a second gate with the same id would have its decision taken by the first prompt's answer (or the other way
 * round). A gate is open from its preflight's start until its {@code createUpstreamPullRequest} starts, or until the
 * preflight fails or is aborted.
 *
 * <p>Ids are compared as the input step stores them ({@code InputStep.setId}): blank is the one-liner's default
 * {@value #DEFAULT_ID}, and a leading {@code a}-{@code z} is upper-cased, so {@code 'gate'} and {@code 'Gate'} are
 * the same prompt. Which characters an id may have is {@link GateNames}' rule.
 *
 * @param ids the open gates' ids, normalized, in the order they opened
 */
public record OpenGates(List<String> ids) {

    /** The one-liner's input id when none is given (the id of its single gate so far). */
    public static final String DEFAULT_ID = "UpstreamPullRequest";

    public OpenGates {
        ids = List.copyOf(ids);
    }

    /** No gate open. */
    public static OpenGates none() {
        return new OpenGates(List.of());
    }

    /**
     * The id as the input step stores and matches it: {@value #DEFAULT_ID} for null or blank, else trimmed with a
     * leading {@code a}-{@code z} upper-cased (as {@code InputStep.capitalize}).
     */
    public static String normalize(String id) {
        if (id == null || id.isBlank()) {
            return DEFAULT_ID;
        }
        String trimmed = id.strip();
        char first = trimmed.charAt(0);
        return first >= 'a' && first <= 'z' ? Character.toUpperCase(first) + trimmed.substring(1) : trimmed;
    }

    /**
     * These gates and one more with {@code id}.
     *
     * @param step the step's function name, for the message
     * @throws IllegalArgumentException naming the id when a gate with it is already open in the build
     */
    public OpenGates open(String step, String id) {
        String normalized = normalize(id);
        if (ids.contains(normalized)) {
            throw new IllegalArgumentException(step + ": a gate with id '" + normalized + "' is already open in this "
                    + "build (its prompt has not been decided yet); two open prompts with one id would take each "
                    + "other's answer. Give this gate its own id, e.g. id: '" + normalized + "2'.");
        }
        for (String open : ids) {
            if (isRolePromptOf(normalized, open) || isRolePromptOf(open, normalized)) {
                throw new IllegalArgumentException(step + ": gate id '" + normalized + "' and the open gate '" + open
                        + "' could share a prompt: with approvers, a gate asks each role at '<id>-<role number>'. "
                        + "Give this gate an id that is not another gate's id followed by '-' and a number.");
            }
        }
        List<String> more = new ArrayList<>(ids);
        more.add(normalized);
        return new OpenGates(more);
    }

    /** Whether {@code id} is the input id of a role prompt of the gate {@code gate}: {@code <gate>-<number>}. */
    private static boolean isRolePromptOf(String id, String gate) {
        return id.length() > gate.length() + 1 && id.startsWith(gate + "-")
                && id.substring(gate.length() + 1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** These gates without the one with {@code id} (unchanged when none has it). */
    public OpenGates close(String id) {
        List<String> fewer = new ArrayList<>(ids);
        fewer.remove(normalize(id));
        return new OpenGates(fewer);
    }

    /** Whether a gate with {@code id} is open. */
    public boolean isOpen(String id) {
        return ids.contains(normalize(id));
    }
}
