package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kohsuke.github.authorization.ImmutableAuthorizationProvider;

/**
 * A WireMock stand-in for GitHub with example bodies from GitHub's OpenAPI description, a session wired to it
 * with a recording sleeper and a fixed clock, and the check that every received request is allowed by the
 * description.
 *
 * <p>A test registers it as a JUnit 5 extension, as it registers {@code JenkinsRule} or a build watcher:
 * <pre>{@code
 * @RegisterExtension
 * final GitHubStub github = new GitHubStub();
 * }</pre>
 * The stand-in listens from construction on (so that other fields can stub it while the test instance is made) and,
 * after each test, fails the test unless every request it received is allowed by the description, then stops
 * ({@link #afterEach}). A test's own {@code @AfterEach} methods run before that, so what they add to the traffic is
 * checked too. The callbacks {@code afterEach} of extensions run in the reverse order of their registration, so under
 * a class-level {@code @WithJenkins} (registered first) the stand-in is checked and stopped while Jenkins is still up,
 * as an {@code @AfterEach} method would. Outside a test (the benchmarks) it is an {@link AutoCloseable}.
 */
public final class GitHubStub implements AfterEachCallback, AutoCloseable {

    /** The token every test uses; {@link TokenLeakTest} makes sure it never appears in any output. */
    public static final String TOKEN = "ghp_TESTtoken0123456789SECRETabcdefABCD";

    public static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    public static final String SHA_A = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    public static final String SHA_B = "aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stand-in's TLS key and certificate (for localhost and 127.0.0.1), made with keytool for the tests. */
    private static final String STAND_IN_KEYS = "github/stand-in.p12";
    private static final String STAND_IN_PASSWORD = "stand-in";
    private static final AtomicBoolean TLS_WARM = new AtomicBoolean();

    public final WireMockServer server;
    public final List<String> notices = Collections.synchronizedList(new ArrayList<>());
    public final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final String prefix;

    public GitHubStub() {
        this("");
    }

    /** A stand-in whose API lives under {@code prefix} ("" for github.com, "/api/v3" for Enterprise). */
    public GitHubStub(String prefix) {
        this.prefix = prefix;
        server = new WireMockServer(options().dynamicPort().dynamicHttpsPort()
                .keystorePath(STAND_IN_KEYS).keystoreType("PKCS12").keystorePassword(STAND_IN_PASSWORD)
                .keyManagerPassword(STAND_IN_PASSWORD).notifier(new Notifier() {
            @Override
            public void info(String message) {
                // WireMock's "Request received" log: the stand-in's access log, like GitHub's own; it holds
                // the Authorization header the client sent, so it is neither kept nor printed.
            }

            @Override
            public void error(String message) {
                notices.add(message);
            }

            @Override
            public void error(String message, Throwable t) {
                notices.add(message + " " + t);
            }
        }));
        server.start();
        warmUpTls();
    }

    /**
     * Once per JVM, one TLS handshake with the stand-in's admin API (not a served event, so no test sees it): the
     * first handshake loads and initialises the JDK's TLS classes, which must not count against the short request
     * timeout of a test's first request.
     */
    private void warmUpTls() {
        if (TLS_WARM.compareAndSet(false, true)) {
            try {
                trustingClient().build().send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + server.httpsPort() + "/__admin/health"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new IllegalStateException("The GitHub stand-in does not answer over TLS", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The API over plain http, as a GitHub Enterprise Server without TLS serves it (spoken to in HTTP/1.1). */
    public URI apiUrl() {
        return URI.create("http://localhost:" + server.port() + prefix);
    }

    /**
     * The API over TLS, where client and stand-in agree on HTTP/2 by ALPN as with api.github.com; {@link #session()}
     * talks to it. Over plain http the JDK client speaks HTTP/1.1 and sends a GET that met a closed connection
     * before any byte of an answer once more by itself, so a one-time fault there never reaches the engine.
     */
    public URI tlsApiUrl() {
        return URI.create("https://localhost:" + server.httpsPort() + prefix);
    }

    /** A client builder that trusts the stand-in's certificate, for connectors to {@link #tlsApiUrl()}. */
    public static HttpClient.Builder trustingClient() {
        try (InputStream in = GitHubStub.class.getResourceAsStream("/" + STAND_IN_KEYS)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(Objects.requireNonNull(in, STAND_IN_KEYS), STAND_IN_PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(tls);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A session over TLS ({@link #tlsApiUrl()}) with {@link #TOKEN}, a 2 s connect and 10 s request timeout, recorded
     * (not real) sleeps and a fixed clock.
     */
    public GitHubSession session() {
        // Generous: a slow first answer on a loaded machine must not turn into a retry that changes request counts.
        return session(Duration.ofSeconds(10));
    }

    /** A session like {@link #session()} whose requests time out after {@code requestTimeout}. */
    public GitHubSession session(Duration requestTimeout) {
        return GitHubSession.connect(tlsApiUrl(), ImmutableAuthorizationProvider.fromOauthToken(TOKEN),
                new JdkHttpConnector(trustingClient(), Duration.ofSeconds(2), requestTimeout))
                .withTime(d -> sleeps.add(d), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The path under the API prefix. */
    public String path(String path) {
        return prefix + path;
    }

    // ---------------------------------------------------------------- bodies from the description's examples

    public static ObjectNode example(String operation, String file) {
        try (InputStream in = GitHubStub.class.getResourceAsStream("/github/examples/" + operation + "/" + file)) {
            return (ObjectNode) JSON.readTree(Objects.requireNonNull(in, operation + "/" + file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ArrayNode exampleArray(String operation, String file) {
        try (InputStream in = GitHubStub.class.getResourceAsStream("/github/examples/" + operation + "/" + file)) {
            return (ArrayNode) JSON.readTree(Objects.requireNonNull(in, operation + "/" + file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** pulls/get example describing {@code owner/repo#number} with head {@code owner:branch} at {@code sha}. */
    public static ObjectNode pullRequest(String owner, String repo, int number, String branch, String sha) {
        ObjectNode pr = example("pulls--get", "200-default.json");
        pr.put("number", number);
        pr.put("html_url", "https://github.com/" + owner + "/" + repo + "/pull/" + number);
        pr.put("state", "open");
        pr.put("merged", false);
        ObjectNode head = (ObjectNode) pr.get("head");
        head.put("ref", branch);
        head.put("sha", sha);
        head.put("label", owner + ":" + branch);
        ((ObjectNode) head.get("user")).put("login", owner);
        ((ObjectNode) head.get("repo")).put("full_name", owner + "/" + repo).put("name", repo);
        ((ObjectNode) head.get("repo").get("owner")).put("login", owner);
        return pr;
    }

    /** pulls/create example for {@code upstream#number} from {@code headLabel} into {@code base}. */
    public static ObjectNode createdPullRequest(String upstream, int number, String headLabel, String base, String sha,
            boolean maintainerCanModify) {
        ObjectNode pr = example("pulls--create", "201-default.json");
        pr.put("number", number);
        pr.put("html_url", "https://github.com/" + upstream + "/pull/" + number);
        pr.put("maintainer_can_modify", maintainerCanModify);
        pr.put("draft", false);
        ObjectNode head = (ObjectNode) pr.get("head");
        head.put("label", headLabel);
        head.put("ref", headLabel.substring(headLabel.indexOf(':') + 1));
        head.put("sha", sha);
        ((ObjectNode) pr.get("base")).put("ref", base);
        return pr;
    }

    /** pulls/list example holding one pull request (or none when {@code number} is 0). */
    public static ArrayNode pullRequestList(String upstream, int number, String headLabel, String base) {
        ArrayNode list = exampleArray("pulls--list", "200-default.json");
        if (number == 0) {
            list.removeAll();
            return list;
        }
        ObjectNode pr = (ObjectNode) list.get(0);
        pr.put("number", number);
        pr.put("html_url", "https://github.com/" + upstream + "/pull/" + number);
        ((ObjectNode) pr.get("head")).put("label", headLabel).put("sha", SHA_A);
        ((ObjectNode) pr.get("base")).put("ref", base);
        return list;
    }

    /** repos/get example with {@code default_branch}. */
    public static ObjectNode repository(String fullName, String defaultBranch) {
        ObjectNode repo = example("repos--get", "200-default-response.json");
        repo.put("full_name", fullName);
        repo.put("default_branch", defaultBranch);
        return repo;
    }

    /** Combined-status example with the given {@code context=state} pairs. */
    public static ObjectNode combinedStatus(String sha, String... contextStates) {
        ObjectNode status = example("repos--get-combined-status-for-ref", "200-default.json");
        ArrayNode statuses = (ArrayNode) status.get("statuses");
        ObjectNode template = (ObjectNode) statuses.get(0).deepCopy();
        statuses.removeAll();
        for (String cs : contextStates) {
            String[] kv = cs.split("=", 2);
            statuses.add(template.deepCopy().put("context", kv[0]).put("state", kv[1])
                    .put("target_url", "https://ci.example.com/" + kv[0]));
        }
        status.put("sha", sha);
        status.put("total_count", statuses.size());
        status.put("state", contextStates.length == 0 ? "pending" : "success");
        return status;
    }

    /** Check-runs example with the given {@code name=status/conclusion} runs ("build=completed/success"). */
    public static ObjectNode checkRuns(String sha, String... runs) {
        ObjectNode page = example("checks--list-for-ref", "200-default.json");
        ArrayNode list = (ArrayNode) page.get("check_runs");
        ObjectNode template = (ObjectNode) list.get(0).deepCopy();
        list.removeAll();
        long id = 100;
        for (String r : runs) {
            String[] kv = r.split("=", 2);
            String[] sc = kv[1].split("/", 2);
            ObjectNode run = template.deepCopy().put("name", kv[0]).put("status", sc[0]).put("head_sha", sha)
                    .put("id", id).put("html_url", "https://github.com/octo/fork/runs/" + id++);
            if (sc.length > 1) {
                run.put("conclusion", sc[1]);
            } else {
                run.putNull("conclusion");
            }
            list.add(run);
        }
        page.put("total_count", list.size());
        return page;
    }

    /**
     * repos/get-content example for the file {@code path} holding {@code text}: base64 in lines of 60 characters,
     * as GitHub sends it.
     */
    public static ObjectNode fileContent(String path, String text) {
        ObjectNode file = example("repos--get-content", "200-response-if-content-is-a-file.json");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        file.put("path", path).put("name", path.substring(path.lastIndexOf('/') + 1)).put("size", bytes.length)
                .put("content", Base64.getMimeEncoder(60, new byte[] {'\n'}).encodeToString(bytes) + "\n");
        return file;
    }

    /**
     * issues/list-for-repo example holding one open issue ({@code number} &gt; 0) titled {@code title} in
     * {@code repository}, or none ({@code number} 0).
     */
    public static ArrayNode issueList(String repository, int number, String title) {
        ArrayNode list = exampleArray("issues--list-for-repo", "200-default.json");
        if (number == 0) {
            list.removeAll();
            return list;
        }
        ObjectNode issue = (ObjectNode) list.get(0);
        issue.put("number", number).put("title", title).put("state", "open")
                .put("html_url", "https://github.com/" + repository + "/issues/" + number);
        issue.remove("pull_request");
        return list;
    }

    /** A GitHub error body ({@code basic-error} / {@code validation-error} shape). */
    public static ObjectNode error(String message, String... errorMessages) {
        ObjectNode error = JSON.createObjectNode().put("message", message)
                .put("documentation_url", "https://docs.github.com/rest");
        if (errorMessages.length > 0) {
            ArrayNode errors = error.putArray("errors");
            for (String m : errorMessages) {
                if (m.startsWith("field:")) {
                    String[] parts = m.split(":");
                    errors.addObject().put("resource", "PullRequest").put("field", parts[1]).put("code", parts[2]);
                } else {
                    errors.addObject().put("resource", "PullRequest").put("code", "custom").put("message", m);
                }
            }
        }
        return error;
    }

    public static ResponseDefinitionBuilder json(int status, JsonNode body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "4990")
                .withHeader("X-RateLimit-Reset", String.valueOf(NOW.plusSeconds(3600).getEpochSecond()))
                .withBody(body.toString());
    }

    public static ResponseDefinitionBuilder json(int status, JsonNode body, String etag) {
        return json(status, body).withHeader("ETag", etag);
    }

    // ---------------------------------------------------------------- checks

    /**
     * The common green case: staging pull request {@code octo/fork#7} from {@code octo:fix/issue-1234} at
     * {@link #SHA_A}, one successful status and one successful check run, and {@code upstream/project} whose
     * default branch is {@code main}.
     */
    public void stubGreenStaging() {
        server.stubFor(get(urlPathEqualTo(path("/repos/octo/fork/pulls/7")))
                .willReturn(json(200, pullRequest("octo", "fork", 7, "fix/issue-1234", SHA_A))));
        server.stubFor(get(urlPathEqualTo(path("/repos/octo/fork/commits/" + SHA_A + "/status")))
                .willReturn(json(200, combinedStatus(SHA_A, "ci=success"))));
        server.stubFor(get(urlPathEqualTo(path("/repos/octo/fork/commits/" + SHA_A + "/check-runs")))
                .willReturn(json(200, checkRuns(SHA_A, "build=completed/success"))));
        server.stubFor(get(urlPathEqualTo(path("/repos/upstream/project")))
                .willReturn(json(200, repository("upstream/project", "main"))));
    }

    /** Asserts every received request is allowed by GitHub's description. */
    public void assertRequestsFollowTheDescription() {
        GitHubSpecCheck check = prefix.isEmpty() ? GitHubSpecCheck.dotCom() : GitHubSpecCheck.enterprise();
        ValidationReport report = check.check(server);
        assertThat(report.hasErrors()).as("requests not allowed by GitHub's OpenAPI description:%n%s",
                describe(report)).isFalse();
    }

    /** The report's messages one a line ({@code ValidationReport} has no text of its own): each request, then why. */
    private static String describe(ValidationReport report) {
        return report.getMessages().stream().map(m -> m.getKey() + ": " + m.getMessage())
                .collect(Collectors.joining(System.lineSeparator()));
    }

    /**
     * Asserts that a request that was never sent (a dry run's planned write) is allowed by GitHub's description, with
     * the placeholder {@code {number}} taken as a pull request number.
     */
    public void assertAllowedByTheDescription(String method, String path, String jsonBody) {
        GitHubSpecCheck check = prefix.isEmpty() ? GitHubSpecCheck.dotCom() : GitHubSpecCheck.enterprise();
        ValidationReport report = check.checkRequest(method, path(path.replace(WritePlan.NUMBER, "42")), jsonBody);
        assertThat(report.hasErrors()).as("%s %s not allowed by GitHub's OpenAPI description:%n%s", method, path,
                describe(report)).isFalse();
    }

    /** The received requests whose method is not GET (writes), oldest first, as "METHOD URL". */
    public List<String> writes() {
        return requests().stream().filter(r -> !r.startsWith("GET ")).toList();
    }

    /** The received requests, oldest first, as "METHOD URL". */
    public List<String> requests() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events.stream().map(e -> e.getRequest().getMethod().getName() + " " + e.getRequest().getUrl()).toList();
    }

    /** The received requests, oldest first. */
    public List<ServeEvent> events() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events;
    }

    /**
     * After each test: fails it unless every request received was allowed by GitHub's description
     * ({@link #assertRequestsFollowTheDescription()}), and stops the stand-in whatever the outcome.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        try {
            assertRequestsFollowTheDescription();
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
