package io.jenkins.plugins.upstreampr.github;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Validates every request a WireMock 3 server received against GitHub's OpenAPI description (test resource). */
public final class GitHubSpecCheck {

    private static GitHubSpecCheck dotCom;
    private static GitHubSpecCheck enterprise;

    private final OpenApiInteractionValidator validator;

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

    /** Every received request, validated; the report lists each violation. */
    public ValidationReport check(WireMockServer wireMock) {
        ValidationReport all = ValidationReport.empty();
        for (ServeEvent event : wireMock.getAllServeEvents()) {
            LoggedRequest r = event.getRequest();
            URI uri = URI.create(r.getUrl());
            SimpleRequest.Builder b = new SimpleRequest.Builder(r.getMethod().getName(), uri.getRawPath());
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
