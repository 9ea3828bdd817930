package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GitHub Enterprise Server: everything under /api/v3, validated against the GHES 3.19 description. */
class EnterpriseTest {

    @RegisterExtension
    final GitHubStub ghe = new GitHubStub("/api/v3");

    @Test
    void checksAndCreatesUnderApiV3() {
        ghe.server.stubFor(get(urlPathEqualTo("/api/v3/repos/octo/fork/pulls/7")).willReturn(json(200,
                GitHubStub.pullRequest("octo", "fork", 7, "fix/x", SHA_A))));
        ghe.server.stubFor(get(urlPathEqualTo("/api/v3/repos/octo/fork/commits/" + SHA_A + "/status"))
                .willReturn(json(200, GitHubStub.combinedStatus(SHA_A, "ci=success"))));
        ghe.server.stubFor(get(urlPathEqualTo("/api/v3/repos/octo/fork/commits/" + SHA_A + "/check-runs"))
                .willReturn(json(200, GitHubStub.checkRuns(SHA_A))));
        ghe.server.stubFor(post(urlPathEqualTo("/api/v3/repos/corp/project/pulls")).willReturn(json(201,
                GitHubStub.createdPullRequest("corp/project", 5, "octo:fix/x", "main", SHA_A, true))));

        GitHubSession session = GitHubSession.connect(URI.create(ghe.apiUrl() + "/"),
                org.kohsuke.github.authorization.ImmutableAuthorizationProvider.fromOauthToken(GitHubStub.TOKEN),
                JdkHttpConnector.withDefaultTimeouts());
        StagingVerdict verdict = new StagingCheck(session).check(PullRequestRef.parse("octo/fork#7"),
                StagingPolicy.defaults());
        UpstreamPullRequest pr = new UpstreamPullRequests(session).open(PullRequestProposal.builder(
                RepositoryName.parse("corp/project"), verdict.head(), "Fix", "").base("main").build());

        assertThat(session.apiUrl().toString()).endsWith("/api/v3");
        assertThat(verdict.verdict()).isEqualTo(Verdict.GREEN);
        assertThat(pr.number()).isEqualTo(5);
        assertThat(ghe.requests()).allSatisfy(r -> assertThat(r).contains(" /api/v3/repos/"));
    }

    @Test
    void aServerWithoutTlsIsSpokenToInHttp11WithoutAnH2cUpgrade() {
        ghe.server.stubFor(get(urlPathEqualTo("/api/v3/repos/octo/fork/pulls/7")).willReturn(json(200,
                GitHubStub.pullRequest("octo", "fork", 7, "fix/x", SHA_A))));

        GitHubSession session = GitHubSession.connect(ghe.apiUrl(),
                org.kohsuke.github.authorization.ImmutableAuthorizationProvider.fromOauthToken(GitHubStub.TOKEN),
                JdkHttpConnector.withDefaultTimeouts());

        StagingCheck.HeadCommit head = new StagingCheck(session).readHead(PullRequestRef.parse("octo/fork#7"));

        assertThat(head.sha()).isEqualTo(SHA_A);
        assertThat(ghe.server.getAllServeEvents()).singleElement().satisfies(e -> {
            assertThat(e.getRequest().getAbsoluteUrl()).startsWith("http://");
            assertThat(e.getRequest().getProtocol()).isEqualTo("HTTP/1.1");
            assertThat(e.getRequest().containsHeader("Upgrade")).isFalse();
            assertThat(e.getRequest().containsHeader("HTTP2-Settings")).isFalse();
        });
    }

    @Test
    void aServerWithTlsIsSpokenToInHttp2AgreedDuringTheHandshake() {
        ghe.server.stubFor(get(urlPathEqualTo("/api/v3/repos/octo/fork/pulls/7")).willReturn(json(200,
                GitHubStub.pullRequest("octo", "fork", 7, "fix/x", SHA_A))));

        StagingCheck.HeadCommit head = new StagingCheck(ghe.session()).readHead(PullRequestRef.parse("octo/fork#7"));

        assertThat(head.sha()).isEqualTo(SHA_A);
        assertThat(ghe.server.getAllServeEvents()).singleElement().satisfies(e -> {
            assertThat(e.getRequest().getAbsoluteUrl()).startsWith("https://");
            assertThat(e.getRequest().getProtocol()).isEqualTo("HTTP/2.0");
            assertThat(e.getRequest().containsHeader("Upgrade")).isFalse();
        });
    }
}
