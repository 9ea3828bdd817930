package io.jenkins.plugins.upstreampr.jenkins;

import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.upstreampr.followup.UpstreamWorld;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Aborting a build whose {@code waitForUpstreamPullRequest} is in the middle of a look ends the polling: the look is
 * interrupted, reports nothing, and no further look is scheduled or sent, counted at the WireMock GitHub.
 */
@WithJenkins
class WaitForUpstreamPullRequestAbortTest {

    /** Longer than any wait the step could schedule here (timeoutMinutes: 1 bounds them to the minute's rest). */
    private static final long LONGER_THAN_ANY_NEXT_LOOK_MILLIS = 45_000;

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final UpstreamWorld world = new UpstreamWorld(github);
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        GateFixture.addCredentials();
    }

    @Test
    void anAbortDuringALookStopsThePollingAndNothingIsAskedOfGitHubAfterIt() throws Exception {
        world.publish();
        WorkflowRun run = WaitForUpstreamPullRequestTest.job(r, github, ", timeoutMinutes: 1").scheduleBuild2(0)
                .waitForStart();
        GateFixture.waitForLog(run, "[upstream-pr] Watching up/project#42 open");
        int afterFirstLook = world.received();
        // GitHub turns slow: the next look (30 s after the first) waits 20 s for each answer
        world.answerDelayMillis = 20_000;
        world.publish();
        await(() -> world.received() > afterFirstLook, "the second look to ask GitHub");

        run.doStop();

        r.assertBuildStatus(Result.ABORTED, GateFixture.ended(run));
        int afterAbort = world.received();
        Thread.sleep(LONGER_THAN_ANY_NEXT_LOOK_MILLIS);
        List<String> requests = github.requests();
        assertEquals(afterAbort, requests.size(), "requests after the abort: "
                + requests.subList(Math.min(afterAbort, requests.size()), requests.size()));
        r.assertLogNotContains("A look at up/project#42 failed", run);
        r.assertLogNotContains("Stopped watching", run);
        assertTrue(afterAbort - afterFirstLook <= 1, "the interrupted look sent nothing after its slow request");
    }

    /** Waits until {@code condition} holds, for at most {@link GateFixture#PATIENCE}. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + GateFixture.PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
