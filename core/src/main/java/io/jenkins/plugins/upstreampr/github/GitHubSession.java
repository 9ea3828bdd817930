package io.jenkins.plugins.upstreampr.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.authorization.ImmutableAuthorizationProvider;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * One authenticated conversation with a GitHub REST API (github.com or Enterprise {@code https://HOST/api/v3}).
 *
 * <p>Built on github-api's transport SPI: an {@link AuthorizationProvider} supplies the
 * {@code Authorization} value and a {@link GitHubConnector} sends the requests, so a Jenkins plugin can pass the
 * provider and connector it builds from its credentials and proxy settings. The connector is always wrapped in
 * a {@link ConditionalRequestConnector}, so repeated reads are conditional and an unchanged one costs no rate
 * limit.
 *
 * <p>Why not a ready {@code org.kohsuke.github.GitHub}: github-api 1.330 has no call for the combined commit
 * status, no public way to send a request it does not model, reads {@code GET /repos/{o}/{r}} before any call
 * on a repository and {@code GET /users/{login}} per requested reviewer. The gate's economy targets (at most 6
 * requests, 2 round trips each side of the pause) cannot be met through it. {@link #github()} gives a
 * {@code GitHub} sharing this session's endpoint, credentials and connector for any other use.
 *
 * <p>Failures become {@link GitHubException}s whose messages name the operation (repository, ref, pull
 * request) and a remedy. Whether a failed read is sent again, and after how long, is the session's
 * {@link RetryRule}'s decision (5xx and no answer: bounded attempts with backoff; rate limits: waited out when the
 * reset comes within the bound, else a failure naming the reset time); writes are sent once here, and
 * {@link UpstreamPullRequests} asks the same rule before it sends the pull request's POST again.
 *
 * <p>A plain session bounds each call by itself. A session {@linkplain #retrying(RetryProgress, boolean) for one
 * effort} bounds all its calls together and records each retry in a {@link RetryProgress}; when it does not block,
 * it throws {@link RetryLater} instead of waiting. Thread-safe.
 */
public final class GitHubSession {

    /** The API URL of github.com. */
    public static final URI GITHUB_COM = URI.create("https://api.github.com");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService PARALLEL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "upstream-pr-github-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final URI apiUrl;
    private final AuthorizationProvider authorization;
    private final GitHubConnector connector;
    private final RetryRule rule;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Consumer<RetryProgress.Retry> onRetry;
    /** The effort all calls of this session count against; null: each call is an effort of its own. */
    private final Effort effort;
    /** Where the writes of a dry run are gathered instead of sent; null: writes are sent. */
    private final WritePlan plan;

    private GitHubSession(URI apiUrl, AuthorizationProvider authorization, GitHubConnector connector,
            RetryRule rule, Sleeper sleeper, Clock clock, Consumer<RetryProgress.Retry> onRetry, Effort effort,
            WritePlan plan) {
        this.apiUrl = apiUrl;
        this.authorization = authorization;
        this.connector = connector;
        this.rule = rule;
        this.sleeper = sleeper;
        this.clock = clock;
        this.onRetry = onRetry;
        this.effort = effort;
        this.plan = plan;
    }

    /** The retries of one effort so far, and whether it waits (blocking) or throws {@link RetryLater}. */
    private static final class Effort {
        private final AtomicReference<RetryProgress> progress;
        private final boolean blocking;

        Effort(RetryProgress progress, boolean blocking) {
            this.progress = new AtomicReference<>(progress);
            this.blocking = blocking;
        }
    }

    /**
     * A session with a personal access token (classic or fine-grained) or an installation token, over
     * {@link JdkHttpConnector#withDefaultTimeouts()}.
     *
     * @param apiUrl {@link #GITHUB_COM} or {@code https://HOST/api/v3}
     * @param token the token; kept only inside github-api's {@link AuthorizationProvider}
     */
    public static GitHubSession connect(URI apiUrl, String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("The GitHub token is empty: set GITHUB_TOKEN or pass --token-file");
        }
        return connect(apiUrl, ImmutableAuthorizationProvider.fromOauthToken(token.strip()),
                JdkHttpConnector.withDefaultTimeouts());
    }

    /**
     * A session with any github-api credentials and transport (e.g. built by the Jenkins plugin from its
     * credentials; {@link AuthorizationProvider#ANONYMOUS} for public reads).
     *
     * @param apiUrl {@link #GITHUB_COM} or {@code https://HOST/api/v3}
     * @param authorization supplies the {@code Authorization} header for each request
     * @param connector sends the requests; wrapped in a {@link ConditionalRequestConnector} unless it is one
     */
    public static GitHubSession connect(URI apiUrl, AuthorizationProvider authorization, GitHubConnector connector) {
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(connector, "connector");
        GitHubConnector conditional = connector instanceof ConditionalRequestConnector
                ? connector
                : new ConditionalRequestConnector(connector);
        return new GitHubSession(normalize(apiUrl), authorization, conditional, RetryRule.defaults(), Sleeper.SYSTEM,
                Clock.systemUTC(), retry -> { }, null, null);
    }

    private static URI normalize(URI apiUrl) {
        Objects.requireNonNull(apiUrl, "apiUrl");
        String scheme = apiUrl.getScheme();
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("Invalid GitHub API URL '" + apiUrl
                    + "': expected https://api.github.com or https://HOST/api/v3 for GitHub Enterprise");
        }
        if (apiUrl.getRawQuery() != null || apiUrl.getRawFragment() != null || apiUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Invalid GitHub API URL '" + apiUrl.getScheme() + "://"
                    + apiUrl.getHost() + "...': it must not carry credentials, a query or a fragment");
        }
        String text = apiUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /** A copy that decides retries with {@code rule} (see {@link RetryRule}; the default is {@link RetryRule#defaults()}). */
    public GitHubSession withRetryRule(RetryRule rule) {
        return new GitHubSession(apiUrl, authorization, connector, Objects.requireNonNull(rule, "rule"), sleeper,
                clock, onRetry, effort, plan);
    }

    /** A copy that retries 5xx answers and no answer according to {@code policy}, with the same bound in all. */
    public GitHubSession withRetryPolicy(RetryPolicy policy) {
        return withRetryRule(rule.withBackoff(Objects.requireNonNull(policy, "policy")));
    }

    /**
     * A copy whose waits (rate limits, backoff) add up to at most {@code maxWait} per effort; a rate limit that
     * resets later fails at once, naming the reset time.
     */
    public GitHubSession withMaxWait(Duration maxWait) {
        return withRetryRule(rule.withMaxWait(maxWait));
    }

    /** The rule this session decides retries with. */
    public RetryRule retryRule() {
        return rule;
    }

    /** A copy that waits with {@code sleeper} and reads time from {@code clock} (for tests and benchmarks). */
    public GitHubSession withTime(Sleeper sleeper, Clock clock) {
        return new GitHubSession(apiUrl, authorization, connector, rule, Objects.requireNonNull(sleeper, "sleeper"),
                Objects.requireNonNull(clock, "clock"), onRetry, effort, plan);
    }

    /**
     * A copy that tells {@code listener} about each retry right before it waits for it (a terminal says so on
     * stderr); a session that does not block throws {@link RetryLater} instead and tells no one.
     */
    public GitHubSession onRetry(Consumer<RetryProgress.Retry> listener) {
        return new GitHubSession(apiUrl, authorization, connector, rule, sleeper, clock,
                Objects.requireNonNull(listener, "listener"), effort, plan);
    }

    /**
     * A copy for one effort going on from {@code progress}: all its calls count against the rule's bound together
     * and their retries are recorded ({@link #retryProgress()}). Blocking, it waits with its sleeper; not blocking,
     * each wait the rule allows is thrown as a {@link RetryLater} carrying the progress to go on from, and nothing
     * waits in a thread.
     */
    public GitHubSession retrying(RetryProgress progress, boolean blocking) {
        return new GitHubSession(apiUrl, authorization, connector, rule, sleeper, clock, onRetry,
                new Effort(Objects.requireNonNull(progress, "progress"), blocking), plan);
    }

    /**
     * A copy for a dry run: reads are sent as usual; every write is gathered in {@code plan}, exactly as it would be
     * sent, and answered there (see {@link WritePlan}) instead of going to GitHub. Copies made from it
     * ({@link #retrying}, {@link #withTime}...) stay dry.
     */
    public GitHubSession dryRun(WritePlan plan) {
        return new GitHubSession(apiUrl, authorization, connector, rule, sleeper, clock, onRetry, effort,
                Objects.requireNonNull(plan, "plan"));
    }

    /** The plan of a dry run ({@link #dryRun}), or empty when writes are sent. */
    public Optional<WritePlan> writePlan() {
        return Optional.ofNullable(plan);
    }

    /** The progress of this session's effort, or empty for a plain session (each call an effort of its own). */
    public Optional<RetryProgress> retryProgress() {
        return effort == null ? Optional.empty() : Optional.of(effort.progress.get());
    }

    /** This session if it is one effort, else a copy for a blocking effort starting now. */
    GitHubSession asEffort() {
        return effort != null ? this : retrying(RetryProgress.start(clock.instant()), true);
    }

    /** Records in this session's effort that the pull request's POST is about to be sent. */
    void recordPost() {
        effort.progress.updateAndGet(RetryProgress::posted);
    }

    /** Records in this session's effort that a POST got no clear answer: it may have taken effect. */
    void recordPostUnanswered() {
        effort.progress.updateAndGet(RetryProgress::postUnanswered);
    }

    /**
     * Asks the rule whether {@code failure} of {@code what} is tried again: returns after waiting for it (blocking),
     * throws {@link RetryLater} (not blocking) or throws {@code failure} when it is not retried.
     */
    void retryOrThrow(String what, GitHubException failure) {
        retryOrThrow(effort == null ? new Effort(RetryProgress.start(clock.instant()), true) : effort, what, failure);
    }

    private void retryOrThrow(Effort in, String what, GitHubException failure) {
        Optional<RetryProgress.Retry> retry = rule.decide(what, failure, in.progress.get(), clock.instant());
        if (retry.isEmpty()) {
            throw failure;
        }
        RetryProgress progress = in.progress.updateAndGet(p -> p.after(retry.get()));
        if (!in.blocking) {
            throw new RetryLater(retry.get(), progress);
        }
        onRetry.accept(retry.get());
        pause(retry.get().waitBefore(), what);
    }

    /** The API URL, without a trailing slash. */
    public URI apiUrl() {
        return apiUrl;
    }

    /**
     * A github-api client on the same endpoint, credentials and (conditional) connector, failing fast on rate
     * limits, for uses outside the gate.
     */
    public GitHub github() throws IOException {
        return new GitHubBuilder().withEndpoint(apiUrl.toString())
                .withAuthorizationProvider(authorization)
                .withConnector(connector)
                .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                .build();
    }

    /** How this session waits (retries, rate-limit resets); pollers built on it wait the same way. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** Where this session reads the time; pollers built on it read it there too. */
    public Clock clock() {
        return clock;
    }

    /**
     * The pool on which independent reads run in parallel (daemon threads, shared by all sessions). Exposed as an
     * {@link Executor} so that no caller can shut it down.
     */
    public static Executor parallel() {
        return PARALLEL;
    }

    // ---------------------------------------------------------------- requests

    /** Encodes one path segment ({@code fix/issue-1} becomes {@code fix%2Fissue-1}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query map in insertion order. */
    static Map<String, String> query(String... keyValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            query.put(keyValues[i], keyValues[i + 1]);
        }
        return query;
    }

    /**
     * GET {@code path} and parse the JSON answer: conditional (free when unchanged), retried on 5xx and no answer,
     * failures as {@link GitHubException}s naming {@code what}.
     *
     * @param what the operation in words, naming the repository or ref ("reading pull request o/r#1")
     * @param path the API path below the API URL, e.g. {@code /repos/o/r/pulls/1} (see
     *        {@link RepositoryName#apiPath()})
     * @param query query parameters, in order (values are encoded here)
     */
    public JsonNode get(String what, String path, Map<String, String> query) {
        return getPage(what, url(path, query)).body();
    }

    /**
     * GET every page of a list ({@code Link: rel="next"}), returning the page bodies in order; each page as
     * {@link #get}.
     */
    public List<JsonNode> getAllPages(String what, String path, Map<String, String> query) {
        List<JsonNode> pages = new ArrayList<>();
        URL next = url(path, query);
        while (next != null) {
            Page page = getPage(what, next);
            pages.add(page.body());
            next = page.next();
        }
        return pages;
    }

    /**
     * POST a JSON body once (never repeated here) and parse the JSON answer; in a dry run, gathered in the plan and
     * answered there.
     */
    JsonNode post(String what, String path, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize request body for " + what, e);
        }
        URL url = url(path, Map.of());
        if (plan != null) {
            return plan.record("POST", path, bytes);
        }
        return send(what, "POST", url, bytes, false).body();
    }

    private Page getPage(String what, URL url) {
        return send(what, "GET", url, null, true);
    }

    private record Page(JsonNode body, URL next) {
    }

    private Page send(String what, String method, URL url, byte[] body, boolean retryable) {
        Effort in = effort != null ? effort : new Effort(RetryProgress.start(clock.instant()), true);
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                return sendOnce(what, method, url, body, attempt);
            } catch (GitHubException e) {
                if (!retryable) {
                    throw e;
                }
                retryOrThrow(in, what, e);
            }
        }
    }

    /** One request: its page, or its failure classified (never retried here). */
    private Page sendOnce(String what, String method, URL url, byte[] body, int attempt) {
        GitHubConnectorResponse response;
        try {
            response = connector.send(request(method, url, body));
        } catch (IOException e) {
            throw unreachable(what, attempt, e);
        }
        try (response) {
            int status = response.statusCode();
            byte[] bytes = readBody(response);
            if (status >= 200 && status < 300) {
                return new Page(parse(what, status, bytes), nextLink(response));
            }
            JsonNode error = tryParse(bytes);
            Instant reset = rateLimitReset(response, error, status);
            if (reset != null) {
                throw failure(GitHubException.Kind.RATE_LIMITED, status, what, error, reset, null, attempt);
            }
            throw failure(kindOf(status), status, what, error, null, null, attempt);
        } catch (IOException e) {
            throw unreachable(what, attempt, e);
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
            throw new GitHubException(GitHubException.Kind.UNEXPECTED, status,
                    "GitHub answered " + what + " (HTTP " + status + ") with a body that is not JSON. "
                            + "Check that the API URL (" + apiUrl + ") points to a GitHub REST API "
                            + "(https://api.github.com or https://HOST/api/v3).",
                    null, List.of(), null);
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
            throw new GitHubException(GitHubException.Kind.UNEXPECTED, response.statusCode(),
                    "GitHub's next-page link points to another host (" + next.getHost() + ") than the API URL ("
                            + apiUrl.getHost() + "); refusing to follow it.",
                    null, List.of(), null);
        }
        try {
            return next.toURL();
        } catch (MalformedURLException e) {
            return null;
        }
    }

    private URL url(String path, Map<String, String> query) {
        StringBuilder text = new StringBuilder(apiUrl.toString()).append(path);
        char separator = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            text.append(separator).append(segment(e.getKey())).append('=').append(segment(e.getValue()));
            separator = '&';
        }
        try {
            return URI.create(text.toString()).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot build a GitHub API URL from " + apiUrl + " and " + path, e);
        }
    }

    /**
     * Waits {@code duration} with this session's sleeper, in any mode: only for the brief waits right after the
     * pull request was opened (GitHub's lists and follow-up calls catching up), which cannot be put off to a later
     * attempt without losing what was just opened. An interruption becomes a GitHubException.
     */
    void sleeperPause(Duration duration, String what) {
        pause(duration, what);
    }

    private void pause(Duration duration, String what) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubException(GitHubException.Kind.UNREACHABLE, -1,
                    "Interrupted while waiting to retry " + what + ".", null, List.of(), e);
        }
    }

    // ---------------------------------------------------------------- failures

    private Instant rateLimitReset(GitHubConnectorResponse response, JsonNode error, int status) {
        if (status != 403 && status != 429) {
            return null;
        }
        Instant now = clock.instant();
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            try {
                return now.plusSeconds(Long.parseLong(retryAfter.trim()));
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall through to the other signs
            }
        }
        if ("0".equals(response.header("X-RateLimit-Remaining"))) {
            String reset = response.header("X-RateLimit-Reset");
            try {
                return reset == null ? now.plusSeconds(60) : Instant.ofEpochSecond(Long.parseLong(reset.trim()));
            } catch (NumberFormatException e) {
                return now.plusSeconds(60);
            }
        }
        String message = error == null ? "" : error.path("message").asText("");
        if (status == 429 || message.toLowerCase(java.util.Locale.ROOT).contains("rate limit")) {
            return now.plusSeconds(60);
        }
        return null;
    }

    private static GitHubException.Kind kindOf(int status) {
        if (status == 401) {
            return GitHubException.Kind.BAD_CREDENTIALS;
        } else if (status == 403) {
            return GitHubException.Kind.FORBIDDEN;
        } else if (status == 404 || status == 410) {
            return GitHubException.Kind.NOT_FOUND;
        } else if (status == 422) {
            return GitHubException.Kind.VALIDATION;
        } else if (status >= 500) {
            return GitHubException.Kind.SERVER_ERROR;
        }
        return GitHubException.Kind.UNEXPECTED;
    }

    private GitHubException failure(GitHubException.Kind kind, int status, String what, JsonNode error,
            Instant reset, Throwable cause, int attempts) {
        String githubMessage = error == null ? "" : error.path("message").asText("");
        List<String> details = new ArrayList<>();
        if (error != null) {
            for (JsonNode e : error.path("errors")) {
                if (e.isTextual()) {
                    details.add(e.asText());
                } else if (e.hasNonNull("message")) {
                    details.add(e.get("message").asText());
                } else {
                    details.add((e.path("resource").asText("") + " " + e.path("field").asText("") + " "
                            + e.path("code").asText("")).trim().replaceAll("\\s+", " "));
                }
            }
        }
        String said = "HTTP " + status + (githubMessage.isEmpty() ? "" : ": " + githubMessage)
                + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")");
        String message = switch (kind) {
            case BAD_CREDENTIALS -> "GitHub rejected the credentials while " + what + " (" + said + "). "
                    + "Check the token (GITHUB_TOKEN, --token-file or the Jenkins credential): it may be mistyped, "
                    + "expired or revoked, or meant for another GitHub (API URL " + apiUrl + ").";
            case FORBIDDEN -> "GitHub refused " + what + " (" + said + "). The credentials lack a permission: "
                    + "they need read access to the staging repository and 'Pull requests: write' on the upstream "
                    + "repository (classic token: 'public_repo' or 'repo' scope); an organization may also require "
                    + "SSO authorization of the token.";
            case RATE_LIMITED -> "GitHub's rate limit stopped " + what + " (" + said + "); it resets at "
                    + reset.truncatedTo(ChronoUnit.SECONDS)
                    + ", later than this run waits for (at most " + RetryProgress.Retry.seconds(rule.maxWait())
                    + " in all). Wait until then, allow a longer wait (upstream-pr --max-wait), or use credentials "
                    + "with a higher limit (a GitHub App installation).";
            case NOT_FOUND -> "Not found while " + what + " (" + said + "). Check the name; GitHub also answers 404 "
                    + "when the credentials cannot see a private repository.";
            case VALIDATION -> "GitHub refused " + what + " (" + said + ").";
            case SERVER_ERROR -> "GitHub failed while " + what + " (" + said + ")"
                    + (attempts > 1 ? " " + attempts + " times in a row" : "")
                    + ". GitHub may be having an incident (https://www.githubstatus.com); try again later.";
            default -> "Unexpected answer from GitHub while " + what + " (" + said + ").";
        };
        return new GitHubException(kind, status, message, reset, details, cause);
    }

    private GitHubException unreachable(String what, int attempts, IOException e) {
        return new GitHubException(GitHubException.Kind.UNREACHABLE, -1,
                "No answer from " + apiUrl + " while " + what + (attempts > 1 ? " after " + attempts + " attempts" : "")
                        + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). "
                        + "Check the API URL (--api-url), the network and any proxy, then try again.",
                null, List.of(), e);
    }
}
