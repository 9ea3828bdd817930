package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request check itself: a multi-segment path parameter is matched across segments, and still validated. */
class GitHubSpecCheckTest {

    private final GitHubStub github = new GitHubStub();

    @AfterEach
    void stop() {
        github.close();
    }

    private ValidationReport send(String method, String pathAndQuery) throws Exception {
        github.server.stubFor(any(anyUrl()).willReturn(json(200, GitHubStub.error("ok"))));
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(github.apiUrl() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        return GitHubSpecCheck.dotCom().check(github.server);
    }

    @Test
    void aFilePathWithSlashesMatchesTheContentsOperation() throws Exception {
        assertThat(send("GET", "/repos/o/r/contents/.github/release/FREEZE?ref=main").hasErrors()).isFalse();
    }

    @Test
    void aContentsRequestTheDescriptionDoesNotAllowStillFails() throws Exception {
        ValidationReport report = send("DELETE", "/repos/o/r/contents/.github/FREEZE");

        // The path is found (else "path.missing"), the method is not allowed on it.
        assertThat(report.getMessages()).extracting(ValidationReport.Message::getKey)
                .contains("validation.request.operation.notAllowed")
                .doesNotContain("validation.request.path.missing");
    }

    @Test
    void anIssueListWithAnUnknownStateFails() throws Exception {
        assertThat(send("GET", "/repos/o/r/issues?labels=freeze&state=frozen&per_page=1").hasErrors()).isTrue();
    }
}
