package io.jenkins.plugins.upstreampr.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reads on the shared pool stop with the thread that waits for them: a Jenkins step aborted during a look interrupts
 * its look thread, never the pool's threads, and a read still to be sent must then not go out.
 */
class InParallelTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aReadQueuedBehindASlowOneIsNotSentOnceTheWaitingThreadIsInterrupted() {
        CompletableFuture<String> slow = new CompletableFuture<>();
        AtomicBoolean sent = new AtomicBoolean();
        CompletableFuture<String> next = GitHubSession.thenInParallel(slow, pr -> {
            sent.set(true);
            return pr + " checks";
        });

        Thread.currentThread().interrupt(); // the abort, while the slow read is still out
        slow.complete("pull request");

        assertThatThrownBy(next::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(GitHubException.class).hasMessageContaining("Interrupted");
        assertThat(sent).isFalse();
    }

    @Test
    void aReadNotStartedWhenItsThreadIsInterruptedIsNotSent() {
        AtomicBoolean sent = new AtomicBoolean();
        Thread.currentThread().interrupt();

        CompletableFuture<String> read = GitHubSession.inParallel(() -> {
            sent.set(true);
            return "status";
        });

        assertThatThrownBy(read::join).cause().isInstanceOf(GitHubException.class);
        assertThat(sent).isFalse();
    }

    @Test
    void withoutAnInterruptionTheReadsRunOnThePoolInTurn() {
        CompletableFuture<String> first = GitHubSession.inParallel(() -> Thread.currentThread().getName());
        CompletableFuture<String> second = GitHubSession.thenInParallel(first, name -> name + " then checks");

        assertThat(second.join()).startsWith("upstream-pr-github-").endsWith(" then checks");
    }
}
