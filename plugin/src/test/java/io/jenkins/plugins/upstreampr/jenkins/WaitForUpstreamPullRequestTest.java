package io.jenkins.plugins.upstreampr.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.NOW;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.upstreampr.followup.UpstreamWorld;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code waitForUpstreamPullRequest} in a real Jenkins against a WireMock GitHub ({@link UpstreamWorld} from the
 * engine's tests: upstream pull request {@code up/project#42}, answering conditional requests; every request checked
 * against GitHub's OpenAPI description). The step runs outside {@code node}.
 */
@WithJenkins
class WaitForUpstreamPullRequestTest {

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final UpstreamWorld world = new UpstreamWorld(github);
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        GateFixture.addCredentials();
    }

    /** A job that waits with {@code extra} arguments and echoes the result, outside {@code node}. */
    static WorkflowJob job(JenkinsRule r, GitHubStub github, String extra) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "wait");
        job.setDefinition(new CpsFlowDefinition("def w = waitForUpstreamPullRequest(upstream: '"
                + UpstreamWorld.UPSTREAM + "', credentialsId: '" + TOKEN_ID + "', apiUri: '" + github.apiUrl() + "'"
                + extra + ")\n"
                + "echo \"wait result=${w.result} reached=${w.reached} number=${w.number} url=${w.url}"
                + " merge=${w.mergeCommitSha} closing=${w.closingComment}\"\n", true));
        return job;
    }

    @Test
    void aMergedPullRequestEndsTheWaitWithItsMergeCommit() throws Exception {
        world.state = "closed";
        world.merged = true;
        world.closedBy = "maintainer";
        world.publish();

        WorkflowRun run = r.assertBuildStatusSuccess(GateFixture.build(job(r, github, "")));

        r.assertLogContains("[upstream-pr] Watching up/project#42 merged", run);
        r.assertLogContains("[upstream-pr] up/project#42 was merged by maintainer (merge commit e5bd3914e2e5).", run);
        r.assertLogContains("wait result=merged reached=true number=42 url=https://github.com/up/project/pull/42 merge="
                + world.mergeCommitSha + " closing=null", run);
        github.server.verify(getRequestedFor(urlPathEqualTo(UpstreamWorld.UP + "/pulls/42"))
                .withHeader("Authorization", equalTo("token " + GitHubStub.TOKEN)));
        r.assertLogNotContains(GitHubStub.TOKEN, run);
    }

    @Test
    void closedWithoutMergeDoesNotFailTheStepAndReturnsTheClosingComment() throws Exception {
        world.comment("maintainer", "We fixed this differently in #50, closing.", NOW.minusSeconds(60));
        world.state = "closed";
        world.closedBy = "maintainer";
        world.publish();

        WorkflowRun run = r.assertBuildStatusSuccess(GateFixture.build(job(r, github, ", until: 'merged'")));

        r.assertLogContains("[upstream-pr] up/project#42 was closed without merge by maintainer. Closing comment from "
                + "maintainer: We fixed this differently in #50, closing.", run);
        r.assertLogContains("Stopped watching up/project#42: closed_unmerged (not merged; the step does not fail for "
                + "it, the Jenkinsfile decides on the result).", run);
        r.assertLogContains("wait result=closed_unmerged reached=false number=42", run);
        r.assertLogContains("closing=We fixed this differently in #50, closing.", run);
        r.assertLogNotContains(GitHubStub.TOKEN, run);
    }

    @Test
    void changesAreWrittenToTheLogAsTheyAreSeenUntilTheMerge() throws Exception {
        world.publish();
        WorkflowRun run = job(r, github, "").scheduleBuild2(0).waitForStart();
        GateFixture.waitForLog(run, "[upstream-pr] Watching up/project#42 open");

        world.review("bob", "APPROVED", "Looks good.", NOW.plusSeconds(10))
                .comment("carol", "Thanks for the fix!", NOW.plusSeconds(11));
        world.state = "closed";
        world.merged = true;
        world.publish();

        r.assertBuildStatusSuccess(GateFixture.ended(run));
        r.assertLogContains("[upstream-pr] bob approved on up/project#42 at 6dcb09b5b578 (the head): bob (review): "
                + "Looks good.", run);
        r.assertLogContains("[upstream-pr] Review decision on up/project#42 changed from review required to approved.",
                run);
        r.assertLogContains("[upstream-pr] 1 new comment on up/project#42: carol: Thanks for the fix!", run);
        r.assertLogContains("[upstream-pr] up/project#42 was merged", run);
        r.assertLogContains("wait result=merged reached=true", run);
        r.assertLogNotContains(GitHubStub.TOKEN, run);
    }

    @Test
    void theTimeoutEndsTheWaitWithoutFailingTheStep() throws Exception {
        world.publish();

        WorkflowRun run = r.assertBuildStatusSuccess(GateFixture.build(job(r, github, ", timeoutMinutes: 1")));

        r.assertLogContains("[upstream-pr] Stopped watching up/project#42 after PT1M without it being merged; last "
                + "seen: up/project#42 open", run);
        r.assertLogContains("wait result=timed_out reached=false number=42", run);
        r.assertLogNotContains(GitHubStub.TOKEN, run);
    }

    @Test
    void badArgumentsFailAtOnceNamingTheArgument() throws Exception {
        WorkflowJob job = job(r, github, ", until: 'approved'");

        WorkflowRun run = r.assertBuildStatus(hudson.model.Result.FAILURE, GateFixture.build(job));

        r.assertLogContains("waitForUpstreamPullRequest: until is 'approved': use merged (the default), closed (merged "
                + "or closed without merge) or review (the next review submitted)", run);
        assertTrue(github.server.getAllServeEvents().isEmpty(), "nothing was asked of GitHub");
    }
}
