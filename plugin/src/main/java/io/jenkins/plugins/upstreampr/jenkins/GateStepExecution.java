package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.gate.GateRequest;
import io.jenkins.plugins.upstreampr.gate.UpstreamGate;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.jenkins.params.GateArguments;
import io.jenkins.plugins.upstreampr.jenkins.params.GateNames;
import java.io.IOException;
import java.time.Clock;
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
    final GateRequest request() throws AbortException {
        try {
            return arguments().toRequest();
        } catch (IllegalArgumentException e) {
            AbortException failure = new AbortException(e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    /** The engine over GitHub with the step's credentials, looked up for {@code run}'s job. */
    final UpstreamGate engine(@NonNull Run<?, ?> run) throws AbortException {
        return new UpstreamGate(session(run), Clock.systemDefaultZone());
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
