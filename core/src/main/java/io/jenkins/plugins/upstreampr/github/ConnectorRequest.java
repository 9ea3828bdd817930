package io.jenkins.plugins.upstreampr.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.github.connector.GitHubConnectorRequest;

/** An immutable {@link GitHubConnectorRequest}: what this package hands to a {@code GitHubConnector}. */
final class ConnectorRequest implements GitHubConnectorRequest {

    private final String method;
    private final URL url;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    ConnectorRequest(String method, URL url, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.url = url;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body == null ? null : body.clone();
    }

    /** A copy of {@code request} with one header set (replacing any value it had). */
    static ConnectorRequest withHeader(GitHubConnectorRequest request, String name, String value) {
        TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.allHeaders());
        headers.put(name, new ArrayList<>(List.of(value)));
        byte[] body = null;
        if (request.hasBody()) {
            try (InputStream in = request.body()) {
                body = in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ConnectorRequest(request.method(), request.url(), headers, body);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public Map<String, List<String>> allHeaders() {
        return headers;
    }

    @Override
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String contentType() {
        return header("Content-Type");
    }

    @Override
    public InputStream body() {
        return body == null ? null : new ByteArrayInputStream(body);
    }

    @Override
    public URL url() {
        return url;
    }

    @Override
    public boolean hasBody() {
        return body != null;
    }

    @Override
    public String toString() {
        // Never the headers: they carry the Authorization value.
        return method + " " + url;
    }
}
