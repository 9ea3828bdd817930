package io.jenkins.plugins.upstreampr.jenkins;

import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.INPUT_ID;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.SPEC;
import static io.jenkins.plugins.upstreampr.jenkins.GateFixture.TOKEN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jenkins.model.JenkinsLocationConfiguration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The prompt names the proposal page by its full address, made from the Jenkins URL (JenkinsRule configures it as
 * its own address); without a configured Jenkins URL it gives the page's path and says why there is no full link.
 */
@WithJenkins
class ProposalLinkTest {

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

    @Test
    void thePromptLinksToTheProposalPageByItsFullAddress() throws Exception {
        WorkflowJob job = GateFixture.job(r, "gate", fixture.oneLiner(TOKEN_ID, ""));

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        InputStepExecution prompt = GateFixture.waitForPrompt(run, INPUT_ID);

        String page = r.getURL() + run.getUrl() + UpstreamProposalAction.URL_NAME + "/";
        String message = prompt.getInput().getMessage();
        assertTrue(message.contains(" at " + page + " and edit"), message);
        assertEquals(200, GateFixture.answer(r, run, INPUT_ID, "alice", GateFixture.deferral("not today")));
        r.assertBuildStatusSuccess(GateFixture.ended(run));
    }

    @Test
    void withoutAJenkinsUrlThePromptGivesThePagesPathAndSaysWhy() throws Exception {
        JenkinsLocationConfiguration.get().setUrl(null);
        WorkflowJob job = GateFixture.job(r, "preflight", ""
                + "def p = upstreamPullRequestPreflight(credentialsId: '" + TOKEN_ID + "', apiUri: '"
                + fixture.github.apiUrl() + "', upstream: 'upstream/project', head: 'octo:fix/issue-1234',"
                + " staging: 'octo/fork#7', spec: '" + SPEC + "')\n"
                + "echo \"prompt: ${p.prompt}\"\n");

        WorkflowRun run = r.assertBuildStatusSuccess(GateFixture.build(job));

        r.assertLogContains(" at " + run.getUrl() + UpstreamProposalAction.URL_NAME + "/ under this Jenkins' address"
                + " (no full link: the Jenkins URL is not set in Manage Jenkins, System) and edit", run);
        r.assertLogNotContains(r.getURL().toString(), run);
    }
}
