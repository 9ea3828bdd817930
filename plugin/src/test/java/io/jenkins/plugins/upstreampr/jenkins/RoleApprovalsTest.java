package io.jenkins.plugins.upstreampr.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.PULLS;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.model.Result;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import java.util.Map;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code approvers: [...]} through the one-liner in a real Jenkins: one {@code input} per role
 * ({@code UpstreamPullRequest-1}, {@code -2}), each answered through the input step's REST endpoint by a logged-in
 * user, the rules taken by the engine between two prompts ({@code recordUpstreamApproval}).
 */
@WithJenkins
class RoleApprovalsTest {

    private static final String ROLE_1 = GateFixture.INPUT_ID + "-1";
    private static final String ROLE_2 = GateFixture.INPUT_ID + "-2";
    /** Two roles either user may answer, so that the engine, not the input step, keeps them apart. */
    private static final String APPROVERS = ", approvers: ['alice,bob', 'alice,bob']";

    @RegisterExtension
    final GateFixture fixture = new GateFixture();
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        GateFixture.prepare(r);
        fixture.stubGreenStaging();
        fixture.stubUpstream();
    }

    private WorkflowRun start() throws Exception {
        WorkflowJob job = GateFixture.job(r, "roles", fixture.oneLiner(TOKEN_ID, APPROVERS));
        return job.scheduleBuild2(0).waitForStart();
    }

    private static Map<String, Object> rejection(String reason) {
        return Map.of("decision", "reject", "title", "Fix", "body", "", "draft", false, "overrides", "",
                "reason", reason);
    }

    @Test
    void twoRolesApprovingOpenThePullRequestOnceAndTheRecordListsBothApprovals() throws Exception {
        WorkflowRun run = start();

        InputStepExecution first = GateFixture.waitForPrompt(run, ROLE_1);
        assertTrue(first.getInput().getMessage().startsWith("Approval 1 of 2 (alice,bob)."),
                first.getInput().getMessage());
        GateFixture.answer(r, run, ROLE_1, "alice", GateFixture.approval("Serialize concurrent writes"));
        InputStepExecution second = GateFixture.waitForPrompt(run, ROLE_2);
        assertTrue(second.getInput().getMessage().contains("approved so far by alice (role 1)"),
                second.getInput().getMessage());
        fixture.github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
        GateFixture.answer(r, run, ROLE_2, "bob", GateFixture.approval("Serialize concurrent writes"));

        r.assertBuildStatusSuccess(GateFixture.ended(run));
        fixture.github.server.verify(1, postRequestedFor(urlPathEqualTo(PULLS)).withRequestBody(equalToJson(
                "{\"title\":\"Serialize concurrent writes\",\"head\":\"octo:fix/issue-1234\",\"base\":\"main\","
                        + "\"body\":\"Edited body\\n\\nFixes #1234\\n\",\"draft\":false,"
                        + "\"maintainer_can_modify\":true}")));
        JsonNode approvals = GateFixture.gateRecord(run).get("approvals");
        assertEquals(2, approvals.size(), approvals.toString());
        assertEquals("alice", approvals.get(0).get("who").asText());
        assertEquals(1, approvals.get(0).get("role").asInt());
        assertEquals("bob", approvals.get(1).get("who").asText());
        assertEquals(2, approvals.get(1).get("role").asInt());
        for (JsonNode a : approvals) {
            assertFalse(a.get("lapsed").asBoolean(), a.toString());
            assertEquals(GitHubStub.SHA_A, a.get("sha").asText());
        }
    }

    @Test
    void aSecondRoleEditingTheTextMakesTheFirstApprovalLapseAndTheFirstRoleIsAskedAgainSayingWhy() throws Exception {
        WorkflowRun run = start();

        GateFixture.waitForPrompt(run, ROLE_1);
        GateFixture.answer(r, run, ROLE_1, "alice", GateFixture.approval("Fix"));
        GateFixture.waitForPrompt(run, ROLE_2);
        GateFixture.answer(r, run, ROLE_2, "bob", GateFixture.approval("Serialize concurrent writes"));
        GateFixture.waitForLog(run, "Role 2: approve by bob");
        InputStepExecution again = GateFixture.waitForPrompt(run, ROLE_1);
        assertTrue(again.getInput().getMessage().contains("asked again: the approval by alice lapsed because bob "
                + "(role 2, alice,bob) changed the title, body or draft"), again.getInput().getMessage());
        fixture.github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
        GateFixture.answer(r, run, ROLE_1, "alice", GateFixture.approval("Serialize concurrent writes"));

        r.assertBuildStatusSuccess(GateFixture.ended(run));
        fixture.github.server.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
        fixture.github.server.verify(postRequestedFor(urlPathEqualTo(PULLS)).withRequestBody(equalToJson(
                "{\"title\":\"Serialize concurrent writes\"}", true, true)));
        JsonNode approvals = GateFixture.gateRecord(run).get("approvals");
        assertEquals(3, approvals.size(), approvals.toString());
        assertTrue(approvals.get(0).get("lapsed").asBoolean(), "alice's first approval, of the old title, lapsed");
        assertFalse(approvals.get(1).get("lapsed").asBoolean());
        assertEquals("alice", approvals.get(2).get("who").asText());
        assertFalse(approvals.get(2).get("lapsed").asBoolean());
    }

    @Test
    void aRejectionByTheSecondRoleOpensNothingRecordsTheApprovalsAndFailsTheBuild() throws Exception {
        WorkflowRun run = start();

        GateFixture.waitForPrompt(run, ROLE_1);
        GateFixture.answer(r, run, ROLE_1, "alice", GateFixture.approval("Fix"));
        GateFixture.waitForPrompt(run, ROLE_2);
        GateFixture.answer(r, run, ROLE_2, "bob", rejection("not for this release"));

        r.assertBuildStatus(Result.FAILURE, GateFixture.ended(run));
        fixture.github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
        JsonNode record = GateFixture.gateRecord(run);
        assertEquals("reject", record.get("decision").asText());
        assertEquals("bob", record.get("decidedBy").asText());
        assertEquals("not for this release", record.get("reason").asText());
        assertEquals(1, record.get("approvals").size(), record.get("approvals").toString());
        assertEquals("alice", record.get("approvals").get(0).get("who").asText());
    }

    @Test
    void theSamePersonAnsweringBothRolesIsNotTakenAndTheSecondRoleIsAskedAgain() throws Exception {
        WorkflowRun run = start();

        GateFixture.waitForPrompt(run, ROLE_1);
        GateFixture.answer(r, run, ROLE_1, "alice", GateFixture.approval("Fix"));
        GateFixture.waitForPrompt(run, ROLE_2);
        GateFixture.answer(r, run, ROLE_2, "alice", GateFixture.approval("Fix"));
        GateFixture.waitForLog(run, "Answer not taken: alice already approved as role 1");
        InputStepExecution again = GateFixture.waitForPrompt(run, ROLE_2);
        assertTrue(again.getInput().getMessage().startsWith("Answer not taken: alice already approved as role 1"),
                again.getInput().getMessage());
        assertTrue(again.getInput().getMessage().contains("needs a different person"), again.getInput().getMessage());
        fixture.github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
        GateFixture.answer(r, run, ROLE_2, "bob", GateFixture.approval("Fix"));

        r.assertBuildStatusSuccess(GateFixture.ended(run));
        fixture.github.server.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
        JsonNode approvals = GateFixture.gateRecord(run).get("approvals");
        assertEquals(2, approvals.size(), approvals.toString());
        assertEquals("alice", approvals.get(0).get("who").asText());
        assertEquals("bob", approvals.get(1).get("who").asText());
    }
}
