package io.jenkins.plugins.upstreampr.jenkins.params;

import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import java.net.URI;

/**
 * Links for people: to the GitHub web pages of what the gate reads, from the API URL a step was given (github.com for
 * {@code https://api.github.com} or no URL, {@code https://HOST} for a GitHub Enterprise {@code https://HOST/api/v3}),
 * and to the gate's own Jenkins pages, from Jenkins' root URL.
 */
public final class WebLinks {

    private WebLinks() {}

    /** The web address of the GitHub that serves {@code apiUri}. */
    public static String site(String apiUri) {
        if (apiUri == null || apiUri.isBlank()) {
            return "https://github.com";
        }
        URI api = URI.create(apiUri.strip());
        if ("api.github.com".equalsIgnoreCase(api.getHost())) {
            return "https://github.com";
        }
        String path = api.getPath() == null ? "" : api.getPath().replaceAll("/+$", "");
        if (path.endsWith("/api/v3")) {
            path = path.substring(0, path.length() - "/api/v3".length());
        }
        return api.getScheme() + "://" + api.getRawAuthority() + path;
    }

    /**
     * The full address of a Jenkins page, {@code path} being relative to Jenkins' root (as {@code Run.getUrl()} gives
     * it, {@code job/NAME/7/}), from the root URL Jenkins knows ({@code Jenkins.getRootUrl()}); null when it knows none
     * (no Jenkins URL configured, outside an HTTP request), for the caller to say so instead of showing a bare path.
     */
    public static String jenkinsPage(String rootUrl, String path) {
        if (rootUrl == null || rootUrl.isBlank()) {
            return null;
        }
        String root = rootUrl.strip();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return (root.endsWith("/") ? root : root + "/") + relative;
    }

    /**
     * {@code url} when it is an {@code http} or {@code https} address, else null: for links whose address someone else
     * chose (a commit status's {@code target_url}, a check run's {@code details_url}, set by whoever may post statuses
     * on the fork), so that a {@code javascript:} or {@code data:} address never becomes a link on a Jenkins page.
     */
    public static String webAddressOrNull(String url) {
        if (url == null) {
            return null;
        }
        String scheme;
        try {
            scheme = URI.create(url.strip()).getScheme();
        } catch (IllegalArgumentException e) {
            return null;
        }
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? url.strip() : null;
    }

    /** The web page of pull request {@code ref}. */
    public static String pullRequest(String apiUri, PullRequestRef ref) {
        return site(apiUri) + "/" + ref.repository() + "/pull/" + ref.number();
    }
}
