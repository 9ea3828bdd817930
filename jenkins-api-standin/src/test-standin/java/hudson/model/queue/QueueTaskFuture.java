package hudson.model.queue;

import hudson.model.Queue.Executable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Stand-in of {@code hudson.model.queue.QueueTaskFuture} (jenkins core): a scheduled build. */
public interface QueueTaskFuture<R extends Executable> extends Future<R> {
    R waitForStart() throws InterruptedException, ExecutionException;
}
