package io.jenkins.plugins.upstreampr.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The default {@link GitHubConnector} of this project: {@code java.net.http} with a connect timeout and a
 * per-request timeout (github-api's {@code HttpClientGitHubConnector} sets none, so a silent server would
 * block a gate forever). Redirects are not followed here, as in github-api; GitHub answers the gate's
 * calls without redirects.
 *
 * <p>Plain {@code http://} (a GitHub Enterprise Server without TLS) is spoken as HTTP/1.1. The client's default,
 * HTTP/2, turns the first request of every plain connection into an "h2c" upgrade ({@code Upgrade: h2c}), a
 * mechanism RFC 9113 deprecates; with the JDK 17 client such a request was seen to hang, now and then, until the
 * server's idle timeout closed the connection, the request timeout not ending it. Over {@code https://} HTTP/2 is
 * agreed on by ALPN during the TLS handshake, without an upgrade, so api.github.com keeps HTTP/2. Over HTTP/1.1
 * the JDK client sends a GET whose connection closed before any byte of an answer once more by itself, so the
 * engine sees such a fault only when it happens twice.
 */
public final class JdkHttpConnector implements GitHubConnector {

    /** Headers {@code java.net.http} sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final Duration requestTimeout;

    /**
     * @param connectTimeout bound on establishing a connection
     * @param requestTimeout bound on waiting for a response's headers
     */
    public JdkHttpConnector(Duration connectTimeout, Duration requestTimeout) {
        this(HttpClient.newBuilder(), connectTimeout, requestTimeout);
    }

    /**
     * A connector on a client from {@code builder}, which brings the settings of its environment (a proxy and its
     * authentication, as Jenkins' {@code ProxyConfiguration.newHttpClientBuilder()} gives); the timeouts and "no
     * redirects" are set here.
     */
    public JdkHttpConnector(HttpClient.Builder builder, Duration connectTimeout, Duration requestTimeout) {
        this.client = builder
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Connect timeout 10 s, request timeout 30 s. */
    public static JdkHttpConnector withDefaultTimeouts() {
        return withDefaultTimeouts(HttpClient.newBuilder());
    }

    /** A client from {@code builder} (see {@link #JdkHttpConnector(HttpClient.Builder, Duration, Duration)}), default timeouts. */
    public static JdkHttpConnector withDefaultTimeouts(HttpClient.Builder builder) {
        return new JdkHttpConnector(builder, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /**
     * Sends {@code request}, unless the calling thread was interrupted: then nothing is sent and an
     * {@link InterruptedIOException} is thrown ({@code HttpClient.send} would hand the request to its own threads
     * before it noticed the interruption). This is how a Jenkins step that was aborted, whose look is interrupted,
     * sends nothing more.
     */
    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("Interrupted before calling " + request.url());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(requestTimeout);
        try {
            builder.uri(request.url().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("Invalid GitHub API URL " + request.url(), e);
        }
        if ("http".equalsIgnoreCase(request.url().getProtocol())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getValue() != null && !RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                builder.header(header.getKey(), String.join(", ", header.getValue()));
            }
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (request.hasBody()) {
            try (InputStream in = request.body()) {
                body = HttpRequest.BodyPublishers.ofByteArray(in == null ? new byte[0] : in.readAllBytes());
            }
        }
        builder.method(request.method(), body);
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BufferedResponse(request, response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw (InterruptedIOException) new InterruptedIOException("Interrupted while calling " + request.url())
                    .initCause(e);
        }
    }
}
