package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.gate.Approvals;
import io.jenkins.plugins.upstreampr.gate.GateJson;
import io.jenkins.plugins.upstreampr.gate.GateRequest;
import io.jenkins.plugins.upstreampr.gate.UpstreamGate;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.PlannedWrite;
import io.jenkins.plugins.upstreampr.github.WritePlan;
import io.jenkins.plugins.upstreampr.jenkins.params.ApprovalsText;
import io.jenkins.plugins.upstreampr.jenkins.params.GateArguments;
import io.jenkins.plugins.upstreampr.jenkins.params.GateNames;
import io.jenkins.plugins.upstreampr.jenkins.params.WebLinks;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * An execution of a {@link GateStep} (the preflight or the create step): keeps the step, whose parameters are all it
 * needs to look again after a controller restart, and gives both steps the same way to the engine: the
 * {@link GateRequest} built from those parameters, the controller copy of {@code .chant/}, and the
 * {@link UpstreamGate} over GitHub with the step's credentials. The connection is kept between looks, so that looking
 * again at a pending verdict is a conditional request, and rebuilt after a restart.
 *
 * @param <S> the step
 */
abstract class GateStepExecution<S extends GateStep> extends BackgroundStepExecution {

    private static final long serialVersionUID = 1L;
    /** The run's input page: {@code InputAction}'s URL name (plugin/JENKINS-BEHAVIOUR.md, the input step). */
    static final String INPUT_PAGE = "input/";

    private final S step;
    private final String function;

    private transient GitHubConnection connection;

    GateStepExecution(@NonNull S step, @NonNull String function, @NonNull StepContext context) {
        super(context);
        this.step = step;
        this.function = function;
    }

    final S step() {
        return step;
    }

    /** The step's function name, which messages about its arguments start with. */
    final String function() {
        return function;
    }

    final GateArguments arguments() {
        return step.arguments(function);
    }

    /**
     * The engine's request.
     *
     * @throws AbortException naming the argument that is missing or malformed
     */
    final GateRequest request() throws IOException, InterruptedException {
        try {
            return arguments().toRequest().toBuilder().gateStatus(step.isGateStatus(), decisionUrl()).build();
        } catch (IllegalArgumentException e) {
            AbortException failure = new AbortException(e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    /**
     * Where a person decides, for the gate's status on GitHub ({@code target_url}): the run's input page, which lists
     * the pending inputs with their forms and is where the input step's own "Input requested" link points
     * (plugin/JENKINS-BEHAVIOUR.md, the input step). Absolute, or {@code null} without a Jenkins root URL (none
     * configured, and a pool thread is in no HTTP request): GitHub needs an absolute address, so then there is none.
     */
    private String decisionUrl() throws IOException, InterruptedException {
        if (!step.isGateStatus()) {
            return null;
        }
        Run<?, ?> run = getContext().get(Run.class);
        return run == null ? null : WebLinks.jenkinsPage(Jenkins.get().getRootUrl(), run.getUrl() + INPUT_PAGE);
    }

    /**
     * The approvals so far of a gate with several roles ({@link GateStep#getApprovers()}), read from the text a
     * previous step returned ({@link ApprovalsText}); {@code null} for the one-role gate.
     *
     * @throws AbortException when the approvers or the text are not valid, saying what to give
     */
    final Approvals approvals(String text) throws AbortException {
        if (step.getApprovers().isEmpty()) {
            return null;
        }
        try {
            return ApprovalsText.read(text, step.getApprovers());
        } catch (IllegalArgumentException e) {
            AbortException failure = new AbortException(function + ": " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    /** The engine over GitHub with the step's credentials, looked up for {@code run}'s job. */
    final UpstreamGate engine(@NonNull Run<?, ?> run) throws AbortException {
        return new UpstreamGate(session(run), Clock.systemDefaultZone());
    }

    /**
     * The engine for one dry run ({@link GateStep#isDryRun()}): reads as usual, every write gathered in
     * {@code plan} instead of sent.
     */
    final UpstreamGate dryEngine(@NonNull Run<?, ?> run, @NonNull WritePlan plan) throws AbortException {
        return new UpstreamGate(session(run).dryRun(plan), Clock.systemDefaultZone());
    }

    /**
     * Logs each write a dry run would have sent and returns them for the step's result, as the engine's plain maps
     * {@code [method:, path:, body:, note:]} ({@link GateJson#plannedWrites}: CPS-safe, readable from a sandboxed
     * Jenkinsfile).
     */
    static List<Map<String, Object>> plannedWrites(List<PlannedWrite> writes, TaskListener listener) {
        logPlannedWrites(writes, listener);
        return GateJson.plannedWrites(writes);
    }

    /** Logs each write a dry run would have sent, with what a placeholder in its path stands for. */
    static void logPlannedWrites(List<PlannedWrite> writes, TaskListener listener) {
        for (PlannedWrite write : writes) {
            listener.getLogger().println(Messages.DryRun_Write(write.method(), write.path(), write.body()));
            if (write.hasPlaceholder()) {
                listener.getLogger().println(Messages.DryRun_Note(write.note()));
            }
        }
    }

    /** The GitHub session with the step's credentials, looked up for {@code run}'s job; kept between looks. */
    final GitHubSession session(@NonNull Run<?, ?> run) throws AbortException {
        if (connection == null) {
            connection = GitHubConnection.open(run, step.getApiUri(), step.getCredentialsId(),
                    arguments().upstreamOwner());
        }
        return connection.session();
    }

    /** What a failure of the engine's GitHub calls (after {@link #engine}) means for the user, as a step failure. */
    final Exception explain(@NonNull RuntimeException failure) {
        return connection.explain(failure, step.getUpstream());
    }

    /**
     * The names of this gate's artifacts and pages in the build, from its id.
     *
     * @throws AbortException naming the id when the input step would refuse it
     */
    final GateNames names() throws AbortException {
        try {
            return new GateNames(step.getId());
        } catch (IllegalArgumentException e) {
            throw new AbortException(function + ": " + e.getMessage());
        }
    }

    /**
     * The specs on the controller: the copy of {@code .chant/} named {@code copy} that a step of the run took, or the
     * newest one for the step's spec when there is no such copy ({@link ControllerChantCopy#named}).
     */
    final ChantTree controllerChant(@NonNull Run<?, ?> run, String copy) throws IOException {
        return ChantSpecs.read(ControllerChantCopy.named(run, copy, step.getSpec()).repositoryRoot());
    }
}
