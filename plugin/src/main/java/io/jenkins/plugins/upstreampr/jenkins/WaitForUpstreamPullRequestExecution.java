package io.jenkins.plugins.upstreampr.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.upstreampr.followup.PullRequestSnapshot;
import io.jenkins.plugins.upstreampr.followup.SeenPullRequest;
import io.jenkins.plugins.upstreampr.followup.TurnResult;
import io.jenkins.plugins.upstreampr.followup.UpstreamPullRequestWatch;
import io.jenkins.plugins.upstreampr.followup.WatchEvent;
import io.jenkins.plugins.upstreampr.followup.WatchOutcome;
import io.jenkins.plugins.upstreampr.followup.WatchProgress;
import io.jenkins.plugins.upstreampr.jenkins.params.UpstreamWait;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@link WaitForUpstreamPullRequestStep}: one {@link UpstreamPullRequestWatch#turn turn} of the engine's watch per
 * timer tick, on a pool thread ({@link BackgroundStepExecution}); between ticks only a scheduled task exists.
 *
 * <p>What survives a restart is the step's arguments and the engine's {@link WatchProgress}: the small serializable
 * {@link SeenPullRequest} of the last look (state, head, review decision, CI verdicts, seen review and comment ids),
 * the current back-off interval and the absolute deadline. The GitHub session and the last full snapshot are
 * transient: after a restart the next look opens a new session and is compared with the seen pull request, which
 * reports the same changes.
 *
 * <p>Each turn's progress is written to disk ({@link #saveState()}) before its events are written to the log, so that
 * after a crash of the controller the wait goes on from the last reported look and reports nothing twice.
 */
final class WaitForUpstreamPullRequestExecution extends BackgroundStepExecution {

    private static final long serialVersionUID = 2L;
    private static final String FUNCTION = "waitForUpstreamPullRequest";

    private final String upstream;
    private final String staging;
    private final String until;
    private final int timeoutMinutes;
    private final String requiredChecks;
    private final boolean allowNoChecks;
    private final String credentialsId;
    private final String apiUri;

    /** Where the watch stands; null until {@link #prepare()}. */
    private volatile WatchProgress progress;

    /** Kept between looks so that they are conditional requests (ETags); rebuilt after a restart. */
    private transient GitHubConnection connection;
    private transient UpstreamPullRequestWatch watch;

    WaitForUpstreamPullRequestExecution(WaitForUpstreamPullRequestStep step, StepContext context) {
        super(context);
        this.upstream = step.getUpstream();
        this.staging = step.getStaging();
        this.until = step.getUntil();
        this.timeoutMinutes = step.getTimeoutMinutes();
        this.requiredChecks = step.getRequiredChecks();
        this.allowNoChecks = step.isAllowNoChecks();
        this.credentialsId = step.getCredentialsId();
        this.apiUri = step.getApiUri();
    }

    private UpstreamWait arguments() throws AbortException {
        try {
            return UpstreamWait.of(upstream, staging, until, timeoutMinutes)
                    .withStagingChecks(requiredChecks, allowNoChecks);
        } catch (IllegalArgumentException e) {
            throw new AbortException(FUNCTION + ": " + e.getMessage());
        }
    }

    @Override
    protected void prepare() throws Exception {
        progress = WatchProgress.start(arguments().policy(), Instant.now());
    }

    @Override
    protected void look() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        UpstreamWait arguments = arguments();
        if (watch == null) {
            connection = GitHubConnection.open(run, apiUri, credentialsId,
                    arguments.upstream().repository().owner());
            watch = new UpstreamPullRequestWatch(connection.session(), arguments.upstream(), arguments.staging(),
                    arguments.stagingPolicy());
            if (!progress.beforeFirstLook()) {
                listener.getLogger().println(Messages.Wait_Resumed(arguments.upstream()));
            }
        }
        TurnResult turn;
        try {
            turn = watch.turn(arguments.policy(), progress);
        } catch (RuntimeException e) {
            throw connection.explain(e, arguments.upstream().repository().toString());
        }
        if (isStopped()) {
            return;
        }
        progress = turn.progress();
        saveState();
        if (isStopped()) {
            return;
        }
        for (WatchEvent event : turn.events()) {
            listener.getLogger().println(Messages.Wait_Event(event.message()));
        }
        if (turn.outcome() == null) {
            lookAgainAfter(turn.delay());
            return;
        }
        WatchOutcome outcome = turn.outcome();
        listener.getLogger().println(Messages.Wait_Ended(arguments.upstream(), outcome.result().json(),
                outcome.reached() ? Messages.Wait_Reached() : Messages.Wait_NotReached(arguments.policy().until()
                        .json())));
        getContext().onSuccess(result(outcome));
    }

    /** The step's return value (plain strings, numbers and booleans, so that it serializes with the program). */
    static Map<String, Object> result(WatchOutcome outcome) {
        PullRequestSnapshot last = outcome.last();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("result", outcome.result().json());
        result.put("reached", outcome.reached());
        result.put("number", last.pullRequest().number());
        result.put("url", last.url());
        result.put("state", last.state().json());
        result.put("headSha", last.headSha());
        result.put("mergeCommitSha", last.mergeCommitSha());
        result.put("reviewDecision", last.reviewDecision().json());
        result.put("closingComment", last.closingComment() == null ? null : last.closingComment().body());
        result.put("closingCommentUrl", last.closingComment() == null ? null : last.closingComment().url());
        return result;
    }

    @Override
    public String getStatus() {
        WatchProgress now = progress;
        if (now == null || now.beforeFirstLook()) {
            return null;
        }
        SeenPullRequest seen = now.seen();
        return Messages.Wait_Status(upstream, until, seen.state().json(), seen.reviewDecision().words(),
                now.interval().toSeconds());
    }
}
