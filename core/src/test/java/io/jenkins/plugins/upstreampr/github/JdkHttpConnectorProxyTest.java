package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connector built on a client builder that carries a proxy (as Jenkins' {@code ProxyConfiguration} gives one)
 * sends every request through that proxy. The proxy is a WireMock server on the loopback interface acting as an
 * HTTP forward proxy; the API host does not even resolve, so only the proxy can answer.
 */
class JdkHttpConnectorProxyTest {

    private final WireMockServer proxy = new WireMockServer(options().dynamicPort().enableBrowserProxying(true));

    @AfterEach
    void stop() {
        proxy.stop();
    }

    @Test
    void requestsGoThroughTheBuildersProxy() {
        proxy.start();
        proxy.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/7")).willReturn(GitHubStub.json(200,
                GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", GitHubStub.SHA_A))));
        HttpClient.Builder behindProxy = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())));
        GitHubSession session = GitHubSession.connect(URI.create("http://github.proxied.invalid"),
                org.kohsuke.github.authorization.ImmutableAuthorizationProvider.fromOauthToken(GitHubStub.TOKEN),
                new JdkHttpConnector(behindProxy, Duration.ofSeconds(5), Duration.ofSeconds(10)));

        StagingCheck.HeadCommit head = new StagingCheck(session).readHead(PullRequestRef.parse("octo/fork#7"));

        assertThat(head.sha()).isEqualTo(GitHubStub.SHA_A);
        List<ServeEvent> seen = proxy.getAllServeEvents();
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.getRequest().getHost()).isEqualTo("github.proxied.invalid");
            assertThat(e.getRequest().getAbsoluteUrl()).isEqualTo("http://github.proxied.invalid/repos/octo/fork/pulls/7");
        });
    }
}
