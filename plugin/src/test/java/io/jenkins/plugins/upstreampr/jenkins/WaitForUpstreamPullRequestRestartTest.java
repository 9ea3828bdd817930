package io.jenkins.plugins.upstreampr.jenkins;

import static io.jenkins.plugins.upstreampr.github.GitHubStub.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.upstreampr.followup.UpstreamWorld;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * {@code waitForUpstreamPullRequest} goes on after a controller restart: a review submitted while the controller was
 * down is reported as new (the step kept what it had seen), and the merge ends the wait.
 */
class WaitForUpstreamPullRequestRestartTest {

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final UpstreamWorld world = new UpstreamWorld(github);

    @Test
    void theWaitGoesOnAfterARestartAndReportsWhatChangedMeanwhile() throws Throwable {
        world.review("alice", "COMMENTED", "Looking at it.", NOW.minusSeconds(600)).publish();
        sessions.then(r -> {
            GateFixture.addCredentials();
            WorkflowRun run = WaitForUpstreamPullRequestTest.job(r, github, "").scheduleBuild2(0).waitForStart();
            GateFixture.waitForLog(run, "[upstream-pr] Watching up/project#42 open");
        });
        // while the controller is down: a review, then the merge
        world.review("bob", "APPROVED", "", NOW.plusSeconds(60));
        world.state = "closed";
        world.merged = true;
        world.publish();
        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("wait", WorkflowJob.class).getBuildByNumber(1);
            assertTrue(run.isBuilding() || run.getResult() != null, "the build was resumed");

            r.assertBuildStatusSuccess(GateFixture.ended(run));
            r.assertLogContains("[upstream-pr] Watching up/project#42 again after a restart of the controller.", run);
            r.assertLogContains("[upstream-pr] bob approved on up/project#42 at 6dcb09b5b578 (the head).", run);
            r.assertLogNotContains("alice commented", run);
            r.assertLogContains("[upstream-pr] up/project#42 was merged", run);
            r.assertLogContains("wait result=merged reached=true number=42", run);
            r.assertLogNotContains(GitHubStub.TOKEN, run);
        });
    }
}
