package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.upstreampr.jenkins.params.GateNames;
import io.jenkins.plugins.upstreampr.jenkins.params.OpenGates;
import io.jenkins.plugins.upstreampr.jenkins.params.WebLinks;
import java.io.Serializable;

/**
 * The upstream pull request this run opened or found, or the decision not to open one. Gives the build page a
 * summary line and a side-panel link to the pull request on GitHub. One per gate id ({@link GateActions}), so gates in
 * {@code parallel} branches each keep theirs; a later gate with the same id replaces it.
 */
public final class UpstreamPullRequestAction implements Action, Serializable {

    private static final long serialVersionUID = 1L;

    /** The gate's input id, normalized; null in a {@code build.xml} of an older version (the default id). */
    private final String gateId;
    private final String upstream;
    private final int number;
    private final String url;
    private final boolean created;
    private final String decision;
    private final String decidedBy;
    private final String reason;

    UpstreamPullRequestAction(String gateId, String upstream, int number, String url, boolean created,
            String decision, String decidedBy, String reason) {
        this.gateId = gateId;
        this.upstream = upstream;
        this.number = number;
        this.url = WebLinks.webAddressOrNull(url);
        this.created = created;
        this.decision = decision;
        this.decidedBy = decidedBy;
        this.reason = reason;
    }

    /** Shows {@code action} on {@code run} in place of the one of the same gate id. */
    static void record(@NonNull Run<?, ?> run, @NonNull UpstreamPullRequestAction action) {
        GateActions.put(run, UpstreamPullRequestAction.class, action, UpstreamPullRequestAction::getGateId);
    }

    /** The outcome of gate {@code id} on {@code run}, or null. */
    static UpstreamPullRequestAction of(@NonNull Run<?, ?> run, String id) {
        return GateActions.of(run, UpstreamPullRequestAction.class, id, UpstreamPullRequestAction::getGateId);
    }

    /** The gate's input id ({@code UpstreamPullRequest} unless the step was given another). */
    public String getGateId() {
        return OpenGates.normalize(gateId);
    }

    /** The gate's id when it is not the default one, for the summary to tell gates apart; else null. */
    public String getOtherGateId() {
        GateNames names = new GateNames(gateId);
        return names.isDefault() ? null : names.id();
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
