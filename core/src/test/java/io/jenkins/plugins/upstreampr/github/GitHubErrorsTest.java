package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.NOW;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.error;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.pullRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each failure GitHub can answer with, and the message a human gets for it. */
class GitHubErrorsTest {

    private static final PullRequestRef STAGING = PullRequestRef.parse("octo/fork#7");
    private static final String PR = "/repos/octo/fork/pulls/7";

    @RegisterExtension
    final GitHubStub github = new GitHubStub();

    private GitHubException readingStagingFails() {
        return catchThrowableOfType(GitHubException.class,
                () -> new StagingCheck(github.session()).check(STAGING, StagingPolicy.defaults()));
    }

    @Test
    void badCredentials() {
        github.server.stubFor(get(urlPathEqualTo(PR)).willReturn(json(401, error("Bad credentials"))));

        GitHubException e = readingStagingFails();

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.BAD_CREDENTIALS);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("staging pull request octo/fork#7").contains("Bad credentials")
                .contains("expired or revoked");
        github.server.verify(1, getRequestedFor(urlPathEqualTo(PR)));
    }

    @Test
    void missingPermission() {
        github.server.stubFor(post(urlPathEqualTo("/repos/upstream/project/pulls")).willReturn(json(403,
                error("Resource not accessible by personal access token"))));

        GitHubException e = catchThrowableOfType(GitHubException.class, () -> new UpstreamPullRequests(
                github.session()).open(PullRequestProposal.builder(RepositoryName.parse("upstream/project"),
                        HeadRef.parse("octo:fix"), "t", "b").base("main").build()));

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.FORBIDDEN);
        assertThat(e.getMessage()).contains("octo:fix into upstream/project:main")
                .contains("Resource not accessible").contains("Pull requests: write");
    }

    @Test
    void primaryRateLimitNamesTheResetTime() {
        Instant reset = NOW.plusSeconds(1800);
        github.server.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody(error("API rate limit exceeded for user.").toString())
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond()))));

        GitHubException e = readingStagingFails();

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.RATE_LIMITED);
        assertThat(e.rateLimitReset()).contains(reset);
        assertThat(e.getMessage()).contains("resets at " + reset).contains("octo/fork#7");
        assertThat(github.sleeps).isEmpty();
    }

    @Test
    void secondaryRateLimitIsWaitedOutWhenAllowed() {
        github.server.stubFor(get(urlPathEqualTo(PR)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, error("You have exceeded a secondary rate limit.")).withHeader("Retry-After", "30"))
                .willSetStateTo("ok"));
        github.server.stubFor(get(urlPathEqualTo(PR)).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(json(200, pullRequest("octo", "fork", 7, "fix", SHA_A))));

        PullRequestRef ok = PullRequestRef.parse("octo/fork#7");
        StagingCheck.HeadCommit head = new StagingCheck(github.session().withMaxWait(Duration.ofMinutes(5)))
                .readHead(ok);

        assertThat(head.sha()).isEqualTo(SHA_A);
        assertThat(github.sleeps).containsExactly(Duration.ofSeconds(31));
    }

    @Test
    void rateLimitLongerThanTheAllowedWaitFailsAtOnce() {
        github.server.stubFor(get(urlPathEqualTo(PR)).willReturn(json(429, error("secondary rate limit"))
                .withHeader("Retry-After", "3600")));

        GitHubException e = catchThrowableOfType(GitHubException.class, () -> new StagingCheck(
                github.session().withMaxWait(Duration.ofMinutes(5))).check(STAGING, StagingPolicy.defaults()));

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.RATE_LIMITED);
        assertThat(e.rateLimitReset()).contains(NOW.plusSeconds(3600));
        assertThat(github.sleeps).isEmpty();
    }

    @Test
    void notFoundNamesThePullRequestAndThePossibleLackOfAccess() {
        github.server.stubFor(get(urlPathEqualTo(PR)).willReturn(json(404, error("Not Found"))));

        GitHubException e = readingStagingFails();

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.NOT_FOUND);
        assertThat(e.getMessage()).contains("staging pull request octo/fork#7").contains("cannot see");
    }

    @Test
    void notFoundRepositoryOnCreation() {
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/gone")).willReturn(json(404, error("Not Found"))));

        GitHubException e = catchThrowableOfType(GitHubException.class, () -> new UpstreamPullRequests(
                github.session()).open(PullRequestProposal.builder(RepositoryName.parse("upstream/gone"),
                        HeadRef.parse("octo:fix"), "t", "b").build()));

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.NOT_FOUND);
        assertThat(e.getMessage()).contains("repository upstream/gone");
    }

    @Test
    void serverErrorsOnReadsAreRetriedWithBoundedBackoff() {
        github.server.stubFor(get(urlPathEqualTo(PR)).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(502, error("Server Error"))).willSetStateTo("again"));
        github.server.stubFor(get(urlPathEqualTo(PR)).inScenario("5xx").whenScenarioStateIs("again")
                .willReturn(json(503, error("Service Unavailable"))).willSetStateTo("up"));
        github.server.stubFor(get(urlPathEqualTo(PR)).inScenario("5xx").whenScenarioStateIs("up")
                .willReturn(json(200, pullRequest("octo", "fork", 7, "fix", SHA_A))));

        StagingCheck.HeadCommit head = new StagingCheck(github.session()).readHead(STAGING);

        assertThat(head.sha()).isEqualTo(SHA_A);
        assertThat(github.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void persistentServerErrorsStopAfterTheLastAttempt() {
        github.server.stubFor(get(urlPathEqualTo(PR)).willReturn(json(500, error("Server Error"))));

        GitHubException e = catchThrowableOfType(GitHubException.class, () -> new StagingCheck(github.session()
                .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(150))))
                .check(STAGING, StagingPolicy.defaults()));

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.SERVER_ERROR);
        assertThat(e.getMessage()).contains("octo/fork#7").contains("3 times").contains("githubstatus");
        github.server.verify(3, getRequestedFor(urlPathEqualTo(PR)));
        assertThat(github.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(150));
    }

    @Test
    void timeoutsOnReadsAreRetried() {
        github.server.stubFor(get(urlPathEqualTo(PR)).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, pullRequest("octo", "fork", 7, "fix", SHA_A)).withFixedDelay(3000))
                .willSetStateTo("fast"));
        github.server.stubFor(get(urlPathEqualTo(PR)).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(json(200, pullRequest("octo", "fork", 7, "fix", SHA_A))));

        StagingCheck.HeadCommit head = new StagingCheck(github.session(Duration.ofMillis(700))).readHead(STAGING);

        assertThat(head.sha()).isEqualTo(SHA_A);
        assertThat(github.sleeps).containsExactly(Duration.ofMillis(500));
        github.server.verify(2, getRequestedFor(urlPathEqualTo(PR)));
    }

    @Test
    void noAnswerAtAllNamesTheApiUrl() {
        github.server.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE)));

        GitHubException e = catchThrowableOfType(GitHubException.class, () -> new StagingCheck(github.session()
                .withRetryPolicy(new RetryPolicy(2, Duration.ZERO, Duration.ZERO))).check(STAGING,
                        StagingPolicy.defaults()));

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.UNREACHABLE);
        assertThat(e.getMessage()).contains(github.tlsApiUrl().toString()).contains("--api-url");
        github.server.verify(2, getRequestedFor(urlPathEqualTo(PR)));
    }

    @Test
    void anAnswerThatIsNotJsonIsExplained() {
        github.server.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>login</html>")));

        GitHubException e = readingStagingFails();

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.UNEXPECTED);
        assertThat(e.getMessage()).contains("not JSON").contains("api/v3");
    }

    @Test
    void theDescriptionCheckRejectsARequestGitHubDoesNotDescribe() {
        // The legacy path github-api uses for statuses is not in the description: the check must catch it.
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/statuses/" + SHA_A))
                .willReturn(json(200, GitHubStub.exampleArray("repos--list-commit-statuses-for-ref",
                        "200-default.json"))));
        github.session().get("reading legacy statuses", "/repos/octo/fork/statuses/" + SHA_A, Map.of());

        assertThat(GitHubSpecCheck.dotCom().check(github.server).hasErrors()).isTrue();
        github.server.resetRequests();
    }
}
