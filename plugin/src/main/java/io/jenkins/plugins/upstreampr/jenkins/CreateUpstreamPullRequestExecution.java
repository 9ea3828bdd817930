package io.jenkins.plugins.upstreampr.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.upstreampr.gate.GateArtifacts;
import io.jenkins.plugins.upstreampr.gate.GateDecision;
import io.jenkins.plugins.upstreampr.gate.GateOverride;
import io.jenkins.plugins.upstreampr.gate.GateRecord;
import io.jenkins.plugins.upstreampr.jenkins.params.StepArguments;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@link CreateUpstreamPullRequestStep} on a pool thread. The decision is validated by the engine
 * ({@link GateDecision}) when the step starts; the creation is idempotent in the engine, so a look repeated after a
 * restart finds the pull request it opened instead of opening another.
 */
final class CreateUpstreamPullRequestExecution extends BackgroundStepExecution {

    private static final long serialVersionUID = 1L;

    private final String upstream;
    private final String head;
    private final String credentialsId;
    private final String apiUri;
    private final String base;
    private final String title;
    private final String body;
    private final boolean draft;
    private final String decision;
    private final String reason;
    private final String approver;
    private final String overrides;
    private final String staging;
    private final String expectedSha;
    private final String spec;

    /** When the decision was taken: the step's start, kept across a restart. */
    private long decidedAtMillis;

    CreateUpstreamPullRequestExecution(CreateUpstreamPullRequestStep step, StepContext context) {
        super(context);
        this.upstream = step.getUpstream();
        this.head = step.getHead();
        this.credentialsId = step.getCredentialsId();
        this.apiUri = step.getApiUri();
        this.base = step.getBase();
        this.title = step.getTitle();
        this.body = step.getBody();
        this.draft = step.isDraft();
        this.decision = step.getDecision();
        this.reason = step.getReason();
        this.approver = step.getApprover();
        this.overrides = step.getOverrides();
        this.staging = step.getStaging();
        this.expectedSha = step.getExpectedSha();
        this.spec = step.getSpec();
    }

    @Override
    protected void prepare() throws Exception {
        decidedAtMillis = System.currentTimeMillis();
        gateDecision();
        if (upstream == null || upstream.isBlank() || head == null || head.isBlank()) {
            throw new AbortException(Messages.Step_MissingArgument("upstream, head", "createUpstreamPullRequest"));
        }
    }

    @Override
    protected void look() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        GateDecision gate = gateDecision();
        GateRecord.Upstream opened = null;
        if (gate.approved()) {
            try (GitHubConnection connection =
                    GitHubConnection.open(run, apiUri, credentialsId, GateFormFields.ownerOf(upstream))) {
                try {
                    opened = openPullRequest(connection, gate);
                } catch (Exception e) {
                    throw connection.explain(e, upstream);
                }
            }
        }
        archive(run, listener, gate, opened);
        run.replaceAction(new UpstreamPullRequestAction(upstream, opened == null || opened.number() == null ? 0
                : opened.number(), opened == null ? null : opened.url(), opened != null && Boolean.TRUE.equals(
                        opened.created()), gate.outcome().name().toLowerCase(java.util.Locale.ROOT),
                gate.decidedBy(), gate.reason()));
        switch (gate.outcome()) {
            case REJECT -> throw new AbortException(Messages.Create_Rejected(upstream, who(gate), gate.reason()));
            case DEFER -> listener.getLogger().println(Messages.Create_Deferred(upstream, who(gate), gate.reason()));
            default -> listener.getLogger().println(Boolean.TRUE.equals(opened.created())
                    ? Messages.Create_Opened(opened.url())
                    : Messages.Create_Existing(opened.url()));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("number", opened == null ? null : opened.number());
        result.put("url", opened == null ? null : opened.url());
        result.put("created", opened != null && Boolean.TRUE.equals(opened.created()));
        result.put("decision", gate.outcome().name().toLowerCase(java.util.Locale.ROOT));
        getContext().onSuccess(result);
    }

    private GateDecision gateDecision() throws AbortException {
        try {
            List<GateOverride> overridden = StepArguments.overrides(overrides, reason);
            return new GateDecision(GateDecision.Outcome.parse(decision), title, body, draft, reason,
                    approver.isEmpty() ? null : approver, Instant.ofEpochMilli(decidedAtMillis), overridden);
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    private static String who(GateDecision gate) {
        return gate.decidedBy() == null ? Messages.Create_Unknown() : gate.decidedBy();
    }

    /**
     * Re-checks the staging head against {@code expectedSha} and opens the pull request idempotently.
     *
     * <p>CORE(pending): {@code StagingCheck.confirm(verdict)} (redo the verdict when the head moved) and the
     * engine's idempotent creation (head {@code forkOwner:branch} into {@code upstream:base}, existing open pull
     * request returned with {@code created=false}, 422 races resolved) live in
     * {@code io.jenkins.plugins.upstreampr.github}, which is not in main yet.
     */
    private GateRecord.Upstream openPullRequest(GitHubConnection connection, GateDecision gate)
            throws AbortException {
        throw new AbortException(Messages.Engine_NotMerged("upstream pull request creation (io.jenkins.plugins.upstreampr.github)"));
    }

    /** Writes the gate record (and the trail's specs, when {@code spec} is given) and archives them. */
    private void archive(Run<?, ?> run, TaskListener listener, GateDecision gate, GateRecord.Upstream opened)
            throws Exception {
        UpstreamProposalAction proposal = run.getAction(UpstreamProposalAction.class);
        List<GateRecord.Check> checks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String verdict = null;
        if (proposal != null) {
            for (UpstreamProposalAction.Check check : proposal.getChecks()) {
                checks.add(new GateRecord.Check(check.getName(), check.getState(), check.getUrl()));
            }
            warnings.addAll(proposal.getWarnings());
            verdict = proposal.getVerdict();
        }
        GateRecord.Staging stagingRecord = new GateRecord.Staging(staging, expectedSha, verdict, checks);
        List<String> trailFiles = new ArrayList<>();
        List<GateRecord.SpecEntry> specs = new ArrayList<>();
        Path repositoryRoot = null;
        if (!spec.isEmpty()) {
            repositoryRoot = ControllerChantCopy.existing(run).repositoryRoot();
            // CORE(pending): the trail of `spec` (chant package) gives trailFiles and specs; not in main yet.
            throw new AbortException(Messages.Engine_NotMerged("specs trail (io.jenkins.plugins.upstreampr.chant)"));
        }
        GateRecord record = GateRecord.of(gate, stagingRecord, opened, warnings, specs);
        Path outbox = run.getRootDir().toPath().resolve("upstream-pr-outbox");
        Map<String, String> artifacts = GateArtifacts.write(outbox, record, gate.title(), gate.body(),
                repositoryRoot == null ? outbox : repositoryRoot, trailFiles);
        RunArtifacts.archive(run, listener, outbox, artifacts);
    }
}
