package io.jenkins.plugins.upstreampr.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An interrupted thread sends nothing to GitHub: this is what makes an aborted Jenkins step, whose look is
 * interrupted, stop asking GitHub at once (java.net.http would hand the request to its own threads first).
 */
class JdkHttpConnectorInterruptTest {

    @RegisterExtension
    final GitHubStub github = new GitHubStub();

    /** Clears the test's interrupt before the stand-in is checked and stopped. */
    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anInterruptedThreadSendsNoRequestAndStaysInterrupted() {
        github.stubGreenStaging();
        GitHubSession session = github.session();

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> new StagingCheck(session).readHead(PullRequestRef.parse("octo/fork#7")))
                .isInstanceOf(GitHubException.class)
                .satisfies(e -> assertThat(((GitHubException) e).kind()).isEqualTo(GitHubException.Kind.UNREACHABLE));

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(github.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void theSameSessionSendsAgainOnceTheInterruptionIsCleared() {
        github.stubGreenStaging();
        GitHubSession session = github.session();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> new StagingCheck(session).readHead(PullRequestRef.parse("octo/fork#7")))
                .isInstanceOf(GitHubException.class);

        Thread.interrupted();
        StagingCheck.HeadCommit head = new StagingCheck(session).readHead(PullRequestRef.parse("octo/fork#7"));

        assertThat(head.sha()).isEqualTo(GitHubStub.SHA_A);
        assertThat(github.server.getAllServeEvents()).hasSize(1);
    }
}
