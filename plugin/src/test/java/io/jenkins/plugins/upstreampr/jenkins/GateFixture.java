package io.jenkins.plugins.upstreampr.jenkins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import hudson.FilePath;
import hudson.model.Item;
import hudson.util.Secret;
import io.jenkins.plugins.upstreampr.chant.ExampleRepository;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import jenkins.util.VirtualFile;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * What the plugin's JenkinsRule tests share: a WireMock GitHub ({@link GitHubStub} from the engine's tests, whose
 * received requests are checked against GitHub's OpenAPI description) serving a fork {@code octo/fork} with staging
 * pull request #7 for {@code octo:fix/issue-1234} and an upstream {@code upstream/project}; the bundled example
 * repository ({@code examples/kvstore}) as the job's workspace; token credentials; users alice and bob who may build;
 * and the REST call that answers the gate's input prompt as a logged-in user.
 */
final class GateFixture implements AfterEachCallback {

    static final String STAGING_PR = "/repos/octo/fork/pulls/7";
    static final String PULLS = "/repos/upstream/project/pulls";
    static final String HEAD = "octo:fix/issue-1234";
    static final String TOKEN_ID = "github-token";
    static final String USER_TOKEN_ID = "github-user-token";
    static final String INPUT_ID = "UpstreamPullRequest";
    static final String SPEC = ExampleRepository.IMPLEMENTATION;
    static final String PR_URL = "https://github.com/upstream/project/pull/42";

    private static final ObjectMapper JSON = new ObjectMapper();

    final GitHubStub github = new GitHubStub();

    /** The staging pull request's head is {@code sha}; a conditional re-read with {@code etag} answers 304. */
    void stubStaging(String sha, String etag) {
        github.server.stubFor(get(urlPathEqualTo(STAGING_PR)).atPriority(5).willReturn(json(200,
                GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", sha), etag)));
        github.server.stubFor(get(urlPathEqualTo(STAGING_PR)).withHeader("If-None-Match", equalTo(etag))
                .atPriority(1).willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
    }

    /** The commit status and check run reported on {@code sha} ("ci=success", "build=completed/success"). */
    void stubChecks(String sha, String status, String run) {
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + sha + "/status"))
                .willReturn(json(200, GitHubStub.combinedStatus(sha, status))));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + sha + "/check-runs"))
                .willReturn(json(200, GitHubStub.checkRuns(sha, run))));
    }

    /** Green staging CI on {@link GitHubStub#SHA_A}. */
    void stubGreenStaging() {
        stubStaging(GitHubStub.SHA_A, "\"pr-a\"");
        stubChecks(GitHubStub.SHA_A, "ci=success", "build=completed/success");
    }

    /**
     * The upstream repository (default branch main). The first pull request creation opens #42; any later one is
     * answered as GitHub answers a second pull request for the same head and base (422 "already exists"), and the
     * open-pull-request list then shows #42.
     */
    void stubUpstream() {
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project"))
                .willReturn(json(200, GitHubStub.repository("upstream/project", "main"))));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("open").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(201, GitHubStub.createdPullRequest("upstream/project", 42, HEAD, "main",
                        GitHubStub.SHA_A, true)))
                .willSetStateTo("opened"));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("open").whenScenarioStateIs("opened")
                .willReturn(json(422, GitHubStub.error("Validation Failed",
                        "A pull request already exists for " + HEAD + "."))));
        github.server.stubFor(get(urlPathEqualTo(PULLS)).withQueryParam("head", equalTo(HEAD))
                .withQueryParam("base", equalTo("main")).withQueryParam("state", equalTo("open"))
                .willReturn(json(200, GitHubStub.pullRequestList("upstream/project", 42, HEAD, "main"))));
    }

    /** Secret text {@link #TOKEN_ID} and username/token {@link #USER_TOKEN_ID}, both holding the test token. */
    static void addCredentials() throws Exception {
        List<Credentials> store = SystemCredentialsProvider.getInstance().getCredentials();
        store.add(new StringCredentialsImpl(CredentialsScope.GLOBAL, TOKEN_ID, "GitHub token",
                Secret.fromString(GitHubStub.TOKEN)));
        store.add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, USER_TOKEN_ID, "GitHub user token",
                "octo", GitHubStub.TOKEN));
        SystemCredentialsProvider.getInstance().save();
    }

    /**
     * What a gate test's Jenkins holds before its job: the token credentials ({@link #addCredentials()}) and users
     * alice and bob ({@link #secure}).
     */
    static void prepare(JenkinsRule r) throws Exception {
        addCredentials();
        secure(r);
    }

    /** Users alice and bob (password = name) who may read, build and cancel; nobody administers. */
    static void secure(JenkinsRule r) throws IOException {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD, Item.CANCEL).everywhere().to("alice", "bob"));
        r.jenkins.save();
    }

    /**
     * A Pipeline job whose workspace holds the example repository: inside {@code node} it archives the specs trail
     * (which copies {@code .chant/} to the controller), then runs {@code gate} outside {@code node}.
     */
    static WorkflowJob job(JenkinsRule r, String name, String gate) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        FilePath workspace = r.jenkins.getWorkspaceFor(job);
        new FilePath(ExampleRepository.kvstore().toFile()).copyRecursiveTo("**/*", workspace);
        job.setDefinition(new CpsFlowDefinition("node {\n  archiveChantSpecs spec: '" + SPEC + "'\n}\n" + gate, true));
        return job;
    }

    /** The one-liner of the issue against the stub, with {@code extra} arguments, echoing its result. */
    String oneLiner(String credentialsId, String extra) {
        return "def pr = upstreamPullRequest(credentialsId: '" + credentialsId + "', apiUri: '" + github.apiUrl()
                + "', upstream: 'upstream/project', head: '" + HEAD + "', staging: 'octo/fork#7', spec: '" + SPEC
                + "', submitter: 'alice'" + extra + ")\n"
                + "echo \"gate result: number=${pr.number} url=${pr.url} created=${pr.created}"
                + " decision=${pr.decision}\"\n";
    }

    /**
     * How long a test waits for a state Jenkins reaches on its own before it fails. Under {@code @WithJenkins} and
     * {@code JenkinsSessionExtension} no test timeout applies (plugin/JENKINS-BEHAVIOUR.md), so every wait is bounded
     * here instead.
     */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    /**
     * The input step {@code id} of {@code run} ({@link #INPUT_ID} for a gate without an {@code id} argument), once the
     * run pauses on it: the {@link InputAction} of the run holds an execution with that id.
     * {@code InputStepExecution.start()} registers it there ({@code InputAction.add}) before it prints anything; with
     * parameters it prints only "Input requested", never the prompt's message (plugin/JENKINS-BEHAVIOUR.md). Fails once
     * the run ends or {@link #PATIENCE} has passed without that prompt.
     */
    static InputStepExecution waitForPrompt(WorkflowRun run, String id) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            InputAction prompts = run.getAction(InputAction.class);
            InputStepExecution prompt = prompts == null ? null : prompts.getExecution(id);
            if (prompt != null) {
                return prompt;
            }
            if (!run.isBuilding()) {
                throw new AssertionError(run + " ended (" + run.getResult() + ") without pausing on input '" + id
                        + "'; log:\n" + JenkinsRule.getLog(run));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(run + " did not pause on input '" + id + "' within " + PATIENCE
                        + "; log so far:\n" + JenkinsRule.getLog(run));
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits until the log of {@code run} holds {@code text}, which the plugin prints (its Messages) while the run goes
     * on. Unlike {@code JenkinsRule.waitForMessage}, which waits as long as the log is still being written, it fails
     * once the run ended without it or {@link #PATIENCE} has passed.
     */
    static void waitForLog(WorkflowRun run, String text) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!JenkinsRule.getLog(run).contains(text)) {
            if (!run.isLogUpdated() && !JenkinsRule.getLog(run).contains(text)) {
                throw new AssertionError(run + " ended without printing '" + text + "'; log:\n" + JenkinsRule.getLog(run));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(run + " did not print '" + text + "' within " + PATIENCE + "; log so far:\n"
                        + JenkinsRule.getLog(run));
            }
            Thread.sleep(100);
        }
    }

    /**
     * {@code run}, once it has ended: its log is complete ({@code Run.isLogUpdated()} false, what
     * {@code JenkinsRule.waitForCompletion} waits for). Fails once {@link #PATIENCE} has passed.
     */
    static WorkflowRun ended(WorkflowRun run) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (run.isLogUpdated()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(run + " did not end within " + PATIENCE + "; log so far:\n"
                        + JenkinsRule.getLog(run));
            }
            Thread.sleep(100);
        }
        return run;
    }

    /** A new build of {@code job}, once it has ended; fails once {@link #PATIENCE} has passed. */
    static WorkflowRun build(WorkflowJob job) throws Exception {
        return ended(job.scheduleBuild2(0).waitForStart());
    }

    /**
     * Answers prompt {@code id} as {@code user} through the REST endpoint a browser or script uses
     * ({@code POST <build>/input/ID/proceed} with the parameters as {@code json}).
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

    /** The answers for an approval with the given title and an unchanged draft flag. */
    static Map<String, Object> approval(String title) {
        return Map.of("decision", "approve", "title", title, "body", "Edited body\n\nFixes #1234\n", "draft", false,
                "overrides", "", "reason", "");
    }

    /** The answers for a deferral, which opens nothing. */
    static Map<String, Object> deferral(String reason) {
        return Map.of("decision", "defer", "title", "Fix", "body", "", "draft", false, "overrides", "",
                "reason", reason);
    }

    /** The artifact {@code name} of {@code run} as text, or null when it was not archived. */
    static String artifact(WorkflowRun run, String name) throws IOException {
        VirtualFile file = run.getArtifactManager().root().child(name);
        if (!file.isFile()) {
            return null;
        }
        try (InputStream in = file.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonNode gateRecord(WorkflowRun run) throws IOException {
        return gateRecord(run, "upstream-pr/gate-record.json");
    }

    /** The gate record archived as {@code name} ({@code upstream-pr/ID/gate-record.json} for gate ID), or null. */
    static JsonNode gateRecord(WorkflowRun run, String name) throws IOException {
        String text = artifact(run, name);
        return text == null ? null : JSON.readTree(text);
    }

    /**
     * The text of the build page {@code page} ({@code upstream-pr-proposal/}, relative to the build) as {@code user}
     * sees it, and its HTTP status as the first line.
     */
    static String page(JenkinsRule r, WorkflowRun run, String user, String page) throws Exception {
        JenkinsRule.WebClient web = r.createWebClient().login(user);
        web.setThrowExceptionOnFailingStatusCode(false);
        web.getOptions().setJavaScriptEnabled(false);
        WebResponse response = web.getPage(new WebRequest(new URL(r.getURL(), run.getUrl() + page)))
                .getWebResponse();
        return response.getStatusCode() + "\n" + response.getContentAsString();
    }

    /**
     * After each test: the stand-in's check and stop ({@link GitHubStub#afterEach}). Registered on a field, this runs
     * before {@code @WithJenkins} stops Jenkins ({@code JenkinsExtension.afterEach}), as an {@code @AfterEach} did.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        github.afterEach(context);
    }
}
