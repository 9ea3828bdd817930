package io.jenkins.plugins.upstreampr.github;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reads one caller makes in parallel on the {@link GitHubSession#parallel()} pool and then waits for (a watch's
 * look, a staging check, a preflight). The caller waits with {@link #join}, which an interruption ends at once (a
 * Jenkins step aborted during a look): every read of the group not sent yet is then cancelled and sends nothing.
 * {@code CompletableFuture.join()} would neither end on an interruption nor stop a read queued behind a slow one,
 * and the pool's threads are never the ones interrupted. Reads already on the wire finish; nothing follows them.
 */
public final class ParallelReads {

    private final List<CompletableFuture<?>> reads = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    /** Starts {@code read} on the pool. */
    public <T> CompletableFuture<T> start(Supplier<T> read) {
        return track(CompletableFuture.supplyAsync(() -> {
            unlessCancelled();
            return read.get();
        }, GitHubSession.parallel()));
    }

    /** Once {@code first} is done, runs {@code next} on its result on the pool. */
    public <A, B> CompletableFuture<B> then(CompletableFuture<A> first, Function<A, B> next) {
        return track(first.thenApplyAsync(a -> {
            unlessCancelled();
            return next.apply(a);
        }, GitHubSession.parallel()));
    }

    /**
     * The result of {@code read}, waiting for it; its own failure is thrown as it is.
     *
     * @throws GitHubException when the waiting thread is interrupted: the group's reads not sent yet are cancelled
     *     and the thread's interrupt status is kept
     */
    public <T> T join(CompletableFuture<T> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw interrupted(e);
        } catch (CancellationException e) {
            throw interrupted(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        }
    }

    private void cancel() {
        cancelled = true;
        for (CompletableFuture<?> read : reads) {
            read.cancel(true);
        }
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> read) {
        reads.add(read);
        if (cancelled) {
            read.cancel(true);
        }
        return read;
    }

    private void unlessCancelled() {
        if (cancelled) {
            throw interrupted(new InterruptedException());
        }
    }

    private static GitHubException interrupted(Exception cause) {
        InterruptedException interruption = cause instanceof InterruptedException i ? i : new InterruptedException();
        return GitHubFailures.interruption("Interrupted: the reads still to be sent to GitHub were not sent.",
                interruption);
    }
}
