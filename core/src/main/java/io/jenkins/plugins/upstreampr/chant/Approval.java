package io.jenkins.plugins.upstreampr.chant;

/** The {@code approval} frontmatter mapping: {@code {required, status, by, at}}. */
public record Approval(boolean required, Status status, String by, String at) {

    /** {@code approval.status}. */
    public enum Status {
        PENDING, APPROVED, REJECTED
    }

    /** Whether this approval blocks work (required and not approved), as chant's {@code requires_approval}. */
    public boolean blocks() {
        return required && status != Status.APPROVED;
    }
}
