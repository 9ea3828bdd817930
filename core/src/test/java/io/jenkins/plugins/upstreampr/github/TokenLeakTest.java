package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.TOKEN;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.error;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Runs successes and every kind of failure with a known token, capturing everything that could be shown:
 * stdout, stderr, java.util.logging at every level, WireMock's notices, exception messages and stack traces,
 * and the string forms of the results. The token must appear in none of it (but must have been sent).
 */
class TokenLeakTest {

    @Test
    void theTokenAppearsInNoOutputMessageOrResult() throws Exception {
        List<String> captured = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        Logger root = Logger.getLogger("");
        Level originalLevel = root.getLevel();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                captured.add(r.getLoggerName() + " " + r.getMessage() + " " + Arrays.toString(r.getParameters())
                        + " " + r.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try (GitHubStub github = new GitHubStub()) {
            github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/1")).willReturn(json(200,
                    GitHubStub.pullRequest("octo", "fork", 1, "fix", SHA_A))));
            github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/status"))
                    .willReturn(json(200, GitHubStub.combinedStatus(SHA_A, "ci=success"))));
            github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/check-runs"))
                    .willReturn(json(200, GitHubStub.checkRuns(SHA_A))));
            github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/2")).willReturn(json(401,
                    error("Bad credentials"))));
            github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/3")).willReturn(json(403,
                    error("Resource not accessible by integration"))));
            github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/4")).willReturn(json(404,
                    error("Not Found"))));
            github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/5")).willReturn(json(500,
                    error("Server Error"))));
            github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/6")).willReturn(aResponse()
                    .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
            github.server.stubFor(post(urlPathEqualTo("/repos/up/p/pulls")).willReturn(json(422,
                    error("Validation Failed", "No commits between main and octo:fix"))));
            // pulls/8 and a milestone read are not stubbed: WireMock answers with its own diagnostics.

            GitHubSession session = github.session();
            StagingCheck staging = new StagingCheck(session);
            captured.add(staging.check(PullRequestRef.parse("octo/fork#1"), StagingPolicy.defaults()).toString());
            for (int n = 2; n <= 8; n++) {
                try {
                    staging.check(PullRequestRef.parse("octo/fork#" + n), StagingPolicy.defaults());
                } catch (RuntimeException e) {
                    captured.add(e.getMessage());
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    captured.add(trace.toString());
                }
            }
            try {
                new UpstreamPullRequests(session).open(PullRequestProposal.builder(RepositoryName.parse("up/p"),
                        HeadRef.parse("octo:fix"), "t", "b").base("main").build());
            } catch (RuntimeException e) {
                captured.add(e.getMessage());
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                captured.add(trace.toString());
            }
            try {
                new TimingGuard(session).assess(RepositoryName.parse("up/p"), new TimingPolicy(List.of(), 3));
            } catch (RuntimeException e) {
                captured.add(e.getMessage());
            }
            captured.add(session.toString());
            captured.addAll(github.notices);

            // The token was really sent, so finding no trace of it means something.
            assertThat(github.events()).allSatisfy(e -> assertThat(e.getRequest().getHeader("Authorization"))
                    .isEqualTo("token " + TOKEN));
            assertThat(github.events()).hasSizeGreaterThan(10);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            root.removeHandler(handler);
            root.setLevel(originalLevel);
        }
        captured.add(out.toString(StandardCharsets.UTF_8));

        assertThat(captured).hasSizeGreaterThan(10);
        // Report leaks with the token blanked out, so a failure does not itself print the token.
        List<String> leaks = String.join("\n", captured).lines()
                .filter(l -> l.contains(TOKEN) || l.contains(TOKEN.substring(4, 20)))
                .map(l -> l.replace(TOKEN, "<TOKEN>").replace(TOKEN.substring(4, 20), "<TOKEN-PART>"))
                .map(l -> l.length() > 300 ? l.substring(0, 300) + "..." : l)
                .toList();
        assertThat(leaks).as("output lines containing the token").isEmpty();
    }
}
