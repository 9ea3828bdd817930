package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/** The conditional requests under every session, against a stand-in that answers {@code If-None-Match} with 304. */
class ConditionalRequestConnectorTest {

    @RegisterExtension
    final GitHubStub github = new GitHubStub();

    @Test
    void aRereadIsConditionalAndA304GivesBackTheWholeRememberedBody() {
        String path = "/repos/octo/fork/pulls/7";
        JsonNode pr = GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", GitHubStub.SHA_A);
        String etag = "W/\"6f1c\"";
        github.server.stubFor(get(urlPathEqualTo(path)).withHeader("If-None-Match", equalTo(etag)).atPriority(1)
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
        github.server.stubFor(get(urlPathEqualTo(path)).atPriority(2).willReturn(GitHubStub.json(200, pr, etag)));
        GitHubSession session = github.session();

        JsonNode first = session.get("reading staging pull request octo/fork#7", path, Map.of());
        List<JsonNode> again = session.getAllPages("reading staging pull request octo/fork#7", path, Map.of());
        JsonNode third = session.get("reading staging pull request octo/fork#7", path, Map.of());

        assertThat(pr.toString().length()).as("a body of GitHub's size").isGreaterThan(15_000);
        assertThat(first).isEqualTo(pr);
        assertThat(again).containsExactly(pr);
        assertThat(third).isEqualTo(pr);
        List<ServeEvent> events = github.events();
        assertThat(events).extracting(e -> e.getResponse().getStatus()).containsExactly(200, 304, 304);
        assertThat(events.get(0).getRequest().containsHeader("If-None-Match")).isFalse();
        assertThat(events.get(2).getRequest().getHeader("If-None-Match")).isEqualTo(etag);
    }

    @Test
    void aReplayedAnswerHasTheRateLimitOfThe304AndTheTypeAndLinksOfTheRememberedAnswer() throws Exception {
        String path = "/repos/octo/fork/pulls/7/reviews";
        String etag = "\"r1\"";
        String link = "<" + github.apiUrl() + path + "?page=2>; rel=\"next\"";
        github.server.stubFor(get(urlPathEqualTo(path)).withHeader("If-None-Match", equalTo(etag)).atPriority(1)
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)
                        .withHeader("X-RateLimit-Remaining", "4989")));
        github.server.stubFor(get(urlPathEqualTo(path)).atPriority(2)
                .willReturn(GitHubStub.json(200, GitHubStub.exampleArray("pulls--list-reviews", "200-default.json"),
                        etag).withHeader("Link", link)));
        ConditionalRequestConnector connector = new ConditionalRequestConnector(
                new JdkHttpConnector(Duration.ofSeconds(2), Duration.ofSeconds(10)));
        ConnectorRequest request = new ConnectorRequest("GET", new URL(github.apiUrl() + path),
                Map.of("Authorization", List.of("token " + GitHubStub.TOKEN)), null);

        String firstBody;
        try (GitHubConnectorResponse first = connector.send(request)) {
            assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("4990");
            firstBody = new String(first.bodyStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        try (GitHubConnectorResponse replayed = connector.send(request)) {
            assertThat(replayed.statusCode()).isEqualTo(200);
            assertThat(replayed.header("X-RateLimit-Remaining")).isEqualTo("4989");
            assertThat(replayed.header("Link")).isEqualTo(link);
            assertThat(replayed.header("Content-Type")).startsWith("application/json");
            assertThat(new String(replayed.bodyStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(firstBody);
        }
        assertThat(github.events()).extracting(e -> e.getResponse().getStatus()).containsExactly(200, 304);
    }
}
