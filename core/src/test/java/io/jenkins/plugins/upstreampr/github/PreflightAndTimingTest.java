package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PreflightAndTimingTest {

    private static final RepositoryName UPSTREAM = RepositoryName.parse("upstream/project");
    @RegisterExtension
    final GitHubStub github = new GitHubStub();

    @BeforeEach
    void stubGreenStaging() {
        github.stubGreenStaging();
    }

    private PreflightReport run(boolean lookUp, TimingPolicy timing) {
        return new Preflight(github.session()).run(new PreflightRequest(PullRequestRef.parse("octo/fork#7"), UPSTREAM,
                null, StagingPolicy.defaults(), lookUp, timing));
    }

    @Test
    void theCommonPathIsFourReads() {
        PreflightReport report = run(false, TimingPolicy.none());

        assertThat(report.ci().verdict()).isEqualTo(Verdict.GREEN);
        assertThat(report.base()).isEqualTo("main");
        assertThat(report.existing()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(github.requests()).hasSize(4);
    }

    @Test
    void anExistingUpstreamPullRequestIsReportedWhenLookedUp() {
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project/pulls"))
                .withQueryParam("head", equalTo("octo:fix/issue-1234")).withQueryParam("base", equalTo("main"))
                .willReturn(json(200, GitHubStub.pullRequestList("upstream/project", 9, "octo:fix/issue-1234",
                        "main"))));

        PreflightReport report = run(true, TimingPolicy.none());

        assertThat(report.existing()).hasValueSatisfying(pr -> assertThat(pr.number()).isEqualTo(9));
        assertThat(report.warnings()).singleElement().asString().contains("already open")
                .contains("https://github.com/upstream/project/pull/9");
        assertThat(github.requests()).hasSize(5);
    }

    @Test
    void aDeclaredFreezeAndADueMilestoneAreReported() {
        ArrayNode milestones = GitHubStub.exampleArray("issues--list-milestones", "200-default.json");
        ((ObjectNode) milestones.get(0)).put("title", "v2.0").put("due_on", "2026-03-14T07:00:00Z");
        ObjectNode far = ((ObjectNode) milestones.get(0)).deepCopy().put("title", "v3.0")
                .put("due_on", "2026-09-01T07:00:00Z");
        milestones.add(far);
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project/milestones"))
                .withQueryParam("state", equalTo("open")).willReturn(json(200, milestones)));

        PreflightReport report = run(false, new TimingPolicy(List.of(
                FreezeWindow.parse("2026-03-01..2026-03-15:release 2.0 freeze"),
                FreezeWindow.parse("2026-04-01..2026-04-02")), 7));

        assertThat(report.timing().frozen()).isTrue();
        assertThat(report.timing().activeFreezes()).extracting(FreezeWindow::reason)
                .containsExactly("release 2.0 freeze");
        assertThat(report.timing().upcomingMilestones()).extracting(TimingReport.UpcomingMilestone::title)
                .containsExactly("v2.0");
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("Freeze in effect").contains("override"))
                .anySatisfy(w -> assertThat(w).contains("'v2.0'").contains("2026-03-14"));
    }

    @Test
    void noFreezeTodayIsNotFrozenAndCostsNoRequest() {
        TimingReport report = new TimingGuard(github.session()).assess(UPSTREAM,
                new TimingPolicy(List.of(new FreezeWindow(LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-12"),
                        "")), 0));

        assertThat(report.frozen()).isFalse();
        assertThat(github.requests()).isEmpty();
    }
}
