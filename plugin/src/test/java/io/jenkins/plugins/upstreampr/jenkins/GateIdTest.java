package io.jenkins.plugins.upstreampr.jenkins;

import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.SPEC;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The gate's input id: two gates open at once in one build need their own ids (the input step answers the first
 * prompt with a matching id), a second one with an id still open is refused before anyone is asked, and gates one
 * after the other may share the default id.
 */
@WithJenkins
class GateIdTest {

    private GateFixture fixture;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        fixture = new GateFixture();
        GateFixture.addCredentials();
        GateFixture.secure(r);
        fixture.stubGreenStaging();
        fixture.stubUpstream();
    }

    @AfterEach
    void checkRequestsAndStop() {
        fixture.close();
    }

    private String preflight(String extra) {
        return "upstreamPullRequestPreflight(credentialsId: '" + TOKEN_ID + "', apiUri: '" + fixture.github.apiUrl()
                + "', upstream: 'upstream/project', head: 'octo:fix/issue-1234', staging: 'octo/fork#7', spec: '"
                + SPEC + "'" + extra + ")";
    }

    private String create(String proposal) {
        return "createUpstreamPullRequest(credentialsId: '" + TOKEN_ID + "', apiUri: '" + fixture.github.apiUrl()
                + "', upstream: 'upstream/project', head: 'octo:fix/issue-1234', staging: 'octo/fork#7', spec: '"
                + SPEC + "', expectedSha: " + proposal + ".sha, title: " + proposal + ".title, body: " + proposal
                + ".body, approver: 'release-bot')";
    }

    @Test
    void aSecondGateWithTheIdOfAnOpenOneIsRefusedBeforeAnyoneIsAskedNamingTheId() throws Exception {
        WorkflowJob job = GateFixture.job(r, "twice", ""
                + "def first = " + preflight("") + "\n"
                + "echo \"first gate open as ${first.id}\"\n"
                + "def second = " + preflight(", id: 'upstreamPullRequest'") + "\n"
                + "echo 'second gate open'\n");

        WorkflowRun run = r.assertBuildStatus(Result.FAILURE, GateFixture.build(job));

        r.assertLogContains("first gate open as UpstreamPullRequest", run);
        r.assertLogContains("upstreamPullRequestPreflight: a gate with id 'UpstreamPullRequest' is already open in "
                + "this build", run);
        r.assertLogNotContains("second gate open", run);
        assertNull(run.getAction(InputAction.class), "nobody was asked");
    }

    @Test
    void gatesOneAfterTheOtherMayShareTheDefaultId() throws Exception {
        WorkflowJob job = GateFixture.job(r, "sequential", ""
                + "def p1 = " + preflight("") + "\n"
                + "def pr1 = " + create("p1") + "\n"
                + "echo \"gate 1 created=${pr1.created}\"\n"
                + "def p2 = " + preflight("") + "\n"
                + "def pr2 = " + create("p2") + "\n"
                + "echo \"gate 2 created=${pr2.created}\"\n");

        WorkflowRun run = r.assertBuildStatusSuccess(GateFixture.build(job));

        r.assertLogContains("gate 1 created=true", run);
        r.assertLogContains("gate 2 created=false", run);
        r.assertLogNotContains("is already open in this build", run);
    }

    @Test
    void parallelGatesWithTheirOwnIdsArePromptedAndDecidedSeparately() throws Exception {
        WorkflowJob job = GateFixture.job(r, "parallel", "parallel first: {\n"
                + fixture.oneLiner(TOKEN_ID, ", id: 'first'") + "}, second: {\n"
                + fixture.oneLiner(TOKEN_ID, ", id: 'second'") + "}\n");

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        InputStepExecution first = GateFixture.waitForPrompt(run, "First");
        InputStepExecution second = GateFixture.waitForPrompt(run, "Second");
        assertEquals(2, run.getAction(InputAction.class).getExecutions().size());

        assertEquals(200, GateFixture.answer(r, run, "First", "alice", GateFixture.deferral("first: after the release")));
        GateFixture.waitForLog(run, "deferred by alice: first: after the release");
        assertTrue(first.isSettled());
        assertTrue(!second.isSettled(), "the second prompt is still waiting for its own answer");
        assertEquals(200, GateFixture.answer(r, run, "Second", "alice", GateFixture.deferral("second: not needed")));

        r.assertBuildStatusSuccess(GateFixture.ended(run));
        r.assertLogContains("deferred by alice: second: not needed", run);
        assertEquals(2, JenkinsRule.getLog(run).split("decision=defer", -1).length - 1);
    }
}
