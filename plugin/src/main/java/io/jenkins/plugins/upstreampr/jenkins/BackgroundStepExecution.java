package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Computer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * An asynchronous step execution whose work runs on a Jenkins thread pool, never on the CPS VM thread, and may
 * ask to be looked at again later ({@link #lookAgainAfter(Duration)}) instead of sleeping. Nothing waits in a
 * thread: between two looks only a scheduled task exists, so no executor is held when the step runs outside
 * {@code node}. After a controller restart {@link #onResume()} looks again, so every {@link #look()} must be
 * safe to repeat; subclasses keep what must survive in non-transient serializable fields and write it to disk with
 * {@link #saveState()} each time it changes on a pool thread (Pipeline saves the program on its own only when the
 * CPS VM thread runs, and at an orderly shutdown).
 *
 * <p>Abort ({@link #stop}) ends the polling for good: after it, no look is scheduled, started or reported, whichever
 * of the three places a look can be at that moment: scheduled on the timer (cancelled), handed from the timer to the
 * pool (the hand-over sees the flag and drops it), or running (interrupted, so that the engine's HTTP connector sends
 * nothing more, and whatever it asks for next is refused). A resume after a stop does nothing either.
 *
 * <p>Unlike {@code SynchronousNonBlockingStepExecution}, which fails on resume, this survives a restart.
 */
abstract class BackgroundStepExecution extends StepExecution {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(BackgroundStepExecution.class.getName());

    /** How long a look waits for its state to reach the disk before it goes on without (a busy CPS VM thread). */
    private static final long SAVE_TIMEOUT_SECONDS = 60;

    /**
     * Set once by {@link #stop}; read by every hand-over of a look. Not transient, so that an execution whose stop
     * was saved never looks again after it is loaded.
     */
    private volatile boolean stopped;

    /** The timer task or the pool task of the next or current look; guarded by {@code this}. */
    private transient Future<?> task;

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

    /**
     * Runs on the CPS VM thread, so it takes the lock only for as long as it takes to set the flag and cancel the
     * task; it never waits for a look to end.
     */
    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        synchronized (this) {
            stopped = true;
            if (task != null) {
                task.cancel(true);
                task = null;
            }
        }
        super.stop(cause);
    }

    /**
     * Runs on the CPS VM thread when the step starts: read what the step needs from the context that is cheap to
     * read (run, listener, workspace) and validate the arguments. Throwing fails the step at once. What it sets is
     * saved with the program when the CPS VM thread's turn ends.
     */
    protected void prepare() throws Exception {}

    /**
     * One look, on a pool thread. Complete the step ({@code getContext().onSuccess(...)}), throw to fail it, or
     * call {@link #lookAgainAfter(Duration)} and return. A look that finds {@link #isStopped()} true after a long
     * call returns without reporting anything.
     */
    protected abstract void look() throws Exception;

    /** Schedules the next {@link #look()}; returns at once. Does nothing once the step was stopped. */
    protected final void lookAgainAfter(@NonNull Duration delay) {
        schedule(delay);
    }

    /** Whether the step was stopped (aborted): a look in progress then reports nothing and schedules nothing. */
    protected final boolean isStopped() {
        return stopped;
    }

    /**
     * Writes this execution's state to disk ({@link StepContext#saveState()}: the program that holds it is saved on
     * the CPS VM thread) and waits for it, so that what a look reports afterwards is never reported again after a
     * crash. Call it on the pool thread after changing a field that must survive, before reporting the change. A
     * save that fails or takes longer than a minute is logged and the step goes on: the state is still right in
     * memory, and the worst a crash can then do is repeat the last look.
     */
    protected final void saveState() {
        if (stopped) {
            return;
        }
        try {
            getContext().saveState().get(SAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not save the state of " + getClass().getSimpleName()
                    + "; after a crash its last look may be repeated", e);
        }
    }

    private synchronized void schedule(Duration delay) {
        if (stopped) {
            return;
        }
        task = Timer.get().schedule(this::handOver, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** On the timer thread: passes the look to the pool (the timer's few threads must not do I/O). */
    private synchronized void handOver() {
        if (stopped) {
            return;
        }
        task = Computer.threadPoolForRemoting.submit(this::lookOnce);
    }

    private void lookOnce() {
        if (stopped) {
            return;
        }
        try {
            look();
        } catch (Throwable failure) {
            if (!stopped) {
                getContext().onFailure(failure);
            }
        }
    }
}
