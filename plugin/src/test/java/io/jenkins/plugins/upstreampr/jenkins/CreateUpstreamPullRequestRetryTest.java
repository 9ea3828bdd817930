package io.jenkins.plugins.upstreampr.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.HEAD;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.PR_URL;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.PULLS;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import hudson.model.Result;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * After a person approved, GitHub's passing faults on the pull request's POST do not throw the decision away:
 * {@code createUpstreamPullRequest} waits them out as later looks (the engine's {@code RetryLater}), reads before it
 * writes again, opens the pull request once, and an abort during such a wait ends the step with nothing more sent.
 */
@WithJenkins
class CreateUpstreamPullRequestRetryTest {

    /** The engine's after-decision backoff starts at 5 s; longer than that and the next attempt would have come. */
    private static final long LONGER_THAN_THE_FIRST_BACKOFF_MILLIS = 12_000;

    @RegisterExtension
    final GateFixture fixture = new GateFixture();
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        GateFixture.prepare(r);
        fixture.stubGreenStaging();
        fixture.github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project"))
                .willReturn(json(200, GitHubStub.repository("upstream/project", "main"))));
    }

    /**
     * The POST answers 502 {@code failures} times, then opens #42; the open pull requests for the head are none
     * until then.
     */
    private void stubFlakyCreation(int failures) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= failures; i++) {
            String next = "failed-" + i;
            fixture.github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("flaky").whenScenarioStateIs(state)
                    .willReturn(json(502, GitHubStub.error("Server Error"))).willSetStateTo(next));
            listOpen(state, new ObjectMapper().createArrayNode());
            state = next;
        }
        fixture.github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("flaky").whenScenarioStateIs(state)
                .willReturn(json(201, GitHubStub.createdPullRequest("upstream/project", 42, HEAD, "main",
                        GitHubStub.SHA_A, true)))
                .willSetStateTo("opened"));
        listOpen(state, new ObjectMapper().createArrayNode());
        listOpen("opened", GitHubStub.pullRequestList("upstream/project", 42, HEAD, "main"));
    }

    private void listOpen(String state, JsonNode answer) {
        fixture.github.server.stubFor(get(urlPathEqualTo(PULLS)).inScenario("flaky").whenScenarioStateIs(state)
                .withQueryParam("head", equalTo(HEAD)).withQueryParam("state", equalTo("open"))
                .willReturn(json(200, answer)));
    }

    @Test
    void twoServerErrorsOnThePostAreWaitedOutAndThePullRequestIsOpenedOnceWithTheRetriesRecorded() throws Exception {
        stubFlakyCreation(2);
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ""));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        GateFixture.waitForPrompt(run, GateFixture.INPUT_ID);
        assertEquals(200, GateFixture.answer(r, run, GateFixture.INPUT_ID, "alice", GateFixture.approval("Serialize concurrent writes")));

        r.assertBuildStatusSuccess(GateFixture.ended(run));
        r.assertLogContains("[upstream-pr] GitHub: HTTP 502", run);
        r.assertLogContains("the decision is kept.", run);
        r.assertLogContains("gate result: number=42 url=" + PR_URL + " created=true decision=approve", run);
        fixture.github.server.verify(3, postRequestedFor(urlPathEqualTo(PULLS)));
        JsonNode retries = GateFixture.gateRecord(run).get("retries");
        assertEquals(2, retries.get("count").asInt(), retries.toString());
        assertEquals(3, retries.get("pullRequestPosts").asInt(), retries.toString());
        r.assertLogNotContains(GitHubStub.TOKEN, run);
    }

    @Test
    void anAbortWhileWaitingToRetryTheWriteEndsTheStepAndNothingMoreIsSent() throws Exception {
        fixture.github.server.stubFor(post(urlPathEqualTo(PULLS))
                .willReturn(json(502, GitHubStub.error("Server Error"))));
        fixture.github.server.stubFor(get(urlPathEqualTo(PULLS)).withQueryParam("head", equalTo(HEAD))
                .withQueryParam("state", equalTo("open")).willReturn(json(200, new ObjectMapper().createArrayNode())));
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ""));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        GateFixture.waitForPrompt(run, GateFixture.INPUT_ID);
        assertEquals(200, GateFixture.answer(r, run, GateFixture.INPUT_ID, "alice", GateFixture.approval("Serialize concurrent writes")));
        GateFixture.waitForLog(run, "the decision is kept.");
        int posts = fixture.github.server.findAll(postRequestedFor(urlPathEqualTo(PULLS))).size();

        run.doStop();

        r.assertBuildStatus(Result.ABORTED, GateFixture.ended(run));
        Thread.sleep(LONGER_THAN_THE_FIRST_BACKOFF_MILLIS);
        assertEquals(posts, fixture.github.server.findAll(postRequestedFor(urlPathEqualTo(PULLS))).size(),
                "no POST after the abort");
        assertTrue(posts >= 1, "the write was tried before the abort");
        r.assertLogNotContains("Opened upstream pull request", run);
    }
}
