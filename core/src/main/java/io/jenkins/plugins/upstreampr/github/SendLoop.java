package io.jenkins.plugins.upstreampr.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Sends a session's requests (the role of github-api's {@code GitHubClient.sendRequest}): builds each request with
 * GitHub's headers and the {@code Authorization} value, sends it through the connector, reads the answer as JSON and
 * its next-page link, and hands every failure to {@link GitHubFailures} to be classified. A read is sent again for
 * as long as its {@link RetryEffort} allows; a write is sent once. Stateless beyond its endpoint and transport, so
 * thread-safe.
 */
final class SendLoop {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    private final URI apiUrl;
    private final AuthorizationProvider authorization;
    private final GitHubConnector connector;
    private final GitHubFailures failures;

    SendLoop(URI apiUrl, AuthorizationProvider authorization, GitHubConnector connector) {
        this.apiUrl = apiUrl;
        this.authorization = authorization;
        this.connector = connector;
        this.failures = new GitHubFailures(apiUrl);
    }

    /** The API URL, without a trailing slash. */
    URI apiUrl() {
        return apiUrl;
    }

    AuthorizationProvider authorization() {
        return authorization;
    }

    GitHubConnector connector() {
        return connector;
    }

    /** One page of an answer: its JSON body (a JSON null when empty) and the next page's URL, or null. */
    record Page(JsonNode body, URL next) {
    }

    /** GET {@code url}, sent again after each failure {@code retries} decides to retry. */
    Page read(String what, URL url, RetryEffort retries) {
        RetryEffort effort = retries.forCall();
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(what, "GET", url, null, attempt, effort);
            } catch (GitHubException e) {
                effort.retryOrThrow(what, e);
            }
        }
    }

    /** Sends {@code body} (JSON, see {@link #json}) with {@code method} once, never again here. */
    JsonNode write(String what, String method, URL url, byte[] body, RetryEffort retries) {
        return sendOnce(what, method, url, body, 1, retries).body();
    }

    /** {@code body} as the JSON bytes a write sends. */
    static byte[] json(String what, Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize request body for " + what, e);
        }
    }

    /** One request: its page, or its failure classified. */
    private Page sendOnce(String what, String method, URL url, byte[] body, int attempt, RetryEffort retries) {
        GitHubConnectorResponse response;
        try {
            response = connector.send(request(method, url, body));
        } catch (IOException e) {
            throw failures.unreachable(what, attempt, e);
        }
        try (response) {
            int status = response.statusCode();
            byte[] bytes = readBody(response);
            if (status >= 200 && status < 300) {
                return new Page(parse(what, status, bytes), nextLink(response));
            }
            throw failures.answered(what, response, tryParse(bytes), retries.clock().instant(),
                    retries.rule().maxWait(), attempt);
        } catch (IOException e) {
            throw failures.unreachable(what, attempt, e);
        }
    }

    private ConnectorRequest request(String method, URL url, byte[] body) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Accept", List.of("application/vnd.github+json"));
        headers.put("X-GitHub-Api-Version", List.of("2022-11-28"));
        headers.put("User-Agent", List.of("upstream-pr"));
        String auth = authorization.getEncodedAuthorization();
        if (auth != null) {
            headers.put("Authorization", List.of(auth));
        }
        if (body != null) {
            headers.put("Content-Type", List.of("application/json"));
        }
        return new ConnectorRequest(method, url, headers, body);
    }

    private static byte[] readBody(GitHubConnectorResponse response) throws IOException {
        if (response.statusCode() == 204) {
            return new byte[0];
        }
        try (InputStream in = response.bodyStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("body missing")) {
                return new byte[0];
            }
            throw e;
        }
    }

    private JsonNode parse(String what, int status, byte[] bytes) {
        if (bytes.length == 0) {
            return JSON.nullNode();
        }
        JsonNode node = tryParse(bytes);
        if (node == null) {
            throw failures.notJson(what, status);
        }
        return node;
    }

    private static JsonNode tryParse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private URL nextLink(GitHubConnectorResponse response) {
        String link = response.header("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT_LINK.matcher(link);
        if (!m.find()) {
            return null;
        }
        URI next = URI.create(m.group(1));
        if (!Objects.equals(next.getScheme(), apiUrl.getScheme()) || !Objects.equals(next.getHost(), apiUrl.getHost())
                || next.getPort() != apiUrl.getPort()) {
            // Never send the credentials to another host.
            throw failures.foreignNextLink(response.statusCode(), next.getHost());
        }
        try {
            return next.toURL();
        } catch (MalformedURLException e) {
            return null;
        }
    }
}
