package io.jenkins.plugins.upstreampr.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.INPUT_ID;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.PR_URL;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.PULLS;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** The gate survives a controller restart while it waits for the human. */
class UpstreamPullRequestRestartTest {

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @RegisterExtension
    final GateFixture fixture = new GateFixture();

    @Test
    void aPromptAnsweredAfterARestartOpensThePullRequestOnce() throws Throwable {
        fixture.stubGreenStaging();
        fixture.stubUpstream();
        sessions.then(r -> {
            GateFixture.prepare(r);
            WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ""));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            GateFixture.waitForPrompt(run, INPUT_ID);
            fixture.github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
        });
        sessions.then(r -> {
            GateFixture.secure(r);
            WorkflowRun run = r.jenkins.getItemByFullName("gate", WorkflowJob.class).getBuildByNumber(1);
            assertTrue(run.isBuilding(), "still paused after the restart");
            GateFixture.waitForPrompt(run, INPUT_ID);

            assertEquals(200, GateFixture.answer(r, run, INPUT_ID, "alice", GateFixture.approval("Serialize writes")));

            r.assertBuildStatusSuccess(GateFixture.ended(run));
            r.assertLogContains("gate result: number=42 url=" + PR_URL + " created=true decision=approve", run);
            assertEquals("alice", GateFixture.gateRecord(run).get("decidedBy").asText());
            fixture.github.server.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
        });
    }
}
