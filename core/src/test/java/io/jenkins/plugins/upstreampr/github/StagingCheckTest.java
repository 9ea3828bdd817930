package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_B;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.checkRuns;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.combinedStatus;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.pullRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StagingCheckTest {

    private static final PullRequestRef STAGING = PullRequestRef.parse("octo/fork#7");
    private static final String PR = "/repos/octo/fork/pulls/7";

    @RegisterExtension
    final GitHubStub github = new GitHubStub();

    private void stubHead(String sha) {
        github.server.stubFor(get(urlPathEqualTo(PR)).willReturn(json(200, pullRequest("octo", "fork", 7,
                "fix/issue-1234", sha), "\"pr-" + sha + "\"")));
    }

    private void stubChecks(String sha, String[] statuses, String... runs) {
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + sha + "/status"))
                .willReturn(json(200, combinedStatus(sha, statuses), "\"st-" + sha + "\"")));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + sha + "/check-runs"))
                .willReturn(json(200, checkRuns(sha, runs), "\"cr-" + sha + "\"")));
    }

    private static String[] statuses(String... s) {
        return s;
    }

    private StagingVerdict check(StagingPolicy policy) {
        return new StagingCheck(github.session()).check(STAGING, policy);
    }

    @Test
    void greenWhenEveryStatusAndCheckRunPassed() {
        stubHead(SHA_A);
        stubChecks(SHA_A, statuses("continuous-integration/jenkins=success"), "build=completed/success",
                "lint=completed/neutral", "docs=completed/skipped");

        StagingVerdict verdict = check(StagingPolicy.defaults());

        assertThat(verdict.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(verdict.passes()).isTrue();
        assertThat(verdict.sha()).isEqualTo(SHA_A);
        assertThat(verdict.head()).isEqualTo(new HeadRef("octo", "fix/issue-1234"));
        assertThat(verdict.checks()).extracting(CheckResult::name, CheckResult::state, CheckResult::url)
                .containsExactly(
                        tuple("continuous-integration/jenkins", CheckState.SUCCESS,
                                "https://ci.example.com/continuous-integration/jenkins"),
                        tuple("build", CheckState.SUCCESS, "https://github.com/octo/fork/runs/100"),
                        tuple("lint", CheckState.SUCCESS, "https://github.com/octo/fork/runs/101"),
                        tuple("docs", CheckState.SUCCESS, "https://github.com/octo/fork/runs/102"));
        // they count as passed, but GitHub's own word is carried through to be shown
        assertThat(verdict.checks()).extracting(CheckResult::conclusion, CheckResult::shownState)
                .containsExactly(tuple("success", "success"), tuple("success", "success"),
                        tuple("neutral", "success (neutral)"), tuple("skipped", "success (skipped)"));
        assertThat(github.requests()).hasSize(3);
        github.server.verify(getRequestedFor(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/check-runs"))
                .withQueryParam("filter", equalTo("latest")).withQueryParam("per_page", equalTo("100")));
    }

    @Test
    void pendingWhileACheckRunIsInProgress() {
        stubHead(SHA_A);
        stubChecks(SHA_A, statuses("ci=success"), "build=in_progress");

        StagingVerdict verdict = check(StagingPolicy.defaults());
        assertThat(verdict.verdict()).isEqualTo(Verdict.PENDING);
        assertThat(verdict.checks()).extracting(CheckResult::name, CheckResult::shownState)
                .contains(tuple("build", "pending (in_progress)"));
    }

    @Test
    void redWhenAStatusFailedEvenIfAnotherIsPending() {
        stubHead(SHA_A);
        stubChecks(SHA_A, statuses("ci=failure", "other=pending"), "build=completed/success");

        StagingVerdict verdict = check(StagingPolicy.defaults());

        assertThat(verdict.verdict()).isEqualTo(Verdict.RED);
        assertThat(verdict.passes()).isFalse();
    }

    @Test
    void cancelledOrTimedOutCheckRunsAreRed() {
        stubHead(SHA_A);
        stubChecks(SHA_A, statuses(), "build=completed/timed_out");

        assertThat(check(StagingPolicy.defaults()).verdict()).isEqualTo(Verdict.RED);
    }

    @Test
    void noChecksAtAllIsNoneAndNotAPassUnlessAllowed() {
        stubHead(SHA_A);
        stubChecks(SHA_A, statuses());

        StagingVerdict strict = check(StagingPolicy.defaults());
        StagingVerdict lenient = check(new StagingPolicy(RequiredChecks.all(), true));

        assertThat(strict.verdict()).isEqualTo(Verdict.NONE);
        assertThat(strict.passes()).isFalse();
        assertThat(lenient.verdict()).isEqualTo(Verdict.NONE);
        assertThat(lenient.passes()).isTrue();
    }

    @Test
    void requiredChecksAloneDecideByExactNameOrGlob() {
        stubHead(SHA_A);
        stubChecks(SHA_A, statuses("flaky/optional=failure"), "build (ubuntu)=completed/success",
                "build (windows)=completed/success", "deploy-preview=in_progress");

        StagingVerdict verdict = check(new StagingPolicy(new RequiredChecks(List.of("build (*)")), false));

        assertThat(verdict.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(verdict.checks()).filteredOn(CheckResult::required).extracting(CheckResult::name)
                .containsExactly("build (ubuntu)", "build (windows)");
    }

    @Test
    void aMissingRequiredCheckIsPendingNotGreen() {
        stubHead(SHA_A);
        stubChecks(SHA_A, statuses("ci=success"), "build=completed/success");

        StagingVerdict verdict = check(new StagingPolicy(new RequiredChecks(List.of("build", "integration-tests")),
                false));

        assertThat(verdict.verdict()).isEqualTo(Verdict.PENDING);
        assertThat(verdict.checks()).extracting(CheckResult::name, CheckResult::state, CheckResult::source)
                .contains(tuple("integration-tests", CheckState.MISSING, CheckResult.Source.NOT_REPORTED));
    }

    @Test
    void readsEveryPageOfCheckRuns() {
        stubHead(SHA_A);
        String path = "/repos/octo/fork/commits/" + SHA_A + "/check-runs";
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/status"))
                .willReturn(json(200, combinedStatus(SHA_A, "ci=success"))));
        github.server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2"))
                .atPriority(1).willReturn(json(200, checkRuns(SHA_A, "late-failure=completed/failure"))));
        github.server.stubFor(get(urlPathEqualTo(path)).atPriority(5)
                .willReturn(json(200, checkRuns(SHA_A, "build=completed/success")).withHeader("Link",
                        "<" + github.server.baseUrl() + path + "?filter=latest&per_page=100&page=2>; rel=\"next\", <"
                                + github.server.baseUrl() + path + "?filter=latest&per_page=100&page=2>; rel=\"last\"")));

        StagingVerdict verdict = check(StagingPolicy.defaults());

        assertThat(verdict.checks()).extracting(CheckResult::name).contains("build", "late-failure");
        assertThat(verdict.verdict()).isEqualTo(Verdict.RED);
    }

    @Test
    void branchRefsAreResolvedToTheirShaWithTheSlashEncoded() {
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/branches/fix%2Fissue-1234"))
                .willReturn(json(200, GitHubStub.example("repos--get-branch", "200-default.json")
                        .set("commit", GitHubStub.example("repos--get-branch", "200-default.json").get("commit")))));
        String sha = GitHubStub.example("repos--get-branch", "200-default.json").path("commit").path("sha").asText();
        stubChecks(sha, statuses("ci=success"));

        StagingVerdict verdict = new StagingCheck(github.session()).checkRef(RepositoryName.parse("octo/fork"),
                "fix/issue-1234", StagingPolicy.defaults());

        assertThat(verdict.sha()).isEqualTo(sha);
        assertThat(verdict.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(verdict.head()).isEqualTo(new HeadRef("octo", "fix/issue-1234"));
    }

    @Test
    void confirmingAnUnmovedHeadIsOneConditionalRequest() {
        stubHead(SHA_A);
        stubChecks(SHA_A, statuses("ci=success"));
        github.server.stubFor(get(urlPathEqualTo(PR)).withHeader("If-None-Match", equalTo("\"pr-" + SHA_A + "\""))
                .atPriority(1).willReturn(aResponse().withStatus(304).withHeader("ETag", "\"pr-" + SHA_A + "\"")));
        StagingCheck staging = new StagingCheck(github.session());
        StagingVerdict verdict = staging.check(STAGING, StagingPolicy.defaults());
        int before = github.requests().size();

        HeadCheck confirmed = staging.confirm(verdict);

        assertThat(confirmed.moved()).isFalse();
        assertThat(confirmed.current()).isSameAs(verdict);
        assertThat(github.requests()).hasSize(before + 1);
        assertThat(github.events().get(before).getRequest().getHeader("If-None-Match")).isEqualTo("\"pr-" + SHA_A + "\"");
        assertThat(github.events().get(before).getResponse().getStatus()).isEqualTo(304);
    }

    @Test
    void aHeadThatMovedAfterTheVerdictGetsANewVerdict() {
        github.server.stubFor(get(urlPathEqualTo(PR)).inScenario("push").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, pullRequest("octo", "fork", 7, "fix/issue-1234", SHA_A), "\"pr-a\""))
                .willSetStateTo("pushed"));
        github.server.stubFor(get(urlPathEqualTo(PR)).inScenario("push").whenScenarioStateIs("pushed")
                .willReturn(json(200, pullRequest("octo", "fork", 7, "fix/issue-1234", SHA_B), "\"pr-b\"")));
        stubChecks(SHA_A, statuses("ci=success"));
        stubChecks(SHA_B, statuses("ci=pending"));
        StagingCheck staging = new StagingCheck(github.session());
        StagingVerdict verdict = staging.check(STAGING, StagingPolicy.defaults());

        HeadCheck confirmed = staging.confirm(verdict);

        assertThat(verdict.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(confirmed.moved()).isTrue();
        assertThat(confirmed.current().sha()).isEqualTo(SHA_B);
        assertThat(confirmed.current().verdict()).isEqualTo(Verdict.PENDING);
        assertThat(confirmed.current().passes()).isFalse();
        assertThat(confirmed.current().warnings()).anySatisfy(w -> assertThat(w).contains("moved from " + SHA_A));
    }

    @Test
    void waitingPollsWithBackoffAndUnchangedPollsAreNotModified() {
        stubHead(SHA_A);
        github.server.stubFor(get(urlPathEqualTo(PR)).withHeader("If-None-Match", equalTo("\"pr-" + SHA_A + "\""))
                .atPriority(1).willReturn(aResponse().withStatus(304).withHeader("ETag", "\"pr-" + SHA_A + "\"")));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/status"))
                .willReturn(json(200, combinedStatus(SHA_A), "\"st\"")));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/status"))
                .withHeader("If-None-Match", equalTo("\"st\"")).atPriority(1)
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"st\"")));
        String runs = "/repos/octo/fork/commits/" + SHA_A + "/check-runs";
        github.server.stubFor(get(urlPathEqualTo(runs)).inScenario("ci").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, checkRuns(SHA_A, "build=in_progress"), "\"cr1\"")).willSetStateTo("running"));
        github.server.stubFor(get(urlPathEqualTo(runs)).inScenario("ci").whenScenarioStateIs("running")
                .withHeader("If-None-Match", equalTo("\"cr1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"cr1\"")).willSetStateTo("done"));
        github.server.stubFor(get(urlPathEqualTo(runs)).inScenario("ci").whenScenarioStateIs("done")
                .willReturn(json(200, checkRuns(SHA_A, "build=completed/success"), "\"cr2\"")));

        StagingVerdict verdict = new StagingCheck(github.session()).await(STAGING, StagingPolicy.defaults(),
                Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofSeconds(60));

        assertThat(verdict.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(github.sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20));
        long notModified = github.events().stream().filter(e -> e.getResponse().getStatus() == 304).count();
        assertThat(github.requests()).hasSize(9);
        assertThat(notModified).isEqualTo(5);
    }
}
