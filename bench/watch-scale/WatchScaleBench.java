import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.upstreampr.followup.TurnResult;
import io.jenkins.plugins.upstreampr.followup.UpstreamPullRequestWatch;
import io.jenkins.plugins.upstreampr.followup.WatchOutcome;
import io.jenkins.plugins.upstreampr.followup.WatchPolicy;
import io.jenkins.plugins.upstreampr.followup.WatchProgress;
import io.jenkins.plugins.upstreampr.github.ConditionalRequestConnector;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import io.jenkins.plugins.upstreampr.github.JdkHttpConnector;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.Sleeper;
import io.jenkins.plugins.upstreampr.github.StagingPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.kohsuke.github.authorization.ImmutableAuthorizationProvider;

/**
 * Many watches in one JVM: WATCHES engine watches ({@link UpstreamPullRequestWatch#turn} with {@link WatchProgress},
 * the default back-off of {@code waitForUpstreamPullRequest}), each with its own session as a Jenkins step has, over
 * real HTTP against one local stand-in GitHub (a JDK {@code HttpServer}) serving that many upstream pull requests,
 * their staging pull requests and the CI of both, with ETags and 304s. Time is simulated: the sessions read a
 * clock the benchmark moves from one due turn to the next, never waiting for real.
 *
 * <p>Usage: bench/watch-scale/run.sh [WATCHES] [SIMULATED_HOURS]. Prints, last, one line:
 * {@code watches=N hours=H requests=R counted=C counted_per_hour=X heap_per_watch_kb=Y threads=T wall_s=S}.
 */
public class WatchScaleBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "bench-token-not-a-secret";
    private static final int REPOSITORIES = 10;
    /** Turns due within the same simulated second run together on this many threads (a Jenkins thread pool). */
    private static final int POOL = Integer.getInteger("bench.pool", 10);
    /** Changes per pull request per simulated hour (comments, reviews, inline comments, pushes with CI). */
    private static final double CHANGE_RATE = Double.parseDouble(System.getProperty("bench.changeRate", "0.01"));
    /** Share of the pull requests merged at a random time during the run. */
    private static final double MERGE_SHARE = Double.parseDouble(System.getProperty("bench.mergeShare", "0.1"));
    private static final boolean STAGING = Boolean.parseBoolean(System.getProperty("bench.staging", "true"));
    /**
     * {@code shared} (default): one JdkHttpConnector for all, each session still with its own ETag cache
     * ({@link ConditionalRequestConnector}), as the plugin's {@code SharedHttpTransport} gives every step of a
     * controller; {@code per-watch}: each watch's session has its own {@link JdkHttpConnector} (its own
     * {@link HttpClient}), as the plugin built one per step before.
     */
    private static final String CONNECTOR = System.getProperty("bench.connector", "shared");
    private static final Instant EPOCH = Instant.parse("2026-03-02T08:00:00Z");

    // ---------------------------------------------------------------- simulated time

    /** The engine's clock: moved by the benchmark only. */
    static final class SimClock extends Clock {
        final AtomicLong millis = new AtomicLong(EPOCH.toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        long since() {
            return millis.get() - EPOCH.toEpochMilli();
        }
    }

    /** The engine's sleeper: a turn never sleeps (the stand-in never fails, so no retry waits); counted if it does. */
    static final LongAdder SLEEPS = new LongAdder();
    static final Sleeper NO_SLEEP = d -> SLEEPS.increment();

    // ---------------------------------------------------------------- the stand-in GitHub

    record Resource(byte[] body, String etag) {
    }

    /** Serves published bodies by path with content ETags; 304 to a matching If-None-Match, as GitHub does. */
    static final class StandIn implements AutoCloseable {
        final Map<String, Resource> resources = new ConcurrentHashMap<>();
        final Map<String, LongAdder[]> byKind = new ConcurrentHashMap<>();
        final LongAdder requests = new LongAdder();
        final LongAdder notModified = new LongAdder();
        final LongAdder unauthenticated = new LongAdder();
        final LongAdder missing = new LongAdder();
        final HttpServer server;

        StandIn() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2048);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "stand-in");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", this::handle);
            server.start();
        }

        URI apiUrl() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        void publish(String path, JsonNode body) {
            byte[] bytes;
            try {
                bytes = JSON.writeValueAsBytes(body);
                byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
                resources.put(path, new Resource(bytes, "W/\"" + HexFormat.of().formatHex(d, 0, 16) + "\""));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private void handle(HttpExchange exchange) {
            try (exchange) {
                requests.increment();
                String path = exchange.getRequestURI().getPath();
                LongAdder[] kind = byKind.computeIfAbsent(kind(path), k -> new LongAdder[] {new LongAdder(),
                        new LongAdder()});
                kind[0].increment();
                if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                    unauthenticated.increment();
                }
                Resource r = "GET".equals(exchange.getRequestMethod()) ? resources.get(path) : null;
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                if (r == null) {
                    missing.increment();
                    byte[] body = "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(404, body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
                exchange.getResponseHeaders().set("ETag", r.etag());
                githubHeaders(exchange);
                if (r.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    notModified.increment();
                    kind[1].increment();
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, r.body().length);
                exchange.getResponseBody().write(r.body());
            } catch (Exception e) {
                // the client went away; nothing to answer
            }
        }

        /** Headers GitHub sends with every answer (a cached answer keeps them). */
        private static void githubHeaders(HttpExchange exchange) {
            var h = exchange.getResponseHeaders();
            h.set("Cache-Control", "private, max-age=60, s-maxage=60");
            h.set("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP,Accept-Encoding, Accept, X-Requested-With");
            h.set("X-GitHub-Media-Type", "github.v3; format=json");
            h.set("X-GitHub-Api-Version-Selected", "2022-11-28");
            h.set("X-RateLimit-Limit", "5000");
            h.set("X-RateLimit-Remaining", "4321");
            h.set("X-RateLimit-Reset", "1772441200");
            h.set("X-RateLimit-Used", "679");
            h.set("X-RateLimit-Resource", "core");
            h.set("Access-Control-Expose-Headers", "ETag, Link, Location, Retry-After, X-GitHub-OTP, "
                    + "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, "
                    + "X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, "
                    + "X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset");
            h.set("Access-Control-Allow-Origin", "*");
            h.set("Strict-Transport-Security", "max-age=31536000; includeSubdomains; preload");
            h.set("X-Frame-Options", "deny");
            h.set("X-Content-Type-Options", "nosniff");
            h.set("X-XSS-Protection", "0");
            h.set("Referrer-Policy", "origin-when-cross-origin, strict-origin-when-cross-origin");
            h.set("Content-Security-Policy", "default-src 'none'");
            h.set("X-GitHub-Request-Id", "C0DE:2F1A:1B2C3D:1C2D3E:6650A1B2");
        }

        static String kind(String path) {
            String[] p = path.split("/");
            // /repos/{o}/{r}/pulls/{n}[/reviews|/comments], /repos/{o}/{r}/issues/{n}[/comments],
            // /repos/{o}/{r}/commits/{sha}/status|check-runs, /repos/{o}/{r}/pulls
            String owner = p.length > 2 ? p[2] : "";
            String side = "up".equals(owner) ? "upstream" : "staging";
            if (p.length == 5) {
                return side + " " + p[4] + " listing";
            }
            if (p.length == 6) {
                return side + " " + p[4] + "/{n}";
            }
            if (p.length >= 7 && "commits".equals(p[4])) {
                return side + " commits/{sha}/" + p[6];
            }
            return p.length >= 7 ? side + " " + p[4] + "/{n}/" + p[6] : side + " " + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    // ---------------------------------------------------------------- the world: pull requests that change

    /** One upstream pull request, its staging pull request in the fork (same head) and the CI on both. */
    static final class PullRequest {
        final int index;
        final int number;
        final String upstreamRepo;
        final String forkRepo;
        final String branch;
        String sha;
        boolean merged;
        /** When the fork's staging pull request last changed: only a push moves it. */
        Instant stagingUpdated = EPOCH;
        final ArrayNode reviews = JSON.createArrayNode();
        final ArrayNode inline = JSON.createArrayNode();
        final ArrayNode conversation = JSON.createArrayNode();
        String[] runs = {"build=completed/success"};
        String[] statuses = {"ci/lint=success"};

        PullRequest(int index, Random random) {
            this.index = index;
            this.number = 1000 + index;
            this.upstreamRepo = "up/project-" + index % REPOSITORIES;
            this.forkRepo = "octo/fork-" + index % REPOSITORIES;
            this.branch = "fix/issue-" + number;
            this.sha = sha(random);
        }

        String upstreamPath() {
            return "/repos/" + upstreamRepo;
        }

        String forkPath() {
            return "/repos/" + forkRepo;
        }

        void publish(StandIn github, Instant now) {
            ObjectNode pr = GitHubStub.pullRequest("octo", forkRepo.substring(5), number, branch, sha);
            pr.put("html_url", "https://github.com/" + upstreamRepo + "/pull/" + number)
                    .put("url", "https://api.github.com/repos/" + upstreamRepo + "/pulls/" + number)
                    .put("state", merged ? "closed" : "open").put("merged", merged).put("draft", false)
                    .put("updated_at", now.toString()).put("comments", conversation.size())
                    .put("review_comments", inline.size());
            if (merged) {
                pr.put("merged_at", now.toString()).put("closed_at", now.toString())
                        .put("merge_commit_sha", sha.substring(20) + sha.substring(0, 20));
            } else {
                pr.putNull("merged_at").putNull("closed_at").putNull("merge_commit_sha");
            }
            github.publish(upstreamPath() + "/pulls/" + number, pr);
            github.publish(upstreamPath() + "/pulls/" + number + "/reviews", reviews);
            github.publish(upstreamPath() + "/pulls/" + number + "/comments", inline);
            github.publish(upstreamPath() + "/issues/" + number + "/comments", conversation);
            ObjectNode issue = JSON.createObjectNode().put("number", number).put("state", merged ? "closed" : "open");
            if (merged) {
                issue.putObject("closed_by").put("login", "maintainer");
            } else {
                issue.putNull("closed_by");
            }
            github.publish(upstreamPath() + "/issues/" + number, issue);
            github.publish(upstreamPath() + "/commits/" + sha + "/status", GitHubStub.combinedStatus(sha, statuses));
            github.publish(upstreamPath() + "/commits/" + sha + "/check-runs", GitHubStub.checkRuns(sha, runs));
            if (STAGING) {
                ObjectNode staging = GitHubStub.pullRequest("octo", forkRepo.substring(5), number, branch, sha);
                staging.put("html_url", "https://github.com/" + forkRepo + "/pull/" + number)
                        .put("updated_at", stagingUpdated.toString());
                github.publish(forkPath() + "/pulls/" + number, staging);
                github.publish(forkPath() + "/commits/" + sha + "/status", GitHubStub.combinedStatus(sha, statuses));
                github.publish(forkPath() + "/commits/" + sha + "/check-runs", GitHubStub.checkRuns(sha, runs));
            }
        }

        ObjectNode comment(String operation, long id, String author, String body, Instant at) {
            ObjectNode c = (ObjectNode) GitHubStub.exampleArray(operation, "200-default.json").get(0).deepCopy();
            c.put("id", id).put("body", body).put("created_at", at.toString()).put("updated_at", at.toString())
                    .put("html_url", "https://github.com/" + upstreamRepo + "/pull/" + number + "#c" + id);
            if (c.has("commit_id")) {
                c.put("commit_id", sha);
            }
            ((ObjectNode) c.get("user")).put("login", author);
            return c;
        }

        ObjectNode review(long id, String state, Instant at) {
            ObjectNode r = (ObjectNode) GitHubStub.exampleArray("pulls--list-reviews", "200-default.json").get(0)
                    .deepCopy();
            r.put("id", id).put("state", state).put("body", "Review " + id).put("commit_id", sha)
                    .put("submitted_at", at.toString())
                    .put("html_url", "https://github.com/" + upstreamRepo + "/pull/" + number + "#r" + id);
            ((ObjectNode) r.get("user")).put("login", "reviewer-" + id % 7);
            return r;
        }
    }

    static String sha(Random random) {
        byte[] b = new byte[20];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    enum Change { COMMENT, REVIEW, INLINE_COMMENT, PUSH, CI_DONE, MERGE }

    record WorldEvent(long at, int pr, Change change) {
    }

    // ---------------------------------------------------------------- the watches

    static final class Watch {
        final int index;
        UpstreamPullRequestWatch engine;
        WatchProgress progress;
        long due;

        Watch(int index) {
            this.index = index;
        }
    }

    public static void main(String[] args) throws Exception {
        long wallStart = System.nanoTime();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        double hours = args.length > 1 ? Double.parseDouble(args[1]) : 24;
        long end = (long) (hours * 3600_000);
        Random random = new Random(42);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SimClock clock = new SimClock();
        WatchPolicy policy = WatchPolicy.defaults(WatchPolicy.Until.MERGED);

        try (StandIn github = new StandIn()) {
            List<PullRequest> prs = new ArrayList<>();
            long ids = 10_000;
            for (int i = 0; i < n; i++) {
                PullRequest pr = new PullRequest(i, random);
                pr.reviews.add(pr.review(ids++, "COMMENTED", EPOCH.minusSeconds(7200)));
                pr.conversation.add(pr.comment("issues--list-comments", ids++, "maintainer", "Thanks!",
                        EPOCH.minusSeconds(7000)));
                pr.conversation.add(pr.comment("issues--list-comments", ids++, "octo", "Rebased.",
                        EPOCH.minusSeconds(6000)));
                pr.inline.add(pr.comment("pulls--list-review-comments", ids++, "maintainer", "Nit.",
                        EPOCH.minusSeconds(6500)));
                pr.publish(github, EPOCH);
                prs.add(pr);
            }
            // What happens to the pull requests: changes at CHANGE_RATE per pull request and hour, merges.
            PriorityQueue<WorldEvent> world = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
            for (PullRequest pr : prs) {
                double t = 0;
                while (true) {
                    t += -Math.log(1 - random.nextDouble()) / CHANGE_RATE * 3600_000;
                    if (t >= end) {
                        break;
                    }
                    double k = random.nextDouble();
                    Change c = k < 0.35 ? Change.COMMENT : k < 0.55 ? Change.REVIEW : k < 0.70
                            ? Change.INLINE_COMMENT : Change.PUSH;
                    world.add(new WorldEvent((long) t, pr.index, c));
                }
                if (random.nextDouble() < MERGE_SHARE) {
                    world.add(new WorldEvent(3600_000 + (long) (random.nextDouble() * Math.max(0, end - 3600_000)),
                            pr.index, Change.MERGE));
                }
            }

            System.gc();
            Thread.sleep(200);
            System.gc();
            int threadsBefore = threads.getThreadCount();

            // The watches, started over the first 10 minutes, each with its own session as a Jenkins step has one.
            JdkHttpConnector shared = JdkHttpConnector.withDefaultTimeouts(HttpClient.newBuilder());
            List<Watch> watches = new ArrayList<>();
            PriorityQueue<Watch> due = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
            for (int i = 0; i < n; i++) {
                PullRequest pr = prs.get(i);
                GitHubSession session = GitHubSession.connect(github.apiUrl(),
                        ImmutableAuthorizationProvider.fromOauthToken(TOKEN),
                        "shared".equals(CONNECTOR) ? new ConditionalRequestConnector(shared)
                                : JdkHttpConnector.withDefaultTimeouts(HttpClient.newBuilder()))
                        .withTime(NO_SLEEP, clock);
                Watch w = new Watch(i);
                w.engine = new UpstreamPullRequestWatch(session,
                        PullRequestRef.parse(pr.upstreamRepo + "#" + pr.number),
                        STAGING ? PullRequestRef.parse(pr.forkRepo + "#" + pr.number) : null,
                        StagingPolicy.defaults());
                w.due = (long) (random.nextDouble() * 600_000);
                watches.add(w);
                due.add(w);
            }

            ExecutorService pool = Executors.newFixedThreadPool(POOL, r -> {
                Thread t = new Thread(r, "turns");
                t.setDaemon(true);
                return t;
            });
            long[] changes = new long[Change.values().length];
            Map<Integer, Long> mergedAt = new TreeMap<>();
            List<Long> noticeDelays = new ArrayList<>();
            long turns = 0;
            long failures = 0;
            int peakThreads = 0;
            long heapWith = -1;
            int liveAtMeasure = 0;
            long changesAfterHour = 0;
            long requestsAtHour = -1;
            long countedAtHour = -1;
            while (!due.isEmpty() && due.peek().due < end) {
                if (requestsAtHour < 0 && due.peek().due >= 3600_000) {
                    requestsAtHour = github.requests.sum();
                    countedAtHour = requestsAtHour - github.notModified.sum();
                }
                long batchEnd = due.peek().due + 1000;
                List<Watch> batch = new ArrayList<>();
                while (!due.isEmpty() && due.peek().due < batchEnd && due.peek().due < end) {
                    batch.add(due.poll());
                }
                long now = batch.get(batch.size() - 1).due;
                while (!world.isEmpty() && world.peek().at() <= now) {
                    WorldEvent e = world.poll();
                    PullRequest pr = prs.get(e.pr());
                    if (pr.merged) {
                        continue;
                    }
                    Instant at = EPOCH.plusMillis(e.at());
                    switch (e.change()) {
                        case COMMENT -> pr.conversation.add(pr.comment("issues--list-comments", ids++, "maintainer",
                                "Could you add a test?", at));
                        case INLINE_COMMENT -> pr.inline.add(pr.comment("pulls--list-review-comments", ids++,
                                "maintainer", "Rename this.", at));
                        case REVIEW -> pr.reviews.add(pr.review(ids++,
                                random.nextBoolean() ? "APPROVED" : "CHANGES_REQUESTED", at));
                        case PUSH -> {
                            pr.sha = sha(random);
                            pr.stagingUpdated = at;
                            pr.runs = new String[] {"build=in_progress"};
                            pr.statuses = new String[] {"ci/lint=pending"};
                            world.add(new WorldEvent(e.at() + 300_000 + random.nextInt(900_000), pr.index,
                                    Change.CI_DONE));
                        }
                        case CI_DONE -> {
                            pr.runs = new String[] {"build=completed/success"};
                            pr.statuses = new String[] {"ci/lint=success"};
                        }
                        case MERGE -> {
                            pr.merged = true;
                            mergedAt.put(pr.index, e.at());
                        }
                    }
                    changes[e.change().ordinal()]++;
                    if (e.at() >= 3600_000) {
                        changesAfterHour++;
                    }
                    pr.publish(github, at);
                }
                clock.millis.set(EPOCH.toEpochMilli() + now);
                List<Future<TurnResult>> results = new ArrayList<>();
                for (Watch w : batch) {
                    Callable<TurnResult> turn = () -> w.engine.turn(policy,
                            w.progress == null ? WatchProgress.start(policy, clock.instant()) : w.progress);
                    results.add(pool.submit(turn));
                }
                peakThreads = Math.max(peakThreads, threads.getThreadCount());
                for (int i = 0; i < batch.size(); i++) {
                    Watch w = batch.get(i);
                    TurnResult turn;
                    try {
                        turn = results.get(i).get();
                    } catch (ExecutionException ex) {
                        failures++;
                        System.err.println("turn failed: " + ex.getCause());
                        w.engine = null;
                        continue;
                    }
                    turns++;
                    w.progress = turn.progress();
                    if (turn.outcome() != null) {
                        if (turn.outcome().result() == WatchOutcome.Result.MERGED) {
                            noticeDelays.add(now - mergedAt.get(w.index));
                        }
                        w.engine = null; // the step ends: its session and progress go
                        w.progress = null;
                        continue;
                    }
                    w.due = now + turn.delay().toMillis();
                    due.add(w);
                }
                peakThreads = Math.max(peakThreads, threads.getThreadCount());
            }
            // Heap with the live watches (sessions with their ETag caches, progress with the last snapshot).
            liveAtMeasure = (int) watches.stream().filter(w -> w.engine != null).count();
            heapWith = usedAfterGc(memory);
            watches.clear();
            due.clear();
            // An HttpClient's selector thread holds its internals until it sees the client unreachable.
            for (int i = 0; i < 100 && threads.getThreadCount() > threadsBefore + POOL; i++) {
                System.gc();
                Thread.sleep(100);
            }
            long heapWithout = usedAfterGc(memory);
            pool.shutdown();

            long requests = github.requests.sum();
            long counted = requests - github.notModified.sum();
            double countedPerHour = counted / hours;
            double heapPerWatchKb = liveAtMeasure == 0 ? 0 : (heapWith - heapWithout) / 1024.0 / liveAtMeasure;
            long wall = Math.round((System.nanoTime() - wallStart) / 1e9);

            System.out.printf("%nstand-in GitHub: %d pull requests in %d repositories, staging pull requests: %s, "
                    + "connector: %s, change rate %s per pull request and hour%n", n, Math.min(n, REPOSITORIES),
                    STAGING, CONNECTOR, CHANGE_RATE);
            System.out.printf("changes: %s; merges noticed %d, time to notice: mean %.0f s, max %.0f s (back-off "
                    + "ceiling %d s)%n", changesText(changes), noticeDelays.size(),
                    noticeDelays.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0,
                    noticeDelays.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0,
                    policy.maxInterval().toSeconds());
            System.out.printf("turns %d, failed %d, retry waits %d, unauthenticated requests %d, not found %d%n",
                    turns, failures, SLEEPS.sum(), github.unauthenticated.sum(), github.missing.sum());
            System.out.printf("%-40s %10s %10s%n", "requests by kind", "requests", "counted");
            new TreeMap<>(github.byKind).forEach((k, v) -> System.out.printf("%-40s %10d %10d%n", k, v[0].sum(),
                    v[0].sum() - v[1].sum()));
            System.out.printf("requests per watch and hour: %.1f%n", requests / hours / n);
            if (requestsAtHour >= 0) {
                // the first hour holds every watch's first look (all 200s); after it, what following costs
                double later = hours - 1;
                System.out.printf("after the first hour: %.1f requests/hour, %.1f counted/hour (%.2f counted per "
                        + "change); first hour: %d requests, %d counted%n", (requests - requestsAtHour) / later,
                        (counted - countedAtHour) / later, changesAfterHour == 0 ? 0.0
                                : (double) (counted - countedAtHour) / changesAfterHour, requestsAtHour,
                        countedAtHour);
            }
            System.out.printf("heap: %.1f MiB with %d live watches, %.1f MiB without; threads before the watches %d, "
                    + "peak %d (turn pool %d)%n", heapWith / 1048576.0, liveAtMeasure, heapWithout / 1048576.0,
                    threadsBefore, peakThreads, POOL);
            System.out.printf("watches=%d hours=%s requests=%d counted=%d counted_per_hour=%.1f heap_per_watch_kb=%.1f "
                    + "threads=%d wall_s=%d%n", n, fmt(hours), requests, counted, countedPerHour, heapPerWatchKb,
                    peakThreads, wall);
            if (failures > 0 || github.missing.sum() > 0) {
                System.exit(1);
            }
        }
    }

    private static String changesText(long[] changes) {
        StringBuilder text = new StringBuilder();
        for (Change c : Change.values()) {
            text.append(text.length() == 0 ? "" : ", ").append(c.name().toLowerCase().replace('_', ' ')).append(' ')
                    .append(changes[c.ordinal()]);
        }
        return text.toString();
    }

    private static String fmt(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
