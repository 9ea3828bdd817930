package io.jenkins.plugins.upstreampr.github;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/** A {@link GitHubConnectorResponse} whose body is already in memory. */
final class BufferedResponse extends GitHubConnectorResponse.ByteArrayResponse {

    private final byte[] body;

    BufferedResponse(GitHubConnectorRequest request, int statusCode, Map<String, List<String>> headers, byte[] body) {
        super(request, statusCode, headers);
        this.body = body == null ? new byte[0] : body.clone();
    }

    @Override
    protected InputStream rawBodyStream() {
        return new ByteArrayInputStream(body);
    }
}
