package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Computer;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * An asynchronous step execution whose work runs on a Jenkins thread pool, never on the CPS VM thread, and may
 * ask to be looked at again later ({@link #lookAgainAfter(Duration)}) instead of sleeping. Nothing waits in a
 * thread: between two looks only a scheduled task exists, so no executor is held when the step runs outside
 * {@code node}. After a controller restart {@link #onResume()} looks again, so every {@link #look()} must be
 * safe to repeat; subclasses keep what must survive in non-transient serializable fields.
 *
 * <p>Unlike {@code SynchronousNonBlockingStepExecution}, which fails on resume, this survives a restart.
 */
abstract class BackgroundStepExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private transient volatile Future<?> task;

    protected BackgroundStepExecution(@NonNull StepContext context) {
        super(context);
    }

    @Override
    public final boolean start() throws Exception {
        prepare();
        schedule(Duration.ZERO);
        return false;
    }

    @Override
    public final void onResume() {
        schedule(Duration.ZERO);
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        Future<?> current = task;
        if (current != null) {
            current.cancel(true);
        }
        super.stop(cause);
    }

    /**
     * Runs on the CPS VM thread when the step starts: read what the step needs from the context that is cheap to
     * read (run, listener, workspace) and validate the arguments. Throwing fails the step at once.
     */
    protected void prepare() throws Exception {}

    /**
     * One look, on a pool thread. Complete the step ({@code getContext().onSuccess(...)}), throw to fail it, or
     * call {@link #lookAgainAfter(Duration)} and return.
     */
    protected abstract void look() throws Exception;

    /** Schedules the next {@link #look()}; returns at once. */
    protected final void lookAgainAfter(@NonNull Duration delay) {
        schedule(delay);
    }

    private void schedule(Duration delay) {
        task = Timer.get().schedule(() -> {
            task = Computer.threadPoolForRemoting.submit(this::lookOnce);
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void lookOnce() {
        try {
            look();
        } catch (Throwable failure) {
            getContext().onFailure(failure);
        }
    }
}
