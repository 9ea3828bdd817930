package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.NOW;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.createdPullRequest;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.error;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.pullRequestList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.upstreampr.followup.UpstreamOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GitHub failing in passing, on the write after a decision, the staging reads and the after-merge read: every fault
 * class before the write took effect and after it, races, rate limits, and the non-blocking mode driven turn by turn
 * as a timer would. Waits are recorded by the stand-in's sleeper, never slept; requests are counted.
 */
class PassingFaultsTest {

    private static final RepositoryName UPSTREAM = RepositoryName.parse("upstream/project");
    private static final HeadRef HEAD = HeadRef.parse("octo:fix/issue-1234");
    private static final String PULLS = "/repos/upstream/project/pulls";
    private static final String OPENED = "opened";

    @RegisterExtension
    final GitHubStub github = new GitHubStub();

    /** How a request can fail in passing, as WireMock answers it. */
    enum PassingFault {
        BAD_GATEWAY(json(502, error("Server Error"))),
        UNAVAILABLE(json(503, error("Service Unavailable"))),
        CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        EMPTY_RESPONSE(aResponse().withFault(Fault.EMPTY_RESPONSE)),
        /** An answer that comes after the client gave up (the session times out after 700 ms). */
        TIMEOUT(json(201, createdPullRequest("upstream/project", 50, HEAD.toString(), "main", SHA_A, true))
                .withFixedDelay(2500));

        final ResponseDefinitionBuilder answer;

        PassingFault(ResponseDefinitionBuilder answer) {
            this.answer = answer;
        }

        /** The fault where nothing was opened: a timeout is a 502 that comes too late. */
        ResponseDefinitionBuilder withoutEffect() {
            return this == TIMEOUT ? json(502, error("Server Error")).withFixedDelay(2500) : answer;
        }
    }

    private GitHubSession session() {
        return github.session(Duration.ofMillis(700));
    }

    private static PullRequestProposal proposal() {
        return PullRequestProposal.builder(UPSTREAM, HEAD, "Fix issue 1234", "Fixes #1234").base("main").build();
    }

    /** The list of open pull requests for the head: none until the scenario is in {@code opened}, then #50. */
    private void stubListShowingThePullRequestOnceOpened(String scenario) {
        github.server.stubFor(get(urlPathEqualTo(PULLS)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, pullRequestList("upstream/project", 0, HEAD.toString(), "main"))));
        github.server.stubFor(get(urlPathEqualTo(PULLS)).inScenario(scenario).whenScenarioStateIs(OPENED)
                .willReturn(json(200, pullRequestList("upstream/project", 50, HEAD.toString(), "main"))));
    }

    private int posts() {
        return github.server.findAll(postRequestedFor(urlPathEqualTo(PULLS))).size();
    }

    private int listReads() {
        return github.server.findAll(getRequestedFor(urlPathEqualTo(PULLS))).size();
    }

    // ---------------------------------------------------------------- the write, before and after its effect

    @ParameterizedTest
    @EnumSource(PassingFault.class)
    void aFaultBeforeTheWriteTookEffectIsReadThenSentAgain(PassingFault fault) {
        // Two failures that opened nothing, then GitHub opens it.
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault.withoutEffect())
                .willSetStateTo("failed once"));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs("failed once")
                .willReturn(fault.withoutEffect())
                .willSetStateTo("failed twice"));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs("failed twice")
                .willReturn(json(201, createdPullRequest("upstream/project", 50, HEAD.toString(), "main", SHA_A,
                        true))).willSetStateTo(OPENED));
        github.server.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200,
                pullRequestList("upstream/project", 0, HEAD.toString(), "main"))));

        UpstreamPullRequest pr = new UpstreamPullRequests(session()).open(proposal());

        assertThat(pr.created()).isTrue();
        assertThat(pr.number()).isEqualTo(50);
        assertThat(posts()).isEqualTo(3);
        assertThat(listReads()).as("a read between every two POSTs").isEqualTo(2);
        assertThat(github.requests()).containsExactly("POST " + PULLS, "GET " + PULLS
                + "?state=open&head=octo%3Afix%2Fissue-1234&base=main&per_page=10", "POST " + PULLS, "GET " + PULLS
                + "?state=open&head=octo%3Afix%2Fissue-1234&base=main&per_page=10", "POST " + PULLS);
        assertThat(github.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(PassingFault.class)
    void aFaultAfterTheWriteTookEffectIsFoundByTheReadAndTheWriteIsSentOnce(PassingFault fault) {
        // GitHub opened it, but the client saw an error or nothing.
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault.answer).willSetStateTo(OPENED));
        stubListShowingThePullRequestOnceOpened("w");

        UpstreamPullRequest pr = new UpstreamPullRequests(session()).open(proposal());

        assertThat(pr.number()).isEqualTo(50);
        assertThat(pr.created()).isTrue();
        assertThat(pr.warnings()).singleElement().asString().contains("no clear answer").contains("most likely");
        assertThat(posts()).isEqualTo(1);
        assertThat(listReads()).isEqualTo(1);
    }

    @Test
    void aWriteThatKeepsFailingStopsAfterTheLastAttemptAndSaysWhereToLook() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(502, error("Server Error"))));
        github.server.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200,
                pullRequestList("upstream/project", 0, HEAD.toString(), "main"))));

        GitHubException e = catchThrowableOfType(GitHubException.class,
                () -> new UpstreamPullRequests(session()).open(proposal()));

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.SERVER_ERROR);
        assertThat(e.getMessage()).contains("No pull request from octo:fix/issue-1234 into upstream/project:main is "
                + "listed").contains("githubstatus");
        assertThat(posts()).isEqualTo(4);
        assertThat(listReads()).as("a read after every POST").isEqualTo(4);
        assertThat(github.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    @Test
    void twoRacingCreatesOpenExactlyOnePullRequest() throws Exception {
        // GitHub's own rule, as the stand-in plays it: the first POST opens #50, any later one is refused.
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(201, createdPullRequest("upstream/project", 50, HEAD.toString(), "main", SHA_A,
                        true)).withFixedDelay(200)).willSetStateTo(OPENED));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("race").whenScenarioStateIs(OPENED)
                .willReturn(json(422, error("Validation Failed",
                        "A pull request already exists for octo:fix/issue-1234."))));
        stubListShowingThePullRequestOnceOpened("race");
        CountDownLatch go = new CountDownLatch(1);
        Supplier<UpstreamPullRequest> build = () -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new UpstreamPullRequests(github.session()).open(proposal());
        };

        CompletableFuture<UpstreamPullRequest> one = CompletableFuture.supplyAsync(build);
        go.countDown();
        // the other build sends its POST while the first one's answer is still on its way
        while (posts() == 0) {
            Thread.onSpinWait();
        }
        CompletableFuture<UpstreamPullRequest> other = CompletableFuture.supplyAsync(build);
        List<UpstreamPullRequest> both = List.of(one.get(), other.get());

        assertThat(both).extracting(UpstreamPullRequest::number).containsOnly(50);
        assertThat(both).filteredOn(UpstreamPullRequest::created).hasSize(1);
        assertThat(posts()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- rate limits

    @Test
    void aSecondaryRateLimitOnTheWriteIsWaitedOutAsRetryAfterSaysThenReadThenSentAgain() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(403, error("You have exceeded a secondary rate limit. Please wait a few minutes "
                        + "before you try again.")).withHeader("Retry-After", "1")).willSetStateTo("limited"));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs("limited")
                .willReturn(json(201, createdPullRequest("upstream/project", 50, HEAD.toString(), "main", SHA_A,
                        true))));
        github.server.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200,
                pullRequestList("upstream/project", 0, HEAD.toString(), "main"))));

        UpstreamPullRequest pr = new UpstreamPullRequests(session()).open(proposal());

        assertThat(pr.created()).isTrue();
        assertThat(pr.warnings()).isEmpty();
        assertThat(github.sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(posts()).isEqualTo(2);
        assertThat(listReads()).isEqualTo(1);
    }

    private static ResponseDefinitionBuilder primaryLimit(Instant reset) {
        return aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody(error("API rate limit exceeded for user ID 1.").toString())
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond()));
    }

    @Test
    void aPrimaryLimitResettingWithinTheBoundIsWaitedOut() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(primaryLimit(NOW.plusSeconds(90))).willSetStateTo("reset"));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs("reset")
                .willReturn(json(201, createdPullRequest("upstream/project", 50, HEAD.toString(), "main", SHA_A,
                        true))));
        github.server.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200,
                pullRequestList("upstream/project", 0, HEAD.toString(), "main"))));

        UpstreamPullRequest pr = new UpstreamPullRequests(session().withRetryRule(RetryRule.terminal()))
                .open(proposal());

        assertThat(pr.number()).isEqualTo(50);
        assertThat(github.sleeps).containsExactly(Duration.ofSeconds(91));
        assertThat(posts()).isEqualTo(2);
    }

    @Test
    void aPrimaryLimitResettingOutsideTheBoundFailsAtOnceNamingTheResetTime() {
        Instant reset = NOW.plusSeconds(1800);
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(primaryLimit(reset)));

        GitHubException e = catchThrowableOfType(GitHubException.class, () -> new UpstreamPullRequests(
                session().withRetryRule(RetryRule.terminal())).open(proposal()));

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.RATE_LIMITED);
        assertThat(e.rateLimitReset()).contains(reset);
        assertThat(e.getMessage()).contains("resets at " + reset).contains("at most 120 s in all");
        assertThat(github.sleeps).isEmpty();
        assertThat(github.requests()).containsExactly("POST " + PULLS);
    }

    @Test
    void aPrimaryLimitOnAReadWithinTheBoundIsWaitedOut() {
        String pr = "/repos/octo/fork/pulls/7";
        github.server.stubFor(get(urlPathEqualTo(pr)).inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(primaryLimit(NOW.plusSeconds(30))).willSetStateTo("reset"));
        github.server.stubFor(get(urlPathEqualTo(pr)).inScenario("r").whenScenarioStateIs("reset")
                .willReturn(json(200, GitHubStub.pullRequest("octo", "fork", 7, "fix", SHA_A))));

        StagingCheck.HeadCommit head = new StagingCheck(session().withRetryRule(RetryRule.terminal()))
                .readHead(PullRequestRef.parse("octo/fork#7"));

        assertThat(head.sha()).isEqualTo(SHA_A);
        assertThat(github.sleeps).containsExactly(Duration.ofSeconds(31));
    }

    // ---------------------------------------------------------------- the reads

    @ParameterizedTest
    @EnumSource(value = PassingFault.class, names = {"BAD_GATEWAY", "UNAVAILABLE", "CONNECTION_RESET",
        "EMPTY_RESPONSE"})
    void eachStagingReadIsRetriedOnAPassingFault(PassingFault fault) {
        github.stubGreenStaging();
        for (String path : List.of("/repos/octo/fork/pulls/7", "/repos/octo/fork/commits/" + SHA_A + "/status",
                "/repos/octo/fork/commits/" + SHA_A + "/check-runs")) {
            github.server.stubFor(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(fault.answer).willSetStateTo("up").atPriority(1));
        }

        StagingVerdict verdict = new StagingCheck(session()).check(PullRequestRef.parse("octo/fork#7"),
                StagingPolicy.defaults());

        assertThat(verdict.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(github.requests()).as("each read failed once, then answered").hasSize(6);
        // a dropped connection may also break the next attempt on the same pooled connection: a second, longer wait
        assertThat(github.sleeps).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void aStagingReadThatTimesOutIsRetried() {
        github.stubGreenStaging();
        String runs = "/repos/octo/fork/commits/" + SHA_A + "/check-runs";
        github.server.stubFor(get(urlPathEqualTo(runs)).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, GitHubStub.checkRuns(SHA_A, "build=completed/success")).withFixedDelay(2500))
                .willSetStateTo("fast").atPriority(1));

        StagingVerdict verdict = new StagingCheck(session()).check(PullRequestRef.parse("octo/fork#7"),
                StagingPolicy.defaults());

        assertThat(verdict.verdict()).isEqualTo(Verdict.GREEN);
        github.server.verify(2, getRequestedFor(urlPathEqualTo(runs)));
    }

    @ParameterizedTest
    @EnumSource(value = PassingFault.class, names = {"BAD_GATEWAY", "CONNECTION_RESET", "EMPTY_RESPONSE"})
    void theAfterMergeReadIsRetriedOnAPassingFault(PassingFault fault) {
        String path = "/repos/up/project/pulls/42";
        var merged = GitHubStub.pullRequest("octo", "fork", 42, "fix", SHA_A).put("state", "closed")
                .put("merged", true).put("merged_at", "2026-03-11T09:00:00Z")
                .put("html_url", "https://github.com/up/project/pull/42");
        github.server.stubFor(get(urlPathEqualTo(path)).inScenario("m").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault.answer).willSetStateTo("up"));
        github.server.stubFor(get(urlPathEqualTo(path)).inScenario("m").whenScenarioStateIs("up")
                .willReturn(json(200, merged)));

        UpstreamOutcome outcome = UpstreamOutcome.ifEnded(new PullRequestReads(session(),
                PullRequestRef.parse("up/project#42")).ending()).orElseThrow();

        assertThat(outcome.isMerged()).isTrue();
        github.server.verify(2, getRequestedFor(urlPathEqualTo(path)));
        assertThat(github.sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void theReadsOfOneEffortShareItsProgressAndBoundEvenThroughCopiesWithOtherTime() {
        String pr = "/repos/octo/fork/pulls/7";
        github.server.stubFor(get(urlPathEqualTo(pr)).willReturn(json(502, error("Server Error"))));
        List<Duration> waits = new ArrayList<>();
        // 4 attempts in all: the first read uses three of them, the second read only the last one
        GitHubSession effort = session().retrying(RetryProgress.start(NOW), true)
                .withTime(waits::add, Clock.fixed(NOW, ZoneOffset.UTC));
        StagingCheck staging = new StagingCheck(effort);

        GitHubException first = catchThrowableOfType(GitHubException.class,
                () -> staging.readHead(PullRequestRef.parse("octo/fork#7")));
        GitHubException second = catchThrowableOfType(GitHubException.class,
                () -> staging.readHead(PullRequestRef.parse("octo/fork#7")));

        assertThat(first.kind()).isEqualTo(GitHubException.Kind.SERVER_ERROR);
        assertThat(first.getMessage()).contains("4 times in a row");
        assertThat(second.kind()).isEqualTo(GitHubException.Kind.SERVER_ERROR);
        assertThat(second.getMessage()).doesNotContain("times in a row");
        github.server.verify(5, getRequestedFor(urlPathEqualTo(pr)));
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(github.sleeps).isEmpty();
        assertThat(effort.retryProgress().orElseThrow().transientRetries()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- not blocking: turn by turn

    /** A progress as a restarted controller reads it back from disk. */
    private static RetryProgress afterRestart(RetryProgress progress) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(progress);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (RetryProgress) in.readObject();
        }
    }

    @Test
    void withoutBlockingEachWaitIsARetryLaterAndTheNextTurnReadsBeforeItWrites() throws Exception {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(502, error("Server Error"))).willSetStateTo("failed"));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs("failed")
                .willReturn(json(429, error("You have exceeded a secondary rate limit."))
                        .withHeader("Retry-After", "60")).willSetStateTo("limited"));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs("limited")
                .willReturn(json(201, createdPullRequest("upstream/project", 50, HEAD.toString(), "main", SHA_A,
                        true))).willSetStateTo(OPENED));
        github.server.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200,
                pullRequestList("upstream/project", 0, HEAD.toString(), "main"))));
        UpstreamPullRequests pulls = new UpstreamPullRequests(session().withRetryRule(RetryRule.afterDecision()));
        List<String> log = new ArrayList<>();

        // tick 1: the POST fails with a 502
        RetryLater first = catchThrowableOfType(RetryLater.class, () -> pulls.attemptOpen(proposal(), null));
        log.add(first.getMessage());
        assertThat(first.waitBefore()).isEqualTo(Duration.ofSeconds(5));
        assertThat(first.reason()).isEqualTo("HTTP 502");
        assertThat(first.progress().postsSent()).isEqualTo(1);
        assertThat(first.progress().postMayHaveTakenEffect()).isTrue();
        assertThat(github.requests()).containsExactly("POST " + PULLS);

        // tick 2, after a restart: read first, then the POST meets the secondary rate limit
        RetryLater second = catchThrowableOfType(RetryLater.class,
                () -> pulls.attemptOpen(proposal(), afterRestart(first.progress())));
        log.add(second.getMessage());
        assertThat(second.waitBefore()).isEqualTo(Duration.ofSeconds(61));
        assertThat(second.progress().retries()).extracting(RetryProgress.Retry::reason)
                .containsExactly("HTTP 502", "rate limit (HTTP 429), resets at " + NOW.plusSeconds(60));
        assertThat(second.progress().waited()).isEqualTo(Duration.ofSeconds(66));

        // tick 3: read first again, then GitHub opens it
        UpstreamPullRequest pr = pulls.attemptOpen(proposal(), second.progress());

        assertThat(pr.number()).isEqualTo(50);
        assertThat(pr.created()).isTrue();
        assertThat(posts()).isEqualTo(3);
        assertThat(listReads()).isEqualTo(2);
        assertThat(github.requests()).containsExactly("POST " + PULLS, "GET " + PULLS
                + "?state=open&head=octo%3Afix%2Fissue-1234&base=main&per_page=10", "POST " + PULLS, "GET " + PULLS
                + "?state=open&head=octo%3Afix%2Fissue-1234&base=main&per_page=10", "POST " + PULLS);
        assertThat(github.sleeps).as("nothing waited in a thread").isEmpty();
        assertThat(log).containsExactly(
                "GitHub: HTTP 502 while opening a pull request from octo:fix/issue-1234 into upstream/project:main; "
                        + "trying again in 5 s (retry 1, 5 s waited in all)",
                "GitHub: rate limit (HTTP 429), resets at 2026-03-10T12:01:00Z while opening a pull request from "
                        + "octo:fix/issue-1234 into upstream/project:main; trying again in 61 s (retry 2, 66 s "
                        + "waited in all)");
    }

    @Test
    void afterARestartWithAnUncertainWriteTheNextTurnFindsThePullRequestAndDoesNotWriteAgain() throws Exception {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo(OPENED));
        stubListShowingThePullRequestOnceOpened("w");
        UpstreamPullRequests pulls = new UpstreamPullRequests(session().withRetryRule(RetryRule.afterDecision()));

        RetryLater later = catchThrowableOfType(RetryLater.class, () -> pulls.attemptOpen(proposal(),
                RetryProgress.start(NOW)));
        UpstreamPullRequest pr = pulls.attemptOpen(proposal(), afterRestart(later.progress()));

        assertThat(later.reason()).startsWith("no answer (");
        assertThat(pr.number()).isEqualTo(50);
        assertThat(pr.created()).isTrue();
        assertThat(pr.warnings()).singleElement().asString().contains("no clear answer");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void aProgressReadBackFromDiskReadsBeforeItsFirstWrite() throws Exception {
        // A restart may have lost the record of a POST sent just before it: the list is read first.
        github.server.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200,
                pullRequestList("upstream/project", 50, HEAD.toString(), "main"))));

        RetryProgress restored = afterRestart(RetryProgress.start(NOW));
        UpstreamPullRequest pr = new UpstreamPullRequests(session()).attemptOpen(proposal(), restored);

        assertThat(restored.cameBack()).isTrue();
        assertThat(RetryProgress.start(NOW).cameBack()).isFalse();
        assertThat(pr.number()).isEqualTo(50);
        assertThat(pr.created()).as("not proven to be this build's").isFalse();
        assertThat(posts()).isZero();
    }

    @Test
    void withoutBlockingTheBoundStillHolds() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(429,
                error("You have exceeded a secondary rate limit.")).withHeader("Retry-After", "600")));
        github.server.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200,
                pullRequestList("upstream/project", 0, HEAD.toString(), "main"))));
        UpstreamPullRequests pulls = new UpstreamPullRequests(session().withRetryRule(RetryRule.afterDecision()));

        RetryProgress progress = RetryProgress.start(NOW);
        int turns = 0;
        GitHubException failure = null;
        while (failure == null) {
            turns++;
            try {
                pulls.attemptOpen(proposal(), progress);
            } catch (RetryLater later) {
                progress = later.progress();
            } catch (GitHubException e) {
                failure = e;
            }
        }

        // 601 s a wait: the third one would pass the 30 minutes
        assertThat(turns).isEqualTo(3);
        assertThat(progress.waited()).isEqualTo(Duration.ofSeconds(1202));
        assertThat(failure.kind()).isEqualTo(GitHubException.Kind.RATE_LIMITED);
        assertThat(posts()).isEqualTo(3);
    }

    @Test
    void anInterruptedWaitStopsAtOnce() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(502, error("Server Error"))));
        github.server.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200,
                pullRequestList("upstream/project", 0, HEAD.toString(), "main"))));
        GitHubSession aborting = session().withTime(d -> {
            throw new InterruptedException("aborted");
        }, Clock.fixed(NOW, ZoneOffset.UTC));

        GitHubException e = catchThrowableOfType(GitHubException.class,
                () -> new UpstreamPullRequests(aborting).open(proposal()));

        assertThat(e.getMessage()).contains("Interrupted while waiting to retry");
        assertThat(posts()).isEqualTo(1);
        assertThat(listReads()).isZero();
        Thread.interrupted();
    }
}
