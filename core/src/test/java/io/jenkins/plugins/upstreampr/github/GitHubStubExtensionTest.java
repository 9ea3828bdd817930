package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The stand-in registered as an extension is what checks every test's traffic against GitHub's description: it
 * fails a test that sent a request the description does not allow, passes one whose requests it allows, and stops
 * either way. The sample tests below run through the Jupiter engine here, never on their own (they are nested,
 * not {@code @Nested}, so neither Surefire nor the engine picks them up from this class).
 */
class GitHubStubExtensionTest {

    /** The ports the sample tests' stand-ins listened on, by test name, to see that each was stopped. */
    static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();

    static void send(GitHubStub github, String method, String pathAndQuery) throws Exception {
        github.server.stubFor(any(anyUrl()).willReturn(json(200, GitHubStub.error("ok"))));
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(github.apiUrl() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        PORTS.put(method + " " + pathAndQuery, github.server.port());
    }

    static class SampleTests {

        @RegisterExtension
        final GitHubStub github = new GitHubStub();

        @Test
        void sendsARequestTheDescriptionAllows() throws Exception {
            send(github, "GET", "/repos/octo/fork/pulls/7");
        }

        @Test
        void sendsARequestTheDescriptionDoesNotAllow() throws Exception {
            // An issue list with a state GitHub does not know (open, closed, all).
            send(github, "GET", "/repos/octo/fork/issues?state=frozen");
        }
    }

    private static Events run() {
        PORTS.clear();
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(SampleTests.class)).execute().testEvents();
    }

    @Test
    void aTestWhoseRequestTheDescriptionDoesNotAllowFailsWithTheValidationReport() {
        Events events = run();

        assertThat(events.failed().list()).singleElement().satisfies(failed -> {
            assertThat(failed.getTestDescriptor().getDisplayName()).startsWith("sendsARequestTheDescriptionDoesNotAllow");
            Throwable cause = failed.getPayload(TestExecutionResult.class).orElseThrow()
                    .getThrowable().orElseThrow();
            assertThat(cause).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("requests not allowed by GitHub's OpenAPI description")
                    .hasMessageContaining("request: GET /repos/octo/fork/issues?state=frozen")
                    .hasMessageContaining("frozen");
        });
    }

    @Test
    void aTestWhoseRequestsTheDescriptionAllowsPasses() {
        Events events = run();

        assertThat(events.succeeded().list()).singleElement().satisfies(passed -> assertThat(
                passed.getTestDescriptor().getDisplayName()).startsWith("sendsARequestTheDescriptionAllows"));
    }

    @Test
    void theStandInIsStoppedAfterEveryTestPassedOrFailed() {
        run();

        assertThat(PORTS).hasSize(2);
        for (int port : List.copyOf(PORTS.values())) {
            assertThat(refusesConnections(port)).as("port %d still listening", port).isTrue();
        }
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
