package io.jenkins.plugins.upstreampr.github;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * A {@link GitHubConnector} decorator that makes repeated GETs conditional: it remembers the {@code ETag} of
 * each successful GET and sends it back as {@code If-None-Match}; when GitHub answers 304 Not Modified it
 * hands the caller the remembered body as a 200. GitHub does not count a 304 against the rate limit when the
 * request carries a valid {@code If-None-Match}, so unchanged polls and re-reads are free.
 *
 * <p>{@link GitHubSession} always wraps its connector in one of these. Code that builds its own
 * {@code org.kohsuke.github.GitHub} can get the same behaviour with
 * {@code new GitHubBuilder().withConnector(new ConditionalRequestConnector(connector))}.
 *
 * <p>Entries are keyed by URL and a SHA-256 digest of the {@code Authorization} header, so two credentials
 * sharing a connector never see each other's cached bodies; the token itself is not stored.
 * The cache keeps at most {@code maxEntries} bodies (it is cleared when full: the gate reads few URLs), deflated:
 * GitHub's JSON shrinks about fivefold, and a controller following hundreds of pull requests keeps one cache per
 * watch (bench/watch-scale); inflating a replayed body costs microseconds.
 */
public final class ConditionalRequestConnector implements GitHubConnector {

    private record Entry(String etag, Map<String, List<String>> headers, byte[] deflated, int length) {

        static Entry of(String etag, Map<String, List<String>> headers, byte[] body) {
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try {
                deflater.setInput(body);
                deflater.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
                byte[] buffer = new byte[8192];
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
                return new Entry(etag, headers, out.toByteArray(), body.length);
            } finally {
                deflater.end();
            }
        }

        byte[] body() throws IOException {
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(deflated);
                byte[] body = new byte[length];
                int n = 0;
                while (n < length && !inflater.finished()) {
                    int read = inflater.inflate(body, n, length - n);
                    if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    n += read;
                }
                if (n != length) {
                    throw new IOException("A cached GitHub answer could not be restored");
                }
                return body;
            } catch (DataFormatException e) {
                throw new IOException("A cached GitHub answer could not be restored", e);
            } finally {
                inflater.end();
            }
        }
    }

    /** The headers of a 200 that a replayed body needs: its type, its ETag, and the next-page links. */
    private static final List<String> BODY_HEADERS = List.of("Content-Type", "ETag", "Last-Modified", "Link");

    private final GitHubConnector delegate;
    private final int maxEntries;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /** Wraps {@code delegate}, caching up to 256 bodies. */
    public ConditionalRequestConnector(GitHubConnector delegate) {
        this(delegate, 256);
    }

    /** Wraps {@code delegate}, caching up to {@code maxEntries} bodies. */
    public ConditionalRequestConnector(GitHubConnector delegate, int maxEntries) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        if (!"GET".equals(request.method()) || request.header("If-None-Match") != null
                || "no-cache".equals(request.header("Cache-Control"))) {
            return delegate.send(request);
        }
        String key = key(request);
        Entry cached = cache.get(key);
        GitHubConnectorRequest sent = cached == null
                ? request
                : ConnectorRequest.withHeader(request, "If-None-Match", cached.etag());
        GitHubConnectorResponse response = delegate.send(sent);
        if (response.statusCode() == 304 && cached != null) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(cached.headers());
            headers.putAll(response.allHeaders());
            response.close();
            return new BufferedResponse(request, 200, headers, cached.body());
        }
        String etag = response.header("ETag");
        if (response.statusCode() == 200 && etag != null) {
            byte[] body;
            try (InputStream in = response.bodyStream()) {
                body = in.readAllBytes();
            }
            // Only the headers that describe the body are kept: a 304 brings the others (rate limit, date) afresh,
            // and GitHub sends some twenty with every answer. The body is stored decoded, so neither its encoding
            // nor its length is kept.
            Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            all.putAll(response.allHeaders());
            all.remove("Content-Encoding");
            all.remove("Content-Length");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String name : BODY_HEADERS) {
                List<String> values = all.get(name);
                if (values != null) {
                    headers.put(name, List.copyOf(values));
                }
            }
            response.close();
            if (cache.size() >= maxEntries) {
                cache.clear();
            }
            cache.put(key, Entry.of(etag, headers, body));
            return new BufferedResponse(request, 200, all, body);
        }
        return response;
    }

    private static String key(GitHubConnectorRequest request) {
        String authorization = request.header("Authorization");
        String digest = "";
        if (authorization != null) {
            try {
                digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(authorization.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by the Java platform", e);
            }
        }
        return digest + " " + request.url();
    }
}
