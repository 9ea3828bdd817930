package io.jenkins.plugins.upstreampr.followup;

/**
 * Archiving after the merge failed for a reason outside the user's input: the fork could not be reached, the
 * archive commit could not be rebased onto a branch that moved (a conflict), the branch kept moving, the push was
 * rejected for another reason. The message says what happened and what to do; the checkout was put back as it was
 * (the message says so, or where it is otherwise). Neither the message nor the cause chain holds the token.
 */
public class ArchivePushException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ArchivePushException(String message, Throwable scrubbedCause) {
        super(message, scrubbedCause);
    }
}
