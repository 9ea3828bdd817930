package io.jenkins.plugins.upstreampr.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.TOKEN;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.error;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upstream-pr create} when GitHub fails in passing: it waits within {@code --max-wait}, says so on stderr, and
 * sends the POST again only after a read showed no pull request. Waits are recorded, never slept.
 */
class GitHubRetriesCommandTest {

    private static final String PULLS = "/repos/upstream/project/pulls";

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final List<CommandRun> runs = new ArrayList<>();
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    @TempDir
    Path dir;
    private Path body;

    @BeforeEach
    void setUp() throws Exception {
        GitHubOptions.environment = name -> name.equals("GITHUB_TOKEN") ? TOKEN : null;
        GitHubOptions.sleeper = sleeps::add;
        body = Files.writeString(dir.resolve("body.md"), "Fixes #1234\n");
        github.server.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200,
                GitHubStub.pullRequestList("upstream/project", 0, "octo:fix/issue-1234", "main"))));
    }

    @AfterEach
    void restoreAndCheckNoTokenShown() {
        GitHubOptions.environment = System::getenv;
        GitHubOptions.sleeper = io.jenkins.plugins.upstreampr.github.Sleeper.SYSTEM;
        CommandRun.assertNeverShown(TOKEN, runs);
    }

    private CommandRun create(String... more) {
        List<String> all = new ArrayList<>(List.of("create", "--upstream", "upstream/project", "--head",
                "octo:fix/issue-1234", "--base", "main", "--title", "Fix issue 1234", "--body-file", body.toString(),
                "--json", "--api-url", github.apiUrl().toString()));
        all.addAll(List.of(more));
        CommandRun run = CommandRun.run(all.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    private void stubPostAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("post").whenScenarioStateIs(state)
                    .willReturn(failures[i]).willSetStateTo("failed " + (i + 1)));
            state = "failed " + (i + 1);
        }
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("post").whenScenarioStateIs(state)
                .willReturn(json(201, GitHubStub.createdPullRequest("upstream/project", 42, "octo:fix/issue-1234",
                        "main", SHA_A, true))));
    }

    @Test
    void aPostAnswering502TwiceIsReadThenSentAgainAndOpensThePullRequest() throws Exception {
        stubPostAnswers(json(502, error("Server Error")), json(502, error("Server Error")));

        CommandRun run = create();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(run.out()).path("number").asInt()).isEqualTo(42);
        github.server.verify(3, postRequestedFor(urlPathEqualTo(PULLS)));
        assertThat(run.err()).contains("upstream-pr create: GitHub: HTTP 502 while opening a pull request from "
                + "octo:fix/issue-1234 into upstream/project:main; trying again in 0.5 s (waiting at most 2m in all, "
                + "--max-wait)").contains("trying again in 1 s");
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void aSecondaryRateLimitWithRetryAfterIsWaitedOutAndSaidOnStderr() throws Exception {
        stubPostAnswers(json(429, error("You have exceeded a secondary rate limit.")).withHeader("Retry-After", "1"));

        CommandRun run = create();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.err()).contains("rate limit (HTTP 429)").contains("trying again in 2 s");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        github.server.verify(2, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void aPrimaryLimitResettingAfterMaxWaitFailsAtOnceNamingTheResetTime() {
        Instant reset = Instant.now().plusSeconds(3600);
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody(error("API rate limit exceeded for user ID 1.").toString())
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond()))));

        CommandRun run = create("--max-wait", "5m");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("resets at " + Instant.ofEpochSecond(reset.getEpochSecond()))
                .contains("at most 300 s in all").contains("--max-wait");
        assertThat(sleeps).isEmpty();
        github.server.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void maxWaitZeroNeverWaits() {
        stubPostAnswers(json(429, error("You have exceeded a secondary rate limit.")).withHeader("Retry-After", "1"));

        CommandRun run = create("--max-wait", "0s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("rate limit").doesNotContain("trying again");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aBadMaxWaitIsAUsageError() {
        CommandRun run = create("--max-wait", "soon");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--max-wait 'soon'");
        assertThat(github.requests()).isEmpty();
    }
}
