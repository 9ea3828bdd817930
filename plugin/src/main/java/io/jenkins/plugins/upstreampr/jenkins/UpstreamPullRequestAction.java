package io.jenkins.plugins.upstreampr.jenkins;

import hudson.model.Action;
import java.io.Serializable;

/**
 * The upstream pull request this run opened or found, or the decision not to open one. Gives the build page a
 * summary line and a side-panel link to the pull request on GitHub.
 */
public final class UpstreamPullRequestAction implements Action, Serializable {

    private static final long serialVersionUID = 1L;

    private final String upstream;
    private final int number;
    private final String url;
    private final boolean created;
    private final String decision;
    private final String decidedBy;
    private final String reason;

    UpstreamPullRequestAction(String upstream, int number, String url, boolean created, String decision,
            String decidedBy, String reason) {
        this.upstream = upstream;
        this.number = number;
        this.url = url;
        this.created = created;
        this.decision = decision;
        this.decidedBy = decidedBy;
        this.reason = reason;
    }

    public String getUpstream() {
        return upstream;
    }

    /** The pull request number; 0 when none was opened (deferred or rejected). */
    public int getNumber() {
        return number;
    }

    /** The pull request's web URL; null when none was opened. */
    public String getUrl() {
        return url;
    }

    /** True when this run opened it, false when it already existed (a replay, a restart, a racing build). */
    public boolean isCreated() {
        return created;
    }

    public String getDecision() {
        return decision;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String getIconFileName() {
        return url == null ? null : "symbol-external";
    }

    @Override
    public String getDisplayName() {
        return url == null ? null : Messages.PullRequestAction_DisplayName(upstream, number);
    }

    @Override
    public String getUrlName() {
        return url;
    }
}
