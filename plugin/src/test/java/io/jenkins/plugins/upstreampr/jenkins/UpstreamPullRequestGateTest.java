package io.jenkins.plugins.upstreampr.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.INPUT_ID;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.PR_URL;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.PULLS;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.SPEC;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.STAGING_PR;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.TOKEN_ID;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.USER_TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import hudson.model.Result;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.replay.ReplayAction;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The {@code upstreamPullRequest} one-liner and its steps in a real Jenkins, against a WireMock GitHub: the prompt is
 * answered through the input step's REST endpoint by logged-in users, as a person or a script would.
 */
@WithJenkins
class UpstreamPullRequestGateTest {

    @RegisterExtension
    final GateFixture fixture = new GateFixture();
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        GateFixture.prepare(r);
    }

    @Test
    void approvalOpensTheEditedPullRequestOnceAndArchivesTheRecordAndTheTrail() throws Exception {
        fixture.stubGreenStaging();
        fixture.stubUpstream();
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ""));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        InputStepExecution prompt = GateFixture.waitForPrompt(run, INPUT_ID);
        fixture.github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
        UpstreamProposalAction proposal = run.getAction(UpstreamProposalAction.class);
        assertEquals("green", proposal.getVerdict());
        assertEquals(GitHubStub.SHA_A, proposal.getSha());
        assertTrue(proposal.getChangedFiles().stream().anyMatch(f -> f.getPath().equals("src/kvstore/store.py")));
        assertTrue(proposal.getTrail().stream().anyMatch(s -> s.getId().equals(SPEC)));
        assertTrue(prompt.getInput().getMessage().contains(run.getUrl() + UpstreamProposalAction.URL_NAME + "/"));

        assertEquals(200,
                GateFixture.answer(r, run, INPUT_ID, "alice", GateFixture.approval("Serialize concurrent writes")));

        r.assertBuildStatusSuccess(GateFixture.ended(run));
        r.assertLogContains("gate result: number=42 url=" + PR_URL + " created=true decision=approve", run);
        r.assertLogContains("Opened upstream pull request " + PR_URL, run);
        fixture.github.server.verify(1, postRequestedFor(urlPathEqualTo(PULLS)).withRequestBody(equalToJson(
                "{\"title\":\"Serialize concurrent writes\",\"head\":\"octo:fix/issue-1234\",\"base\":\"main\","
                        + "\"body\":\"Edited body\\n\\nFixes #1234\\n\",\"draft\":false,"
                        + "\"maintainer_can_modify\":true}")));
        UpstreamPullRequestAction link = run.getAction(UpstreamPullRequestAction.class);
        assertEquals(PR_URL, link.getUrl());
        assertEquals("alice", link.getDecidedBy());

        JsonNode record = GateFixture.gateRecord(run);
        assertEquals("approve", record.get("decision").asText());
        assertEquals("alice", record.get("decidedBy").asText());
        assertEquals("Serialize concurrent writes", record.get("title").asText());
        assertEquals(GitHubStub.SHA_A, record.at("/staging/headSha").asText());
        assertEquals("green", record.at("/staging/verdict").asText());
        assertEquals(42, record.at("/upstream/number").asInt());
        assertEquals(PR_URL, record.at("/upstream/url").asText());
        assertTrue(record.at("/upstream/created").asBoolean());
        assertEquals("# Serialize concurrent writes\n\nEdited body\n\nFixes #1234\n",
                GateFixture.artifact(run, "upstream-pr/pull-request.md"));
        assertEquals(Files.readString(io.jenkins.plugins.upstreampr.chant.ExampleRepository.kvstore()
                        .resolve(".chant/specs/" + SPEC + ".md")),
                GateFixture.artifact(run, "upstream-pr/chant/specs/" + SPEC + ".md"));
        assertNotNull(GateFixture.artifact(run, "upstream-pr/chant/specs/2026-11-20-001-k3v.md"));
        assertNotNull(GateFixture.artifact(run, "upstream-pr/chant/research/issue-1234-root-cause.md"),
                "a research document of the trail");
        assertNotNull(GateFixture.artifact(run, "upstream-pr/tests/regression/test_issue_1234.py"),
                "a trail document outside .chant/ is copied from the workspace and archived");
    }

    @Test
    void thePreflightsResultGivesEachCheckGitHubsOwnConclusionNextToItsState() throws Exception {
        fixture.stubStaging(GitHubStub.SHA_A, "\"pr-a\"");
        fixture.stubChecks(GitHubStub.SHA_A, "ci=success", "lint=completed/skipped");
        fixture.stubUpstream();
        WorkflowJob job = GateFixture.job(r, "preflight-result", ""
                + "def p = upstreamPullRequestPreflight(credentialsId: '" + TOKEN_ID + "', apiUri: '"
                + fixture.github.apiUrl() + "', upstream: 'upstream/project', head: '" + GateFixture.HEAD
                + "', staging: 'octo/fork#7', spec: '" + SPEC + "')\n"
                + "for (def c : p.checks) { echo \"check ${c.name} state=${c.state} conclusion=${c.conclusion}\" }\n");

        WorkflowRun run = GateFixture.build(job);

        r.assertBuildStatusSuccess(run);
        r.assertLogContains("check lint state=success conclusion=skipped", run);
    }

    @Test
    void aSkippedCheckCountsAsPassingButThePromptThePageAndTheResultShowGitHubsOwnConclusion() throws Exception {
        fixture.stubStaging(GitHubStub.SHA_A, "\"pr-a\"");
        fixture.stubChecks(GitHubStub.SHA_A, "ci=success", "lint=completed/skipped");
        fixture.stubUpstream();
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ""));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        InputStepExecution prompt = GateFixture.waitForPrompt(run, INPUT_ID);
        assertTrue(prompt.getInput().getMessage().contains("lint success (skipped)"), prompt.getInput().getMessage());
        UpstreamProposalAction.Check lint = run.getAction(UpstreamProposalAction.class).getChecks().stream()
                .filter(c -> c.getName().equals("lint")).findFirst().orElseThrow();
        assertEquals("success", lint.getState());
        assertEquals("skipped", lint.getConclusion());
        assertEquals("success (skipped)", lint.getShownState());

        GateFixture.answer(r, run, INPUT_ID, "alice", GateFixture.approval("Fix"));
        r.assertBuildStatusSuccess(GateFixture.ended(run));
        JsonNode record = GateFixture.gateRecord(run);
        assertEquals("alice", record.get("decidedBy").asText());
        assertEquals("jenkins", record.get("decidedBySource").asText());
    }

    @Test
    void theTokenIsSentToGitHubButNeverWrittenToTheLogOrTheArtifacts() throws Exception {
        fixture.stubGreenStaging();
        fixture.stubUpstream();
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ""));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        GateFixture.waitForPrompt(run, INPUT_ID);
        GateFixture.answer(r, run, INPUT_ID, "alice", GateFixture.approval("Fix"));
        r.assertBuildStatusSuccess(GateFixture.ended(run));

        fixture.github.server.verify(getRequestedFor(urlPathEqualTo(STAGING_PR))
                .withHeader("Authorization", equalTo("token " + GitHubStub.TOKEN)));
        r.assertLogNotContains(GitHubStub.TOKEN, run);
        List<String> names = run.getArtifacts().stream().map(a -> a.relativePath).toList();
        assertFalse(names.isEmpty());
        for (String name : names) {
            assertFalse(GateFixture.artifact(run, name).contains(GitHubStub.TOKEN), name);
        }
    }

    @Test
    void rejectionOpensNothingRecordsTheReasonAndFailsTheBuild() throws Exception {
        fixture.stubGreenStaging();
        fixture.stubUpstream();
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(USER_TOKEN_ID, ""));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        GateFixture.waitForPrompt(run, INPUT_ID);
        GateFixture.answer(r, run, INPUT_ID, "alice", Map.of("decision", "reject", "title", "Fix", "body", "",
                "draft", false, "overrides", "", "reason", "upstream prefers another locking design"));

        r.assertBuildStatus(Result.FAILURE, GateFixture.ended(run));
        r.assertLogContains("rejected by alice: upstream prefers another locking design", run);
        fixture.github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
        JsonNode record = GateFixture.gateRecord(run);
        assertEquals("reject", record.get("decision").asText());
        assertEquals("upstream prefers another locking design", record.get("reason").asText());
        assertTrue(record.get("upstream").isNull());
        assertNull(run.getAction(UpstreamPullRequestAction.class).getUrl());
    }

    @Test
    void deferralOpensNothingAndTheBuildGoesOnWithoutAPullRequest() throws Exception {
        fixture.stubGreenStaging();
        fixture.stubUpstream();
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ""));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        GateFixture.waitForPrompt(run, INPUT_ID);
        GateFixture.answer(r, run, INPUT_ID, "alice", GateFixture.deferral("after the 2.4 release"));

        r.assertBuildStatusSuccess(GateFixture.ended(run));
        r.assertLogContains("gate result: number=null url=null created=false decision=defer", run);
        r.assertLogContains("deferred by alice: after the 2.4 release", run);
        fixture.github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
        assertEquals("defer", GateFixture.gateRecord(run).get("decision").asText());
    }

    @Test
    void redStagingCiFailsTheBuildWithTheFailingCheckAndAsksNobody() throws Exception {
        fixture.stubStaging(GitHubStub.SHA_A, "\"pr-a\"");
        fixture.stubChecks(GitHubStub.SHA_A, "ci=failure", "build=completed/success");
        fixture.stubUpstream();
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ""));

        WorkflowRun run = r.assertBuildStatus(Result.FAILURE, GateFixture.build(job));

        r.assertLogContains("Staging CI of octo/fork#7 is not green at " + GitHubStub.SHA_A + ", nobody was asked",
                run);
        r.assertLogContains("ci failure https://ci.example.com/ci", run);
        assertNull(run.getAction(InputAction.class), "no input prompt was shown");
        assertNull(run.getAction(UpstreamProposalAction.class));
        fixture.github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void pendingStagingCiIsLookedAtAgainAndThePromptComesOnceItIsGreen() throws Exception {
        fixture.stubStaging(GitHubStub.SHA_A, "\"pr-a\"");
        fixture.github.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
                        "/repos/octo/fork/commits/" + GitHubStub.SHA_A + "/status"))
                .willReturn(GitHubStub.json(200, GitHubStub.combinedStatus(GitHubStub.SHA_A, "ci=success"))));
        fixture.github.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
                        "/repos/octo/fork/commits/" + GitHubStub.SHA_A + "/check-runs"))
                .inScenario("ci").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GitHubStub.json(200, GitHubStub.checkRuns(GitHubStub.SHA_A, "build=in_progress")))
                .willSetStateTo("done"));
        fixture.github.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
                        "/repos/octo/fork/commits/" + GitHubStub.SHA_A + "/check-runs"))
                .inScenario("ci").whenScenarioStateIs("done")
                .willReturn(GitHubStub.json(200, GitHubStub.checkRuns(GitHubStub.SHA_A, "build=completed/success"))));
        fixture.stubUpstream();
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ", waitMinutes: 5"));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        GateFixture.waitForPrompt(run, INPUT_ID);

        String log = JenkinsRule.getLog(run);
        int pending = log.indexOf("Staging CI of octo/fork#7 is still running at " + GitHubStub.SHA_A);
        int green = log.indexOf("Staging CI of octo/fork#7 is green at " + GitHubStub.SHA_A);
        assertTrue(pending >= 0 && green > pending, log);
        GateFixture.answer(r, run, INPUT_ID, "alice", GateFixture.deferral("not today"));
        r.assertBuildStatusSuccess(GateFixture.ended(run));
    }

    @Test
    void onlyTheSubmitterMayAnswerAndTheApproverIsRecorded() throws Exception {
        fixture.stubGreenStaging();
        fixture.stubUpstream();
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ""));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        InputStepExecution prompt = GateFixture.waitForPrompt(run, INPUT_ID);

        GateFixture.answer(r, run, INPUT_ID, "bob", GateFixture.approval("Fix by bob"));
        assertFalse(prompt.isSettled(), "bob is not the submitter");
        assertTrue(run.isBuilding());
        fixture.github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));

        GateFixture.answer(r, run, INPUT_ID, "alice", GateFixture.approval("Fix by alice"));
        r.assertBuildStatusSuccess(GateFixture.ended(run));
        assertEquals("alice", GateFixture.gateRecord(run).get("decidedBy").asText());
        assertEquals("Fix by alice", GateFixture.gateRecord(run).get("title").asText());
    }

    @Test
    void aReplayedBuildFindsThePullRequestItOpenedInsteadOfOpeningAnother() throws Exception {
        fixture.stubGreenStaging();
        fixture.stubUpstream();
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ""));
        WorkflowRun first = job.scheduleBuild2(0).waitForStart();
        GateFixture.waitForPrompt(first, INPUT_ID);
        GateFixture.answer(r, first, INPUT_ID, "alice", GateFixture.approval("Fix"));
        r.assertBuildStatusSuccess(GateFixture.ended(first));

        ReplayAction replay = first.getAction(ReplayAction.class);
        WorkflowRun second = (WorkflowRun) replay.run(replay.getOriginalScript(), Map.of()).waitForStart();
        GateFixture.waitForPrompt(second, INPUT_ID);
        GateFixture.answer(r, second, INPUT_ID, "alice", GateFixture.approval("Fix"));

        r.assertBuildStatusSuccess(GateFixture.ended(second));
        r.assertLogContains("gate result: number=42 url=" + PR_URL + " created=false decision=approve", second);
        r.assertLogContains("already exists for this head and base; not opening another", second);
        assertFalse(second.getAction(UpstreamPullRequestAction.class).isCreated());
        assertEquals(false, GateFixture.gateRecord(second).at("/upstream/created").asBoolean(true));
        // the second POST was answered "already exists": GitHub holds one pull request, #42
        fixture.github.server.verify(2, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void theThreeStepCompositionWorksWithoutTheOneLiner() throws Exception {
        fixture.stubGreenStaging();
        fixture.stubUpstream();
        String api = fixture.github.apiUrl().toString();
        WorkflowJob job = GateFixture.job(r, "steps", ""
                + "def p = upstreamPullRequestPreflight(credentialsId: '" + TOKEN_ID + "', apiUri: '" + api + "',\n"
                + "    upstream: 'upstream/project', head: 'octo:fix/issue-1234', staging: 'octo/fork#7', spec: '"
                + SPEC + "')\n"
                + "echo \"verdict=${p.verdict} sha=${p.sha} blocks=${p.overridableBlocks}\"\n"
                + "def pr = createUpstreamPullRequest(credentialsId: '" + TOKEN_ID + "', apiUri: '" + api + "',\n"
                + "    upstream: 'upstream/project', head: 'octo:fix/issue-1234', staging: 'octo/fork#7', spec: '"
                + SPEC + "',\n"
                + "    expectedSha: p.sha, title: p.title, body: p.body, approver: 'release-bot')\n"
                + "echo \"opened ${pr.url}\"\n");

        WorkflowRun run = r.assertBuildStatusSuccess(GateFixture.build(job));

        r.assertLogContains("verdict=green sha=" + GitHubStub.SHA_A + " blocks=[]", run);
        r.assertLogContains("opened " + PR_URL, run);
        assertEquals("release-bot", GateFixture.gateRecord(run).get("decidedBy").asText());
    }

    @Test
    void aDeclaredFreezeBlocksAnApprovalUntilItIsOverriddenWithAReason() throws Exception {
        fixture.stubGreenStaging();
        fixture.stubUpstream();
        String api = fixture.github.apiUrl().toString();
        String gate = "def args = [credentialsId: '" + TOKEN_ID + "', apiUri: '" + api + "',\n"
                + "    upstream: 'upstream/project',"
                + "    head: 'octo:fix/issue-1234', staging: 'octo/fork#7', spec: '" + SPEC + "',\n"
                + "    freezes: '2000-01-01..2999-12-31:release freeze']\n"
                + "def p = upstreamPullRequestPreflight(args)\n"
                + "echo \"blocks=${p.overridableBlocks}\"\n"
                + "createUpstreamPullRequest(credentialsId: args.credentialsId, apiUri: args.apiUri,\n"
                + "    upstream: args.upstream, head: args.head, staging: args.staging, spec: args.spec,\n"
                + "    freezes: args.freezes, expectedSha: p.sha, title: p.title, body: p.body, approver: 'alice'%s)\n";
        WorkflowJob refused = GateFixture.job(r, "refused", String.format(gate, ""));

        WorkflowRun run = r.assertBuildStatus(Result.FAILURE, GateFixture.build(refused));
        r.assertLogContains("blocks=[freeze]", run);
        r.assertLogContains("The upstream repository is in a declared freeze", run);
        fixture.github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));

        WorkflowJob overridden = GateFixture.job(r, "overridden",
                String.format(gate, ", overrides: 'freeze', reason: 'security fix, release manager agreed'"));
        WorkflowRun opened = r.assertBuildStatusSuccess(GateFixture.build(overridden));
        JsonNode record = GateFixture.gateRecord(opened);
        assertEquals("freeze", record.at("/overrides/0/check").asText());
        assertEquals("security fix, release manager agreed", record.at("/overrides/0/reason").asText());
        assertEquals(42, record.at("/upstream/number").asInt());
    }

    @Test
    void aFreezeLabelUpstreamBlocksAnApprovalThroughTheOneLinerUntilItIsOverriddenWithAReason() throws Exception {
        fixture.stubGreenStaging();
        fixture.stubUpstream();
        fixture.github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project/issues"))
                .withQueryParam("labels", equalTo("release-freeze")).withQueryParam("state", equalTo("open"))
                .willReturn(GitHubStub.json(200, GitHubStub.issueList("upstream/project", 812, "Code freeze for 2.0"))));
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ", freezeLabel: 'release-freeze'"));

        WorkflowRun refused = job.scheduleBuild2(0).waitForStart();
        InputStepExecution prompt = GateFixture.waitForPrompt(refused, INPUT_ID);
        assertTrue(prompt.getInput().getMessage().contains("overrides needed to approve: freeze"),
                prompt.getInput().getMessage());
        r.assertLogContains("label 'release-freeze' on issue https://github.com/upstream/project/issues/812", refused);
        GateFixture.answer(r, refused, INPUT_ID, "alice", GateFixture.approval("Fix"));

        // the create step got the label through p.create and judged the freeze as the preflight did
        r.assertBuildStatus(Result.FAILURE, GateFixture.ended(refused));
        r.assertLogContains("The upstream repository is in a declared freeze", refused);
        fixture.github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));

        WorkflowRun opened = job.scheduleBuild2(0).waitForStart();
        GateFixture.waitForPrompt(opened, INPUT_ID);
        GateFixture.answer(r, opened, INPUT_ID, "alice", Map.of("decision", "approve", "title", "Fix", "body", "",
                "draft", false, "overrides", "freeze", "reason", "security fix, release manager agreed"));

        r.assertBuildStatusSuccess(GateFixture.ended(opened));
        JsonNode record = GateFixture.gateRecord(opened);
        assertEquals("freeze", record.at("/overrides/0/check").asText());
        assertEquals("security fix, release manager agreed", record.at("/overrides/0/reason").asText());
        assertTrue(record.get("warnings").toString().contains("release-freeze"), record.toString());
        assertEquals(42, record.at("/upstream/number").asInt());
    }
}
