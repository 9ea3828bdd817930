package io.jenkins.plugins.upstreampr.jenkins;

import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.SPEC;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.model.Result;
import hudson.model.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The gate's input id: two gates open at once in one build need their own ids (the input step answers the first
 * prompt with a matching id), a second one with an id still open is refused before anyone is asked, and gates one
 * after the other may share the default id. Gates with their own ids in {@code parallel} branches each keep their own
 * proposal page, record artifacts and outcome; a later gate with the same id replaces its predecessor's.
 */
@WithJenkins
class GateIdTest {

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

    private String preflight(String extra) {
        return "upstreamPullRequestPreflight(credentialsId: '" + TOKEN_ID + "', apiUri: '" + fixture.github.apiUrl()
                + "', upstream: 'upstream/project', head: 'octo:fix/issue-1234', staging: 'octo/fork#7', spec: '"
                + SPEC + "'" + extra + ")";
    }

    private String create(String proposal) {
        return create(proposal, "");
    }

    private String create(String proposal, String extra) {
        return "createUpstreamPullRequest(credentialsId: '" + TOKEN_ID + "', apiUri: '" + fixture.github.apiUrl()
                + "', upstream: 'upstream/project', head: 'octo:fix/issue-1234', staging: 'octo/fork#7', spec: '"
                + SPEC + "', expectedSha: " + proposal + ".sha, title: " + proposal + ".title, body: " + proposal
                + ".body, approver: 'release-bot'" + extra + ")";
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
        assertEquals(1, run.getActions(UpstreamPullRequestAction.class).size(), "the second gate replaced the first's");
        assertFalse(UpstreamPullRequestAction.of(run, null).isCreated(), "the second gate found #42");
        assertEquals(1, run.getActions(UpstreamProposalAction.class).size());
        assertEquals("release-bot", GateFixture.gateRecord(run).get("decidedBy").asText());
    }

    @Test
    void anIdTheInputStepWouldRefuseFailsThePreflightBeforeAnyoneIsAskedNamingIt() throws Exception {
        WorkflowJob job = GateFixture.job(r, "bad-id", ""
                + "def p = " + preflight(", id: 'backport/1.x'") + "\n"
                + "echo 'gate open'\n");

        WorkflowRun run = GateFixture.build(job);

        r.assertBuildStatus(Result.FAILURE, run);
        r.assertLogContains("upstreamPullRequestPreflight: id 'Backport/1.x': a gate's id names its input prompt, its"
                + " artifacts and its proposal page, so it must be URL safe", run);
        r.assertLogNotContains("gate open", run);
        assertNull(run.getAction(InputAction.class), "nobody was asked");
        assertTrue(run.getActions(UpstreamProposalAction.class).isEmpty(), "no proposal is shown");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege on Windows")
    void aTrailDocumentReachedThroughASymbolicLinkIsNeitherCopiedNorArchived() throws Exception {
        // a fork branch commits the trail's regression test as a link to a file outside the checkout
        WorkflowJob job = GateFixture.job(r, "symlinked-document", "echo 'archived'\n");
        Path secret = Files.createTempFile("outside-the-checkout", ".txt");
        try {
            Files.writeString(secret, "SECRET OUTSIDE THE CHECKOUT");
            Path document = Path.of(r.jenkins.getWorkspaceFor(job).getRemote(), "tests/regression/test_issue_1234.py");
            Files.delete(document);
            Files.createSymbolicLink(document, secret);

            WorkflowRun run = GateFixture.build(job);

            r.assertBuildStatusSuccess(run);
            r.assertLogContains("Trail document tests/regression/test_issue_1234.py not copied from the workspace", run);
            assertNull(GateFixture.artifact(run, "upstream-pr/tests/regression/test_issue_1234.py"),
                    "the linked file's content is not an artifact");
            for (Run<?, ?>.Artifact artifact : run.getArtifacts()) {
                String text = GateFixture.artifact(run, artifact.relativePath);
                assertFalse(text != null && text.contains("SECRET OUTSIDE"), artifact.relativePath);
            }
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void archiveChantSpecsMovingOutsideNodeFailsBeforeItArchivesAnything() throws Exception {
        // GateFixture.job archives SPEC inside node first (one "Archived ... gate artifacts" line); the move outside
        // node has no workspace to change and must fail before it copies or archives anything again
        WorkflowJob job = GateFixture.job(r, "move-outside-node", "archiveChantSpecs spec: '" + SPEC
                + "', move: true\n" + "echo 'after the move'\n");

        WorkflowRun run = GateFixture.build(job);

        r.assertBuildStatus(Result.FAILURE, run);
        r.assertLogContains("archiveChantSpecs: move: true changes the workspace checkout; call the step inside node",
                run);
        r.assertLogNotContains("after the move", run);
        String log = JenkinsRule.getLog(run);
        assertEquals(1, log.split("gate artifacts: ", -1).length - 1, "only the first call archived: " + log);
    }

    @Test
    void aGateOutsideNodeReadsTheCopyTakenForItsSpecNotANewerOneTakenForAnother() throws Exception {
        // GateFixture.job archives SPEC inside node first (copy 1, with the trail's regression test from outside
        // .chant/); then a research spec whose trail names no file outside .chant/ (copy 2, the newest).
        WorkflowJob job = GateFixture.job(r, "copies", ""
                + "node { archiveChantSpecs spec: '2026-11-20-001-k3v' }\n"
                + "def p = " + preflight(", id: 'other'") + "\n"
                + "def pr = " + create("p", ", id: 'other', decision: 'defer', reason: 'later'") + "\n"
                + "echo \"gate decision=${pr.decision}\"\n");

        WorkflowRun run = GateFixture.build(job);

        r.assertBuildStatusSuccess(run);
        r.assertLogContains("gate decision=defer", run);
        assertNotNull(GateFixture.gateRecord(run, "upstream-pr/Other/gate-record.json"));
        assertNotNull(GateFixture.artifact(run, "upstream-pr/Other/tests/regression/test_issue_1234.py"),
                "the gate read the copy taken for its spec, which holds the trail's file outside .chant/");
        assertNotNull(GateFixture.artifact(run, "upstream-pr/chant/specs/2026-11-20-001-k3v.md"),
                "archiveChantSpecs keeps the default names");
    }

    @Test
    void parallelGatesWithTheirOwnIdsArePromptedDecidedAndRecordedSeparately() throws Exception {
        WorkflowJob job = GateFixture.job(r, "parallel", "parallel first: {\n"
                + fixture.oneLiner(TOKEN_ID, ", id: 'first'") + "}, second: {\n"
                + fixture.oneLiner(TOKEN_ID, ", id: 'second'") + "}\n");

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        InputStepExecution first = GateFixture.waitForPrompt(run, "First");
        InputStepExecution second = GateFixture.waitForPrompt(run, "Second");
        assertEquals(2, run.getAction(InputAction.class).getExecutions().size());

        // Each prompt links to its own proposal page, and each page shows its own gate.
        String pages = r.getURL() + run.getUrl();
        String firstMessage = first.getInput().getMessage();
        String secondMessage = second.getInput().getMessage();
        assertTrue(firstMessage.contains(" at " + pages + "upstream-pr-proposal-First/ and edit"), firstMessage);
        assertTrue(secondMessage.contains(" at " + pages + "upstream-pr-proposal-Second/ and edit"), secondMessage);
        assertEquals(2, run.getActions(UpstreamProposalAction.class).size());
        String firstPage = GateFixture.page(r, run, "alice", "upstream-pr-proposal-First/");
        String secondPage = GateFixture.page(r, run, "alice", "upstream-pr-proposal-Second/");
        assertTrue(firstPage.startsWith("200\n") && firstPage.contains("Upstream pull request proposal of gate "
                + "First") && !firstPage.contains("of gate Second"), firstPage);
        assertTrue(secondPage.startsWith("200\n") && secondPage.contains("Upstream pull request proposal of gate "
                + "Second") && !secondPage.contains("of gate First"), secondPage);
        assertNull(UpstreamProposalAction.of(run, null), "no proposal of a gate with the default id");

        assertEquals(200, GateFixture.answer(r, run, "First", "alice", GateFixture.deferral("first: after the release")));
        GateFixture.waitForLog(run, "deferred by alice: first: after the release");
        assertTrue(first.isSettled());
        assertTrue(!second.isSettled(), "the second prompt is still waiting for its own answer");
        assertEquals(200, GateFixture.answer(r, run, "Second", "alice", GateFixture.deferral("second: not needed")));

        r.assertBuildStatusSuccess(GateFixture.ended(run));
        r.assertLogContains("deferred by alice: second: not needed", run);
        assertEquals(2, JenkinsRule.getLog(run).split("decision=defer", -1).length - 1);

        // Each gate archived its own record, text and trail under its id; nothing under the default names.
        JsonNode firstRecord = GateFixture.gateRecord(run, "upstream-pr/First/gate-record.json");
        JsonNode secondRecord = GateFixture.gateRecord(run, "upstream-pr/Second/gate-record.json");
        assertEquals("first: after the release", firstRecord.get("reason").asText());
        assertEquals("second: not needed", secondRecord.get("reason").asText());
        assertNull(GateFixture.gateRecord(run), "no record under the default gate's name");
        for (String id : new String[] {"First", "Second"}) {
            assertNotNull(GateFixture.artifact(run, "upstream-pr/" + id + "/pull-request.md"), id);
            assertNotNull(GateFixture.artifact(run, "upstream-pr/" + id + "/chant/specs/" + SPEC + ".md"), id);
        }
        assertEquals("first: after the release", UpstreamPullRequestAction.of(run, "First").getReason());
        assertEquals("second: not needed", UpstreamPullRequestAction.of(run, "Second").getReason());
        assertEquals(2, run.getActions(UpstreamPullRequestAction.class).size());
    }
}
