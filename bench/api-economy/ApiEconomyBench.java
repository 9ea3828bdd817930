import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;

import io.jenkins.plugins.upstreampr.github.GateStatus;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import io.jenkins.plugins.upstreampr.github.HeadCheck;
import io.jenkins.plugins.upstreampr.github.JdkHttpConnector;
import org.kohsuke.github.authorization.ImmutableAuthorizationProvider;
import io.jenkins.plugins.upstreampr.github.Preflight;
import io.jenkins.plugins.upstreampr.github.PreflightReport;
import io.jenkins.plugins.upstreampr.github.PreflightRequest;
import io.jenkins.plugins.upstreampr.github.PullRequestProposal;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.StagingCheck;
import io.jenkins.plugins.upstreampr.github.StagingPolicy;
import io.jenkins.plugins.upstreampr.github.TimingPolicy;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequests;

/**
 * API economy benchmark: the GitHub side of a full gate (preflight, pause, head re-check, creation) against a
 * local WireMock stand-in answering every request after a fixed latency. Counts requests, requests that count
 * against the rate limit (everything but 304 Not Modified) and sequential round trips (wall time / latency,
 * rounded: independent requests in parallel cost one latency together).
 *
 * Usage: bench/api-economy/run.sh [LATENCY_MS]
 */
public class ApiEconomyBench {

    record Phase(String name, int requests, int counted, double roundTrips) {
    }

    public static void main(String[] args) throws Exception {
        int latency = args.length > 0 ? Integer.parseInt(args[0]) : 250;
        System.out.printf("latency per request: %d ms%n%n", latency);
        System.out.printf("%-58s %8s %8s %11s%n", "phase", "requests", "counted", "round trips");
        for (int round = 0; round < 5; round++) {
            boolean warmUp = round == 0;
            boolean lookUp = round == 2;
            boolean upstreamFreeze = round == 3;
            boolean gateStatus = round == 4;
            try (GitHubStub github = new GitHubStub()) {
                stub(github, latency);
                GitHubSession session = GitHubSession.connect(github.apiUrl(),
                        ImmutableAuthorizationProvider.fromOauthToken("bench-token-not-secret"),
                        JdkHttpConnector.withDefaultTimeouts());
                var staging = PullRequestRef.parse("octo/fork#7");
                var upstream = RepositoryName.parse("upstream/project");
                String variant = lookUp ? " (+ existing-PR look-up before the pause)"
                        : upstreamFreeze ? " (+ freeze file and freeze label)"
                        : gateStatus ? " (+ gate status on GitHub)" : " (common path)";
                TimingPolicy timing = upstreamFreeze
                        ? TimingPolicy.none().withFreezeFile(".github/FREEZE").withFreezeLabel("freeze")
                        : TimingPolicy.none();

                long t0 = System.nanoTime();
                PreflightReport report = new Preflight(session).run(new PreflightRequest(staging, upstream, null,
                        StagingPolicy.defaults(), lookUp, timing));
                if (gateStatus) {
                    // the waiting status, posted right before the person is asked
                    warn(new GateStatus(session).post(staging.repository(), report.ci().sha(),
                            GateStatus.Status.waiting("maintainers", null)));
                }
                Phase before = phase("before the pause" + variant, github, 0, t0, latency);
                if (!report.ci().passes()) {
                    throw new IllegalStateException("expected a green verdict, got " + report.ci().verdict());
                }
                if (report.timing().frozen()) {
                    throw new IllegalStateException("expected no freeze, got " + report.timing().warnings());
                }

                int mark = github.requests().size();
                long t1 = System.nanoTime();
                HeadCheck head = new StagingCheck(session).confirm(report.ci());
                UpstreamPullRequest pr = new UpstreamPullRequests(session).open(PullRequestProposal.builder(upstream,
                        head.current().head(), "Fix issue 1234", "body").base(report.base())
                        .expectedHeadSha(head.current().sha())
                        .build());
                if (gateStatus) {
                    warn(new GateStatus(session).post(staging.repository(), head.current().sha(),
                            GateStatus.Status.approved("alice", pr)));
                }
                Phase after = phase("after the pause" + variant, github, mark, t1, latency);
                if (!pr.created() || head.moved()) {
                    throw new IllegalStateException("unexpected gate outcome");
                }
                if (warmUp) {
                    continue;
                }
                print(before);
                print(after);
                print(new Phase("total" + variant, before.requests() + after.requests(),
                        before.counted() + after.counted(), before.roundTrips() + after.roundTrips()));

                if (round == 1) {
                    int pollMark = github.requests().size();
                    long t2 = System.nanoTime();
                    new StagingCheck(session).check(staging, StagingPolicy.defaults());
                    print(phase("one unchanged poll of the staging CI", github, pollMark, t2, latency));
                }
            }
        }
    }

    private static void warn(java.util.Optional<String> warning) {
        if (warning.isPresent()) {
            throw new IllegalStateException(warning.get());
        }
    }

    private static void print(Phase p) {
        System.out.printf("%-58s %8d %8d %11.0f%n", p.name(), p.requests(), p.counted(), p.roundTrips());
    }

    private static Phase phase(String name, GitHubStub github, int from, long startNanos, int latency) {
        double elapsedMs = (System.nanoTime() - startNanos) / 1e6;
        var events = github.events().subList(from, github.events().size());
        int counted = (int) events.stream().filter(e -> e.getResponse().getStatus() != 304).count();
        return new Phase(name, events.size(), counted, Math.floor(elapsedMs / latency));
    }

    private static void stub(GitHubStub github, int latency) {
        var s = github.server;
        s.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/7")).willReturn(json(200,
                GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", SHA_A), "\"pr\"").withFixedDelay(latency)));
        s.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/status")).willReturn(json(200,
                GitHubStub.combinedStatus(SHA_A, "ci/jenkins=success"), "\"st\"").withFixedDelay(latency)));
        s.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/check-runs")).willReturn(json(200,
                GitHubStub.checkRuns(SHA_A, "build=completed/success"), "\"cr\"").withFixedDelay(latency)));
        for (String[] p : new String[][] {{"/repos/octo/fork/pulls/7", "\"pr\""},
            {"/repos/octo/fork/commits/" + SHA_A + "/status", "\"st\""},
            {"/repos/octo/fork/commits/" + SHA_A + "/check-runs", "\"cr\""}}) {
            s.stubFor(get(urlPathEqualTo(p[0])).withHeader("If-None-Match", equalTo(p[1])).atPriority(1)
                    .willReturn(aResponse().withStatus(304).withHeader("ETag", p[1]).withFixedDelay(latency)));
        }
        s.stubFor(get(urlPathEqualTo("/repos/upstream/project")).willReturn(json(200,
                GitHubStub.repository("upstream/project", "main")).withFixedDelay(latency)));
        s.stubFor(get(urlPathEqualTo("/repos/upstream/project/pulls")).willReturn(json(200,
                GitHubStub.pullRequestList("upstream/project", 0, "octo:fix/issue-1234", "main"))
                .withFixedDelay(latency)));
        s.stubFor(get(urlPathEqualTo("/repos/upstream/project/contents/.github/FREEZE")).willReturn(json(200,
                GitHubStub.fileContent(".github/FREEZE", "2020-01-01..2020-01-02: long past\n"))
                .withFixedDelay(latency)));
        s.stubFor(get(urlPathEqualTo("/repos/upstream/project/issues")).willReturn(json(200,
                GitHubStub.issueList("upstream/project", 0, "")).withFixedDelay(latency)));
        s.stubFor(post(urlPathEqualTo("/repos/octo/fork/statuses/" + SHA_A)).willReturn(json(201,
                GitHubStub.example("repos--create-commit-status", "201-default.json")).withFixedDelay(latency)));
        s.stubFor(post(urlPathEqualTo("/repos/upstream/project/pulls")).willReturn(json(201,
                GitHubStub.createdPullRequest("upstream/project", 42, "octo:fix/issue-1234", "main", SHA_A, true))
                .withFixedDelay(latency)));
    }
}
