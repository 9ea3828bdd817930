package io.jenkins.plugins.upstreampr.github;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates every request a WireMock 3 server received against GitHub's OpenAPI description (test resource).
 *
 * <p>Path parameters that the description marks {@code x-multi-segment: true} (a file path in
 * {@code /contents/{path}}) span several URL segments; OpenAPI path matching does not know that, so before
 * validation the slashes inside such a parameter are encoded ({@code .github/FREEZE} becomes
 * {@code .github%2FFREEZE}), which is what the parameter means.
 */
public final class GitHubSpecCheck {

    private static GitHubSpecCheck dotCom;
    private static GitHubSpecCheck enterprise;

    private final OpenApiInteractionValidator validator;
    private final List<MultiSegmentPath> multiSegmentPaths;

    /** A path template with a multi-segment parameter, as a pattern whose group "multi" is that parameter. */
    private record MultiSegmentPath(Pattern pattern) {

        String encode(String rawPath) {
            Matcher m = pattern.matcher(rawPath);
            if (!m.matches() || !m.group("multi").contains("/")) {
                return null;
            }
            return rawPath.substring(0, m.start("multi")) + m.group("multi").replace("/", "%2F")
                    + rawPath.substring(m.end("multi"));
        }
    }

    private GitHubSpecCheck(String resource) {
        String spec;
        try {
            spec = Objects.requireNonNull(GitHubSpecCheck.class.getResource(resource), resource).toURI().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        validator = OpenApiInteractionValidator.createForSpecificationUrl(spec)
                .withLevelResolver(LevelResolver.create()
                        // GitHub recommends Accept: application/vnd.github+json; the description lists only
                        // application/json.
                        .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        multiSegmentPaths = multiSegmentPaths(resource);
    }

    private static List<MultiSegmentPath> multiSegmentPaths(String resource) {
        JsonNode description;
        try (InputStream in = Objects.requireNonNull(GitHubSpecCheck.class.getResourceAsStream(resource), resource)) {
            description = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<MultiSegmentPath> paths = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> items = description.path("paths").fields();
        while (items.hasNext()) {
            Map.Entry<String, JsonNode> item = items.next();
            Set<String> multi = new HashSet<>();
            List<JsonNode> parameters = new ArrayList<>();
            item.getValue().path("parameters").forEach(parameters::add);
            item.getValue().fields().forEachRemaining(op -> op.getValue().path("parameters").forEach(parameters::add));
            for (JsonNode parameter : parameters) {
                JsonNode p = parameter.has("$ref") ? description.at(parameter.get("$ref").asText().substring(1))
                        : parameter;
                if ("path".equals(p.path("in").asText()) && p.path("x-multi-segment").asBoolean(false)) {
                    multi.add(p.path("name").asText());
                }
            }
            if (multi.size() == 1) {
                StringBuilder regex = new StringBuilder("(?:.*?)");
                Matcher names = Pattern.compile("\\{([^}]+)}|[^{]+").matcher(item.getKey());
                while (names.find()) {
                    if (names.group(1) == null) {
                        regex.append(Pattern.quote(names.group()));
                    } else {
                        regex.append(multi.contains(names.group(1)) ? "(?<multi>.+)" : "[^/]+");
                    }
                }
                paths.add(new MultiSegmentPath(Pattern.compile(regex.toString())));
            }
        }
        return List.copyOf(paths);
    }

    /** {@code rawPath} with the slashes inside a multi-segment parameter encoded, when it has such a parameter. */
    private String forMatching(String rawPath) {
        for (MultiSegmentPath path : multiSegmentPaths) {
            String encoded = path.encode(rawPath);
            if (encoded != null) {
                return encoded;
            }
        }
        return rawPath;
    }

    /** The checker for api.github.com (loaded once). */
    public static synchronized GitHubSpecCheck dotCom() {
        if (dotCom == null) {
            dotCom = new GitHubSpecCheck("/github/openapi-subset.json");
        }
        return dotCom;
    }

    /** The checker for GitHub Enterprise Server 3.19 (paths under /api/v3). */
    public static synchronized GitHubSpecCheck enterprise() {
        if (enterprise == null) {
            enterprise = new GitHubSpecCheck("/github/openapi-subset-ghes-3.19.json");
        }
        return enterprise;
    }

    /**
     * One request built by hand (a dry run's planned write, which never reaches a server), validated as a received
     * one would be: {@code path} below the API URL, with its query; {@code jsonBody} sent as application/json.
     */
    public ValidationReport checkRequest(String method, String path, String jsonBody) {
        URI uri = URI.create(path);
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, forMatching(uri.getRawPath()));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                b.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        b.withHeader("Content-Type", "application/json");
        b.withHeader("Accept", "application/vnd.github+json");
        b.withHeader("X-GitHub-Api-Version", "2022-11-28");
        if (jsonBody != null) {
            b.withBody(jsonBody);
        }
        return validator.validateRequest(b.build());
    }

    /** Every received request, validated; the report lists each violation. */
    public ValidationReport check(WireMockServer wireMock) {
        ValidationReport all = ValidationReport.empty();
        for (ServeEvent event : wireMock.getAllServeEvents()) {
            LoggedRequest r = event.getRequest();
            URI uri = URI.create(r.getUrl());
            SimpleRequest.Builder b = new SimpleRequest.Builder(r.getMethod().getName(),
                    forMatching(uri.getRawPath()));
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    b.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            for (HttpHeader h : r.getHeaders().all()) {
                b.withHeader(h.key(), h.values());
            }
            if (r.getBody() != null && r.getBody().length > 0) {
                b.withBody(r.getBodyAsString());
            }
            ValidationReport report = validator.validateRequest(b.build());
            if (report.hasErrors()) {
                all = all.merge(ValidationReport.singleton(ValidationReport.Message.create("request",
                        r.getMethod().getName() + " " + r.getUrl()).build())).merge(report);
            }
        }
        return all;
    }
}
