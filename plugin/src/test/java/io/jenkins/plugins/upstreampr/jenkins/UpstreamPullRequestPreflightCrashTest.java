package io.jenkins.plugins.upstreampr.jenkins;

import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.SPEC;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
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
 * The preflight saves how many times it found the staging CI pending as soon as that changes: after a simulated crash
 * (the build's {@code program.dat} as it was on disk when the first pending look was reported, put back after the
 * orderly shutdown), it goes on with the next, longer delay instead of starting its back-off again.
 */
class UpstreamPullRequestPreflightCrashTest {

    private static final String FIRST_PENDING = "Staging CI of octo/fork#7 is still running at " + GitHubStub.SHA_A;

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @TempDir
    Path saved;

    @RegisterExtension
    final GateFixture fixture = new GateFixture();
    private Path program;

    @Test
    void afterACrashThePendingWaitGoesOnWithItsBackOffInsteadOfStartingAgain() throws Throwable {
        fixture.stubStaging(GitHubStub.SHA_A, "\"pr-a\"");
        fixture.stubChecks(GitHubStub.SHA_A, "ci=success", "build=in_progress");
        sessions.then(r -> {
            GateFixture.addCredentials();
            WorkflowJob job = GateFixture.job(r, "gate", "upstreamPullRequestPreflight(credentialsId: '" + TOKEN_ID
                    + "', apiUri: '" + fixture.github.apiUrl() + "', upstream: 'upstream/project',"
                    + " head: 'octo:fix/issue-1234', staging: 'octo/fork#7', spec: '" + SPEC + "', waitMinutes: 5)\n");
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            GateFixture.waitForLog(run, "looking again in 15 s.");
            // the crash: what is on disk now is all the next controller gets
            program = run.getRootDir().toPath().resolve("program.dat");
            Files.copy(program, saved.resolve("program.dat"));
        });
        Files.copy(saved.resolve("program.dat"), program, StandardCopyOption.REPLACE_EXISTING);
        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("gate", WorkflowJob.class).getBuildByNumber(1);
            GateFixture.waitForLog(run, "looking again in 30 s.");

            String log = JenkinsRule.getLog(run);
            assertEquals(1, log.split("looking again in 15 s\\.", -1).length - 1, log);
            assertEquals(2, log.split(FIRST_PENDING, -1).length - 1, log);
            run.doStop();
            r.assertBuildStatus(Result.ABORTED, GateFixture.ended(run));
            r.assertLogNotContains(GitHubStub.TOKEN, run);
        });
    }
}
