package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.upstreampr.jenkins.params.PendingWait;
import io.jenkins.plugins.upstreampr.jenkins.params.StepArguments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@link UpstreamPullRequestPreflightStep}: copies {@code .chant/} to the controller once, then looks at the
 * staging verdict; while it is PENDING it schedules the next look (see {@link PendingWait}) until the deadline,
 * which is stored as an absolute time so that a restarted controller keeps the same bound.
 */
final class UpstreamPullRequestPreflightExecution extends BackgroundStepExecution {

    private static final long serialVersionUID = 1L;

    private final String upstream;
    private final String head;
    private final String staging;
    private final String spec;
    private final String credentialsId;
    private final String apiUri;
    private final String base;
    private final List<String> requiredChecks;
    private final boolean allowNoChecks;
    private final int waitMinutes;
    private final String dir;
    private final boolean draft;

    private long deadlineMillis;
    private int looks;
    private boolean copied;

    UpstreamPullRequestPreflightExecution(UpstreamPullRequestPreflightStep step, StepContext context) {
        super(context);
        this.upstream = step.getUpstream();
        this.head = step.getHead();
        this.staging = step.getStaging();
        this.spec = step.getSpec();
        this.credentialsId = step.getCredentialsId();
        this.apiUri = step.getApiUri();
        this.base = step.getBase();
        this.requiredChecks = StepArguments.list(step.getRequiredChecks());
        this.allowNoChecks = step.isAllowNoChecks();
        this.waitMinutes = step.getWaitMinutes();
        this.dir = step.getDir();
        this.draft = step.isDraft();
    }

    @Override
    protected void prepare() throws Exception {
        PendingWait wait;
        try {
            wait = PendingWait.ofMinutes(waitMinutes);
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        for (String[] argument : new String[][] {{"upstream", upstream}, {"head", head}, {"staging", staging},
                {"spec", spec}}) {
            if (argument[1] == null || argument[1].isBlank()) {
                throw new AbortException(Messages.Step_MissingArgument(argument[0], "upstreamPullRequestPreflight"));
            }
        }
        deadlineMillis = wait.deadline(Instant.now()).toEpochMilli();
    }

    @Override
    protected void look() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        if (!copied) {
            FilePath workspace = getContext().get(FilePath.class);
            if (workspace != null) {
                ControllerChantCopy.refresh(run, workspace, dir, listener);
            } else {
                ControllerChantCopy.existing(run);
            }
            copied = true;
        }
        ControllerChantCopy copy = ControllerChantCopy.existing(run);
        try (GitHubConnection connection =
                GitHubConnection.open(run, apiUri, credentialsId, GateFormFields.ownerOf(upstream))) {
            StagingLook verdict;
            try {
                verdict = lookAtStaging(connection);
            } catch (Exception e) {
                throw connection.explain(e, staging);
            }
            switch (verdict.verdict()) {
                case "green" -> succeed(run, listener, copy, verdict);
                case "pending" -> waitOrFail(listener, verdict);
                case "none" -> {
                    if (allowNoChecks) {
                        succeed(run, listener, copy, verdict);
                    } else {
                        throw new AbortException(Messages.Preflight_NoChecks(staging, verdict.sha()));
                    }
                }
                default -> throw new AbortException(Messages.Preflight_Red(staging, verdict.sha(),
                        verdict.failing().stream().map(StagingLook::describe).collect(Collectors.joining("; "))));
            }
        }
    }

    @Override
    public String getStatus() {
        long left = deadlineMillis - System.currentTimeMillis();
        return looks == 0 ? null : Messages.Preflight_Status(staging, looks, Math.max(0, left / 60_000));
    }

    private void waitOrFail(TaskListener listener, StagingLook verdict) throws AbortException {
        Instant now = Instant.now();
        Instant deadline = Instant.ofEpochMilli(deadlineMillis);
        Duration delay = PendingWait.ofMinutes(waitMinutes).delayBefore(looks, now, deadline);
        String pending = verdict.pending().stream().map(StagingLook::describe).collect(Collectors.joining("; "));
        if (delay.isZero()) {
            throw new AbortException(Messages.Preflight_StillPending(staging, waitMinutes, pending));
        }
        looks++;
        listener.getLogger().println(Messages.Preflight_Pending(staging, verdict.sha(), pending, delay.toSeconds()));
        lookAgainAfter(delay);
    }

    private void succeed(Run<?, ?> run, TaskListener listener, ControllerChantCopy copy, StagingLook verdict)
            throws Exception {
        UpstreamProposalAction proposal = propose(copy, verdict);
        run.replaceAction(proposal);
        listener.getLogger().println(Messages.Preflight_Green(staging, verdict.sha(), proposal.getTitle()));
        for (String warning : proposal.getWarnings()) {
            listener.getLogger().println(Messages.Preflight_Warning(warning));
        }
        Map<String, Object> result = proposal.toStepResult();
        result.put("prompt", Messages.Prompt_Message(upstream, head, staging, verdict.verdict(), verdict.sha(),
                proposal.getUncheckedCriteria().size(), proposal.getWarnings().size(),
                run.getUrl() + UpstreamProposalAction.URL_NAME + "/"));
        result.put("create", createArguments(verdict.sha()));
        getContext().onSuccess(result);
    }

    /** The arguments {@code createUpstreamPullRequest} needs, for the one-liner to pass on after the prompt. */
    private Map<String, Object> createArguments(String sha) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("upstream", upstream);
        create.put("head", head);
        create.put("staging", staging);
        create.put("spec", spec);
        create.put("expectedSha", sha);
        create.put("credentialsId", credentialsId);
        create.put("apiUri", apiUri);
        create.put("base", base);
        create.put("requiredChecks", String.join(",", requiredChecks));
        create.put("allowNoChecks", allowNoChecks);
        create.put("draft", draft);
        return create;
    }

    /**
     * The staging verdict, read through the engine.
     *
     * <p>CORE(pending): {@code new io.jenkins.plugins.upstreampr.github.StagingCheck(session).check(
     * PullRequestRef.parse(staging), new StagingPolicy(new RequiredChecks(requiredChecks), allowNoChecks))}
     * returning a {@code StagingVerdict}; its {@code verdict().json()}, {@code sha()} and {@code checks()}
     * (name, state, url) map onto {@link StagingLook}. The engine's GitHub package is not in main yet.
     */
    private StagingLook lookAtStaging(GitHubConnection connection) throws AbortException {
        throw new AbortException(Messages.Engine_NotMerged("staging verdict (io.jenkins.plugins.upstreampr.github)"));
    }

    /**
     * The proposal from the specs trail of {@code spec}: title, body, changed files, trail with criteria, timing
     * warnings.
     *
     * <p>CORE(pending): the trail ({@code io.jenkins.plugins.upstreampr.chant}: resolve {@code spec}, walk
     * depends_on / driver-member groups / informed_by), the body ({@code io.jenkins.plugins.upstreampr.body}) and
     * the timing guard are not in main yet. Reading the tree and resolving the spec ID are: a tree that cannot be
     * read or an unknown or ambiguous ID fails here with the engine's message, before anyone is asked.
     */
    private UpstreamProposalAction propose(ControllerChantCopy copy, StagingLook verdict) throws AbortException {
        ChantSpecs.resolve(copy, spec);
        throw new AbortException(Messages.Engine_NotMerged("specs trail and pull request body (chant, body)"));
    }

    /**
     * The staging verdict as this step reports it: the engine's verdict in its JSON spelling (green, pending,
     * red, none), the head SHA it is bound to and each check.
     */
    record StagingLook(String verdict, String sha, List<UpstreamProposalAction.Check> checks) {

        List<UpstreamProposalAction.Check> failing() {
            return withState("failure", "missing");
        }

        List<UpstreamProposalAction.Check> pending() {
            return withState("pending", "missing");
        }

        private List<UpstreamProposalAction.Check> withState(String... states) {
            List<UpstreamProposalAction.Check> matching = new ArrayList<>();
            for (UpstreamProposalAction.Check check : checks) {
                if (List.of(states).contains(check.getState())) {
                    matching.add(check);
                }
            }
            return matching;
        }

        static String describe(@NonNull UpstreamProposalAction.Check check) {
            return check.getName() + " " + check.getState() + (check.getUrl() == null ? "" : " " + check.getUrl());
        }
    }
}
