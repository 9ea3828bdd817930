package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.error;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Freezes declared in the upstream repository: a freeze file on the base branch and a freeze label. */
class UpstreamFreezeTest {

    private static final RepositoryName UPSTREAM = RepositoryName.parse("upstream/project");
    private static final String FILE = "/repos/upstream/project/contents/.github/FREEZE";
    private static final String ISSUES = "/repos/upstream/project/issues";

    @RegisterExtension
    final GitHubStub github = new GitHubStub();

    private TimingReport assess(String base, TimingPolicy policy) {
        return new TimingGuard(github.session()).assess(UPSTREAM, base, policy);
    }

    private static TimingPolicy fileOnly() {
        return TimingPolicy.none().withFreezeFile(".github/FREEZE");
    }

    private void stubFile(String text) {
        github.server.stubFor(get(urlPathEqualTo(FILE)).willReturn(json(200,
                GitHubStub.fileContent(".github/FREEZE", text), "\"freeze-v1\"")));
    }

    // ---------------------------------------------------------------- freeze file

    @Test
    void anAbsentFreezeFileIsNoFreeze() {
        github.server.stubFor(get(urlPathEqualTo(FILE)).willReturn(json(404, error("Not Found"))));

        TimingReport report = assess("main", fileOnly());

        assertThat(report.frozen()).isFalse();
        assertThat(report.warnings()).isEmpty();
        assertThat(github.requests()).containsExactly("GET " + FILE + "?ref=main");
    }

    @Test
    void aWindowOfTheFreezeFileContainingTodayFreezesAndTheOthersDoNot() {
        stubFile("Release freezes of upstream/project, one window per line.\n"
                + "2026-03-01..2026-03-15: release 2.0 freeze\n"
                + "2026-04-01..2026-04-02\n");

        TimingReport report = assess("main", fileOnly());

        assertThat(report.frozen()).isTrue();
        assertThat(report.freezes()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(ActiveFreeze.Source.FILE);
            assertThat(f.reason()).isEqualTo("release 2.0 freeze");
            assertThat(f.window()).hasValue(FreezeWindow.parse("2026-03-01..2026-03-15:release 2.0 freeze"));
            assertThat(f.declaredIn()).isEqualTo("upstream/project:.github/FREEZE on main");
        });
        assertThat(report.activeFreezes()).extracting(FreezeWindow::to).containsExactly(LocalDate.parse("2026-03-15"));
        assertThat(report.warnings()).singleElement().asString()
                .contains("Freeze in effect for upstream/project from 2026-03-01 to 2026-03-15 (release 2.0 freeze)")
                .contains("declared in upstream/project:.github/FREEZE on main").contains("override");
    }

    @Test
    void windowsOfTheFreezeFileThatDoNotContainTodayAreNoFreeze() {
        stubFile("2026-02-01..2026-03-09: before today\n2026-03-11..2026-03-20: after today\n");

        TimingReport report = assess(null, fileOnly());

        assertThat(report.frozen()).isFalse();
        assertThat(report.warnings()).isEmpty();
        // No base given: read without a ref, i.e. from the default branch, without waiting for the repository read.
        github.server.verify(getRequestedFor(urlPathEqualTo(FILE)).withQueryParam("ref", absent()));
    }

    @Test
    void aFreezeFileWithoutWindowsFreezesWithItsFirstLineAsTheReason() {
        stubFile("\n  Frozen for the 3.0 release.  \nAsk on the mailing list before opening pull requests.\n");

        TimingReport report = assess("release-3.x", fileOnly());

        assertThat(report.frozen()).isTrue();
        assertThat(report.activeFreezes()).isEmpty();
        assertThat(report.freezes()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("Frozen for the 3.0 release.");
            assertThat(f.window()).isEmpty();
        });
        assertThat(report.warnings()).singleElement().asString()
                .contains("(Frozen for the 3.0 release.)")
                .contains("declared by upstream/project:.github/FREEZE on release-3.x")
                .contains("freezes as long as it exists");
        assertThat(github.requests()).containsExactly("GET " + FILE + "?ref=release-3.x");
    }

    @Test
    void anEmptyFreezeFileFreezesByItsPresence() {
        stubFile("");

        TimingReport report = assess("main", fileOnly());

        assertThat(report.frozen()).isTrue();
        assertThat(report.freezes()).singleElement().satisfies(f -> assertThat(f.reason()).isEmpty());
    }

    @Test
    void aMalformedWindowLineIsAnErrorNamingTheFileAndLine() {
        stubFile("2026-03-01..2026-03-15: fine\n\n2026-02-30..2026-03-01: no such day\n");

        GitHubException e = catchThrowableOfType(GitHubException.class, () -> assess("main", fileOnly()));

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.UNEXPECTED);
        assertThat(e.getMessage()).contains("upstream/project:.github/FREEZE on main").contains("line 3")
                .contains("'2026-02-30..2026-03-01: no such day'").contains("YYYY-MM-DD..YYYY-MM-DD");
    }

    @Test
    void aDirectoryNamedAsFreezeFileIsAnError() {
        github.server.stubFor(get(urlPathEqualTo(FILE)).willReturn(json(200,
                GitHubStub.exampleArray("repos--get-content", "200-response-if-content-is-a-directory.json"))));

        GitHubException e = catchThrowableOfType(GitHubException.class, () -> assess("main", fileOnly()));

        assertThat(e.getMessage()).contains("upstream/project:.github/FREEZE on main is a directory");
    }

    @Test
    void aMissingBaseBranchIsNotTakenForAnAbsentFile() {
        github.server.stubFor(get(urlPathEqualTo(FILE)).willReturn(json(404,
                error("No commit found for the ref release-9.x"))));

        GitHubException e = catchThrowableOfType(GitHubException.class, () -> assess("release-9.x", fileOnly()));

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.NOT_FOUND);
        assertThat(e.getMessage()).contains("base branch release-9.x does not exist in upstream/project");
    }

    @Test
    void aRepeatedReadOfAnUnchangedFreezeFileIsConditional() {
        stubFile("Frozen.\n");
        github.server.stubFor(get(urlPathEqualTo(FILE)).withHeader("If-None-Match", equalTo("\"freeze-v1\""))
                .atPriority(1).willReturn(aResponse().withStatus(304).withHeader("ETag", "\"freeze-v1\"")));
        TimingGuard guard = new TimingGuard(github.session());

        TimingReport first = guard.assess(UPSTREAM, "main", fileOnly());
        TimingReport second = guard.assess(UPSTREAM, "main", fileOnly());

        assertThat(second).isEqualTo(first);
        assertThat(second.frozen()).isTrue();
        assertThat(github.events()).extracting(e -> e.getResponse().getStatus()).containsExactly(200, 304);
    }

    // ---------------------------------------------------------------- freeze label

    @Test
    void anOpenIssueCarryingTheFreezeLabelFreezesWithItsTitleAndUrl() {
        github.server.stubFor(get(urlPathEqualTo(ISSUES)).withQueryParam("labels", equalTo("release freeze"))
                .withQueryParam("state", equalTo("open")).withQueryParam("per_page", equalTo("1"))
                .willReturn(json(200, GitHubStub.issueList("upstream/project", 812, "Code freeze for 2.0"))));

        TimingReport report = assess("main", TimingPolicy.none().withFreezeLabel("release freeze"));

        assertThat(report.frozen()).isTrue();
        assertThat(report.freezes()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(ActiveFreeze.Source.LABEL);
            assertThat(f.reason()).isEqualTo("Code freeze for 2.0");
            assertThat(f.declaredIn()).contains("https://github.com/upstream/project/issues/812");
        });
        assertThat(report.warnings()).singleElement().asString().contains("(Code freeze for 2.0)")
                .contains("label 'release freeze' on issue https://github.com/upstream/project/issues/812")
                .contains("override");
        assertThat(github.requests()).containsExactly(
                "GET " + ISSUES + "?labels=release%20freeze&state=open&per_page=1");
    }

    @Test
    void noOpenIssueCarryingTheFreezeLabelIsNoFreeze() {
        github.server.stubFor(get(urlPathEqualTo(ISSUES)).withQueryParam("labels", equalTo("freeze"))
                .willReturn(json(200, GitHubStub.issueList("upstream/project", 0, ""))));

        TimingReport report = assess("main", TimingPolicy.none().withFreezeLabel("freeze"));

        assertThat(report.frozen()).isFalse();
        assertThat(report.warnings()).isEmpty();
        assertThat(github.requests()).hasSize(1);
    }

    // ---------------------------------------------------------------- with the preflight

    @Test
    void preflightReadsTheFreezeFileAndLabelAlongsideTheOtherReads() {
        github.stubGreenStaging();
        stubFile("2026-03-09..2026-03-11: hotfix window\n");
        github.server.stubFor(get(urlPathEqualTo(ISSUES)).willReturn(json(200,
                GitHubStub.issueList("upstream/project", 0, ""))));

        PreflightReport report = new Preflight(github.session()).run(new PreflightRequest(
                PullRequestRef.parse("octo/fork#7"), UPSTREAM, null, StagingPolicy.defaults(), false,
                new TimingPolicy(List.of(), 0).withFreezeFile(".github/FREEZE").withFreezeLabel("freeze")));

        assertThat(report.ci().verdict()).isEqualTo(Verdict.GREEN);
        assertThat(report.timing().frozen()).isTrue();
        assertThat(report.warnings()).singleElement().asString().contains("hotfix window");
        assertThat(github.requests()).hasSize(6).contains("GET " + FILE,
                "GET " + ISSUES + "?labels=freeze&state=open&per_page=1");
    }

    @Test
    void withoutAFreezeFileOrLabelNothingMoreIsRead() {
        TimingReport report = assess("main", new TimingPolicy(List.of(FreezeWindow.parse("2026-03-10..2026-03-10")), 0));

        assertThat(report.frozen()).isTrue();
        assertThat(report.freezes()).singleElement()
                .satisfies(f -> assertThat(f.source()).isEqualTo(ActiveFreeze.Source.CONFIGURATION));
        assertThat(github.requests()).isEmpty();
    }
}
