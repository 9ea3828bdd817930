package io.jenkins.plugins.upstreampr.jenkins.params;

import java.util.Objects;

/**
 * The human's answer on the gate's input prompt, validated: the choice, the pull request title and body as
 * possibly edited, whether to open it as a draft, the reason (required to defer or reject) and who answered.
 *
 * @param choice   approve, defer or reject
 * @param title    the pull request title; never blank when approving
 * @param body     the pull request body (may be empty)
 * @param draft    open the pull request as a draft
 * @param reason   why it was deferred, rejected, or approved despite warnings; empty when none was given
 * @param approver the Jenkins user ID that answered, as the input step's {@code submitterParameter} reports it;
 *                 empty when the decision was passed in the Jenkinsfile without a prompt
 */
public record PromptAnswer(GateChoice choice, String title, String body, boolean draft, String reason,
        String approver) {

    /** Longest title GitHub shows in full in lists; longer titles are refused rather than cut. */
    public static final int MAX_TITLE_LENGTH = 256;

    public PromptAnswer {
        Objects.requireNonNull(choice, "choice");
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body;
        reason = reason == null ? "" : reason.strip();
        approver = approver == null ? "" : approver.strip();
        if (choice == GateChoice.APPROVE && title.isEmpty()) {
            throw new IllegalArgumentException("title is empty: give the upstream pull request a title"
                    + " (edit it on the prompt, or pass title: '...')");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            throw new IllegalArgumentException("title is " + title.length() + " characters long: shorten it to at most "
                    + MAX_TITLE_LENGTH);
        }
        if (title.indexOf('\n') >= 0 || title.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("title spans several lines: put the details in the body and keep the"
                    + " title to one line");
        }
        if (choice != GateChoice.APPROVE && reason.isEmpty()) {
            throw new IllegalArgumentException("reason is empty: say why the upstream pull request is "
                    + (choice == GateChoice.DEFER ? "deferred" : "rejected")
                    + " (it is recorded in the gate record)");
        }
    }

    /** Parses the decision text first; see {@link GateChoice#parse(String)} and the checks above. */
    public static PromptAnswer of(String decision, String title, String body, boolean draft, String reason,
            String approver) {
        return new PromptAnswer(GateChoice.parse(decision), title, body, draft, reason, approver);
    }

    /** Whether the upstream pull request is to be opened. */
    public boolean approved() {
        return choice == GateChoice.APPROVE;
    }
}
