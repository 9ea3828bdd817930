package io.jenkins.plugins.upstreampr.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.authorization.ImmutableAuthorizationProvider;
import org.kohsuke.github.connector.GitHubConnector;

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
 * <p>This class is the client's face: how a session is made and copied, and what it is asked (paths, queries,
 * pages, a dry run's plan). Its work is split the way github-api splits {@code GitHubClient} from its error and
 * rate-limit handlers: {@link SendLoop} sends the requests; {@link GitHubFailures} turns every failure into a
 * {@link GitHubException} whose message names the operation (repository, ref, pull request) and a remedy; whether a
 * failed read is sent again, and after how long, is the session's {@link RetryRule}'s decision (5xx and no answer:
 * bounded attempts with backoff; rate limits: waited out when the reset comes within the bound, else a failure
 * naming the reset time), acted on by its {@link RetryEffort}. Writes are sent once here, and
 * {@link UpstreamPullRequests} asks the same effort before it sends the pull request's POST again.
 *
 * <p>A plain session bounds each call by itself. A session {@linkplain #retrying(RetryProgress, boolean) for one
 * effort} bounds all its calls together and records each retry in a {@link RetryProgress}; when it does not block,
 * it throws {@link RetryLater} instead of waiting. Thread-safe.
 */
public final class GitHubSession {

    /** The API URL of github.com. */
    public static final URI GITHUB_COM = URI.create("https://api.github.com");

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService PARALLEL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "upstream-pr-github-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final SendLoop loop;
    /** How calls are retried: one effort for all calls, or each call an effort of its own. */
    private final RetryEffort retries;
    /** Where the writes of a dry run are gathered instead of sent; null: writes are sent. */
    private final WritePlan plan;

    private GitHubSession(SendLoop loop, RetryEffort retries, WritePlan plan) {
        this.loop = loop;
        this.retries = retries;
        this.plan = plan;
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
        return new GitHubSession(new SendLoop(normalize(apiUrl), authorization, conditional), RetryEffort.defaults(),
                null);
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

    private GitHubSession with(RetryEffort retries) {
        return new GitHubSession(loop, retries, plan);
    }

    /** A copy that decides retries with {@code rule} (see {@link RetryRule}; the default is {@link RetryRule#defaults()}). */
    public GitHubSession withRetryRule(RetryRule rule) {
        return with(retries.withRule(Objects.requireNonNull(rule, "rule")));
    }

    /** A copy that retries 5xx answers and no answer according to {@code policy}, with the same bound in all. */
    public GitHubSession withRetryPolicy(RetryPolicy policy) {
        return withRetryRule(retries.rule().withBackoff(Objects.requireNonNull(policy, "policy")));
    }

    /**
     * A copy whose waits (rate limits, backoff) add up to at most {@code maxWait} per effort; a rate limit that
     * resets later fails at once, naming the reset time.
     */
    public GitHubSession withMaxWait(Duration maxWait) {
        return withRetryRule(retries.rule().withMaxWait(maxWait));
    }

    /** The rule this session decides retries with. */
    public RetryRule retryRule() {
        return retries.rule();
    }

    /** A copy that waits with {@code sleeper} and reads time from {@code clock} (for tests and benchmarks). */
    public GitHubSession withTime(Sleeper sleeper, Clock clock) {
        return with(retries.withTime(Objects.requireNonNull(sleeper, "sleeper"),
                Objects.requireNonNull(clock, "clock")));
    }

    /**
     * A copy that tells {@code listener} about each retry right before it waits for it (a terminal says so on
     * stderr); a session that does not block throws {@link RetryLater} instead and tells no one.
     */
    public GitHubSession onRetry(Consumer<RetryProgress.Retry> listener) {
        return with(retries.onRetry(Objects.requireNonNull(listener, "listener")));
    }

    /**
     * A copy for one effort going on from {@code progress}: all its calls count against the rule's bound together
     * and their retries are recorded ({@link #retryProgress()}). Blocking, it waits with its sleeper; not blocking,
     * each wait the rule allows is thrown as a {@link RetryLater} carrying the progress to go on from, and nothing
     * waits in a thread.
     */
    public GitHubSession retrying(RetryProgress progress, boolean blocking) {
        return with(retries.goingOnFrom(Objects.requireNonNull(progress, "progress"), blocking));
    }

    /**
     * A copy for a dry run: reads are sent as usual; every write is gathered in {@code plan}, exactly as it would be
     * sent, and answered there (see {@link WritePlan}) instead of going to GitHub. Copies made from it
     * ({@link #retrying}, {@link #withTime}...) stay dry.
     */
    public GitHubSession dryRun(WritePlan plan) {
        return new GitHubSession(loop, retries, Objects.requireNonNull(plan, "plan"));
    }

    /** The plan of a dry run ({@link #dryRun}), or empty when writes are sent. */
    public Optional<WritePlan> writePlan() {
        return Optional.ofNullable(plan);
    }

    /** The progress of this session's effort, or empty for a plain session (each call an effort of its own). */
    public Optional<RetryProgress> retryProgress() {
        return retries.progress();
    }

    /** This session if it is one effort, else a copy for a blocking effort starting now. */
    GitHubSession asEffort() {
        return retries.isEffort() ? this : with(retries.forCall());
    }

    /**
     * How this session's calls are retried: {@link UpstreamPullRequests} records its POSTs there and asks it before
     * sending one again, as the send loop does before repeating a read.
     */
    RetryEffort retries() {
        return retries;
    }

    /** The API URL, without a trailing slash. */
    public URI apiUrl() {
        return loop.apiUrl();
    }

    /**
     * A github-api client on the same endpoint, credentials and (conditional) connector, failing fast on rate
     * limits, for uses outside the gate.
     */
    public GitHub github() throws IOException {
        return new GitHubBuilder().withEndpoint(loop.apiUrl().toString())
                .withAuthorizationProvider(loop.authorization())
                .withConnector(loop.connector())
                .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                .build();
    }

    /** How this session waits (retries, rate-limit resets); pollers built on it wait the same way. */
    public Sleeper sleeper() {
        return retries.sleeper();
    }

    /** Where this session reads the time; pollers built on it read it there too. */
    public Clock clock() {
        return retries.clock();
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
        return loop.read(what, url(path, query), retries).body();
    }

    /**
     * GET every page of a list ({@code Link: rel="next"}), returning the page bodies in order; each page as
     * {@link #get}.
     */
    public List<JsonNode> getAllPages(String what, String path, Map<String, String> query) {
        List<JsonNode> pages = new ArrayList<>();
        URL next = url(path, query);
        while (next != null) {
            SendLoop.Page page = loop.read(what, next, retries);
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
        byte[] bytes = SendLoop.json(what, body);
        URL url = url(path, Map.of());
        if (plan != null) {
            return plan.record("POST", path, bytes);
        }
        return loop.write(what, "POST", url, bytes, retries);
    }

    private URL url(String path, Map<String, String> query) {
        StringBuilder text = new StringBuilder(loop.apiUrl().toString()).append(path);
        char separator = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            text.append(separator).append(segment(e.getKey())).append('=').append(segment(e.getValue()));
            separator = '&';
        }
        try {
            return URI.create(text.toString()).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot build a GitHub API URL from " + loop.apiUrl() + " and " + path,
                    e);
        }
    }
}
