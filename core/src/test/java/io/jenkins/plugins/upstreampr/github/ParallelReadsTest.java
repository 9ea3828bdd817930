package io.jenkins.plugins.upstreampr.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A caller's parallel reads stop with its waiting: a Jenkins step aborted during a look interrupts the look's thread,
 * never the pool's threads, and a read still to be sent must then not go out.
 */
class ParallelReadsTest {

    @Test
    void anInterruptionWhileWaitingEndsTheWaitAtOnceAndAReadQueuedBehindTheSlowOneIsNeverSent() throws Exception {
        CompletableFuture<String> slow = new CompletableFuture<>(); // a request still on the wire
        AtomicBoolean sent = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        CountDownLatch waiting = new CountDownLatch(1);
        ParallelReads reads = new ParallelReads();
        Thread look = new Thread(() -> {
            CompletableFuture<String> pr = reads.start(slow::join);
            CompletableFuture<String> checks = reads.then(pr, p -> {
                sent.set(true);
                return p + " checks";
            });
            waiting.countDown();
            try {
                reads.join(checks);
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        look.start();
        waiting.await(10, TimeUnit.SECONDS);

        look.interrupt(); // the abort
        look.join(10_000);
        slow.complete("pull request"); // the slow answer comes after the abort

        assertThat(look.isAlive()).as("the wait ended without the slow answer").isFalse();
        assertThat(thrown.get()).isInstanceOf(GitHubException.class).hasMessageContaining("Interrupted");
        assertThat(stillInterrupted).as("the interrupt status is kept").isTrue();
        Thread.sleep(200); // would the queued read run now that its predecessor is done?
        assertThat(sent).as("the read behind the slow one").isFalse();
    }

    @Test
    void aFailingReadIsThrownAsItIs() {
        ParallelReads reads = new ParallelReads();
        GitHubException failure = GitHubException.unexpected(500, "boom");

        CompletableFuture<String> read = reads.start(() -> {
            throw failure;
        });
        CompletableFuture<String> next = reads.then(read, r -> r + " again");

        assertThatThrownBy(() -> reads.join(read)).isSameAs(failure);
        assertThatThrownBy(() -> reads.join(next)).isSameAs(failure);
    }

    @Test
    void withoutAnInterruptionTheReadsRunOnThePoolInTurn() {
        ParallelReads reads = new ParallelReads();
        CompletableFuture<String> first = reads.start(() -> Thread.currentThread().getName());
        CompletableFuture<String> second = reads.then(first, name -> name + " then checks");

        assertThat(reads.join(second)).startsWith("upstream-pr-github-").endsWith(" then checks");
    }
}
