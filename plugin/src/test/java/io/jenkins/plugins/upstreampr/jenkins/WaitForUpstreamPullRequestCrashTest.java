package io.jenkins.plugins.upstreampr.jenkins;

import static io.jenkins.plugins.upstreampr.github.GitHubStub.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.upstreampr.followup.UpstreamWorld;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * {@code waitForUpstreamPullRequest} saves its progress as soon as a look changes it, not only at an orderly
 * shutdown. A crash is simulated: the build's {@code program.dat} (where Pipeline keeps the step's state) is copied
 * the moment the first look is in the log, and put back after the session's orderly shutdown has saved it again, so
 * the second session starts from what a controller killed at that moment would have found on disk.
 */
class WaitForUpstreamPullRequestCrashTest {

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @TempDir
    Path saved;

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final UpstreamWorld world = new UpstreamWorld(github);
    private Path program;

    @Test
    void afterACrashTheWaitGoesOnFromItsLastReportedLookAndReportsNothingTwice() throws Throwable {
        world.review("alice", "COMMENTED", "Looking at it.", NOW.minusSeconds(600)).publish();
        sessions.then(r -> {
            GateFixture.addCredentials();
            WorkflowRun run = WaitForUpstreamPullRequestTest.job(r, github, "").scheduleBuild2(0).waitForStart();
            GateFixture.waitForLog(run, "[upstream-pr] Watching up/project#42 open");
            // the crash: what is on disk now is all the next controller gets
            program = run.getRootDir().toPath().resolve("program.dat");
            Files.copy(program, saved.resolve("program.dat"));
        });
        Files.copy(saved.resolve("program.dat"), program, StandardCopyOption.REPLACE_EXISTING);
        // while the controller is down: a review, then the merge
        world.review("bob", "APPROVED", "", NOW.plusSeconds(60));
        world.state = "closed";
        world.merged = true;
        world.publish();
        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("wait", WorkflowJob.class).getBuildByNumber(1);

            r.assertBuildStatusSuccess(GateFixture.ended(run));
            String log = JenkinsRule.getLog(run);
            r.assertLogContains("[upstream-pr] Watching up/project#42 again after a restart of the controller.", run);
            r.assertLogContains("[upstream-pr] bob approved on up/project#42 at 6dcb09b5b578 (the head).", run);
            assertEquals(1, occurrences(log, "[upstream-pr] Watching up/project#42 open"), log);
            r.assertLogNotContains("[upstream-pr] Watching up/project#42 merged", run);
            r.assertLogNotContains("alice commented", run);
            r.assertLogContains("wait result=merged reached=true number=42", run);
            r.assertLogNotContains(GitHubStub.TOKEN, run);
        });
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
