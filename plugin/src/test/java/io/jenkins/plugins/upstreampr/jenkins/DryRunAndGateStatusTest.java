package io.jenkins.plugins.upstreampr.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.INPUT_ID;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.PR_URL;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.PULLS;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.upstreampr.github.GitHubStub;
import jenkins.model.JenkinsLocationConfiguration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code dryRun} and {@code gateStatus} through the one-liner in a real Jenkins, against a WireMock GitHub checked
 * against GitHub's description.
 */
@WithJenkins
class DryRunAndGateStatusTest {

    private static final String STATUSES = "/repos/octo/fork/statuses/" + GitHubStub.SHA_A;

    @RegisterExtension
    final GateFixture fixture = new GateFixture();
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        GateFixture.prepare(r);
        fixture.stubGreenStaging();
        fixture.stubUpstream();
        fixture.github.server.stubFor(post(urlPathEqualTo(STATUSES))
                .willReturn(json(201, GitHubStub.example("repos--create-commit-status", "201-default.json"))));
    }

    @Test
    void aDryRunReadsAsUsualThenLogsAndReturnsEveryWriteWithItsBodyAndSendsNone() throws Exception {
        WorkflowJob job = GateFixture.job(r, "dry", fixture.oneLiner(TOKEN_ID, ", dryRun: true, gateStatus: true")
                + "echo \"dry=${pr.dryRun} writes=${pr.plannedWrites.size()} first=${pr.plannedWrites[0].method}"
                + " ${pr.plannedWrites[0].path}\"\n");

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        GateFixture.waitForPrompt(run, INPUT_ID);
        GateFixture.answer(r, run, INPUT_ID, "alice", GateFixture.approval("Serialize concurrent writes"));

        r.assertBuildStatusSuccess(GateFixture.ended(run));
        fixture.github.server.verify(0, postRequestedFor(urlPathMatching(".*")));
        r.assertLogContains("Dry run, would send: POST " + STATUSES
                + " {\"state\":\"pending\"", run);
        r.assertLogContains("Dry run, would send: POST " + PULLS + " {\"title\":\"Serialize concurrent writes\"", run);
        r.assertLogContains("Dry run, would send: POST " + STATUSES + " {\"state\":\"success\"", run);
        r.assertLogContains("gate result: number=null url=null created=false decision=approve", run);
        r.assertLogContains("dry=true writes=2 first=POST " + PULLS, run);
        assertNull(run.getAction(UpstreamPullRequestAction.class), "a dry run adds no link to the build");
        assertNull(GateFixture.gateRecord(run), "a dry run archives no record");
    }

    @Test
    void theGateStatusIsPendingWithTheInputPageWhileWaitingThenSuccessLinkingThePullRequest() throws Exception {
        WorkflowJob job = GateFixture.job(r, "status", fixture.oneLiner(TOKEN_ID, ", gateStatus: true"));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        GateFixture.waitForPrompt(run, INPUT_ID);
        String inputPage = r.getURL() + run.getUrl() + "input/";
        fixture.github.server.verify(1, postRequestedFor(urlPathEqualTo(STATUSES)).withRequestBody(equalToJson(
                "{\"state\":\"pending\",\"target_url\":\"" + inputPage + "\",\"description\":"
                        + "\"Waiting for a decision by alice\",\"context\":\"upstream-pr/gate\"}")));
        GateFixture.answer(r, run, INPUT_ID, "alice", GateFixture.approval("Fix"));

        r.assertBuildStatusSuccess(GateFixture.ended(run));
        fixture.github.server.verify(2, postRequestedFor(urlPathEqualTo(STATUSES)));
        fixture.github.server.verify(1, postRequestedFor(urlPathEqualTo(STATUSES)).withRequestBody(equalToJson(
                "{\"state\":\"success\",\"target_url\":\"" + PR_URL + "\",\"description\":"
                        + "\"Approved by alice: upstream/project#42\",\"context\":\"upstream-pr/gate\"}")));
    }

    @Test
    void withoutAJenkinsUrlTheWaitingStatusHasNoLink() throws Exception {
        JenkinsLocationConfiguration.get().setUrl(null);
        WorkflowJob job = GateFixture.job(r, "nourl", fixture.oneLiner(TOKEN_ID, ", gateStatus: true"));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        GateFixture.waitForPrompt(run, INPUT_ID);
        fixture.github.server.verify(1, postRequestedFor(urlPathEqualTo(STATUSES)).withRequestBody(equalToJson(
                "{\"state\":\"pending\",\"description\":\"Waiting for a decision by alice\","
                        + "\"context\":\"upstream-pr/gate\"}")));
        GateFixture.answer(r, run, INPUT_ID, "alice", GateFixture.deferral("after the release"));

        r.assertBuildStatusSuccess(GateFixture.ended(run));
        fixture.github.server.verify(1, postRequestedFor(urlPathEqualTo(STATUSES)).withRequestBody(equalToJson(
                "{\"state\":\"pending\",\"description\":\"Deferred: after the release\","
                        + "\"context\":\"upstream-pr/gate\"}")));
    }
}
