package io.jenkins.plugins.upstreampr.jenkins;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Input prompts of a gate with any id: waiting for one the way the input step really records it (its
 * {@code InputAction} holds the execution once {@code InputStepExecution.start} has added it, before anything is
 * printed), and answering it through its REST endpoint as a logged-in user.
 */
final class Prompts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Prompts() {}

    /** The input execution {@code id} of {@code run}, once the run pauses on it (at most two minutes). */
    static InputStepExecution waitFor(WorkflowRun run, String id) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            InputAction inputs = run.getAction(InputAction.class);
            InputStepExecution execution = inputs == null ? null : inputs.getExecution(id);
            if (execution != null) {
                return execution;
            }
            if (!run.isBuilding()) {
                throw new AssertionError("The build ended without prompt " + id + ":\n" + JenkinsRule.getLog(run));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No prompt " + id + " after two minutes:\n" + JenkinsRule.getLog(run));
            }
            Thread.sleep(100);
        }
    }

    /**
     * Answers prompt {@code id} as {@code user} ({@code POST <build>/input/ID/proceed} with the parameters as
     * {@code json}), as {@link GateFixture#answer} does for the default id.
     *
     * @return the HTTP status
     */
    static int answer(JenkinsRule r, WorkflowRun run, String id, String user, Map<String, Object> answers)
            throws Exception {
        ObjectNode form = JSON.createObjectNode();
        ArrayNode parameters = form.putArray("parameter");
        answers.forEach((name, value) -> {
            ObjectNode parameter = parameters.addObject().put("name", name);
            if (value instanceof Boolean b) {
                parameter.put("value", b);
            } else {
                parameter.put("value", String.valueOf(value));
            }
        });
        JenkinsRule.WebClient web = r.createWebClient().login(user);
        web.setThrowExceptionOnFailingStatusCode(false);
        WebRequest request = new WebRequest(new URL(r.getURL(), run.getUrl() + "input/" + id + "/proceed"),
                HttpMethod.POST);
        request.setRequestParameters(List.of(new NameValuePair("json", form.toString())));
        return web.getPage(web.addCrumb(request)).getWebResponse().getStatusCode();
    }

    /** The answers for a deferral, which opens nothing. */
    static Map<String, Object> deferral(String reason) {
        return Map.of("decision", "defer", "title", "Fix", "body", "", "draft", false, "overrides", "",
                "reason", reason);
    }
}
