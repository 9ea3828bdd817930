package io.jenkins.plugins.upstreampr.gate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_B;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.ExampleRepository;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.github.BaseCommit;
import io.jenkins.plugins.upstreampr.github.FreezeWindow;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.RetryLater;
import io.jenkins.plugins.upstreampr.github.RetryProgress;
import io.jenkins.plugins.upstreampr.github.RetryRule;
import io.jenkins.plugins.upstreampr.github.TimingPolicy;
import io.jenkins.plugins.upstreampr.github.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole gate over the bundled example repository, against a WireMock GitHub checked against GitHub's description. */
class UpstreamGateTest {

    private static final PullRequestRef STAGING = PullRequestRef.parse("octo/fork#7");
    private static final RepositoryName UPSTREAM = RepositoryName.parse("upstream/project");
    private static final HeadRef HEAD = HeadRef.parse("octo:fix/issue-1234");
    private static final String STAGING_PR = "/repos/octo/fork/pulls/7";
    private static final String PULLS = "/repos/upstream/project/pulls";

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final ChantTree tree = new ChantTreeReader().read(ExampleRepository.kvstore());
    private final Clock clock = Clock.fixed(GitHubStub.NOW, ZoneOffset.UTC);

    @TempDir
    Path artifacts;

    private UpstreamGate gate;

    /** One gate for both phases, as a front end keeps it: its session remembers the ETags read before the pause. */
    private UpstreamGate gate() {
        if (gate == null) {
            gate = new UpstreamGate(github.session(), clock);
        }
        return gate;
    }

    private GateRequest request(String spec) {
        return GateRequest.builder(STAGING, UPSTREAM, HEAD, spec).build();
    }

    private static GateDecision approve(String title, List<GateOverride> overrides) {
        return new GateDecision(GateDecision.Outcome.APPROVE, title, "Edited body\n\nFixes #1234\n", true, null,
                "alice", GitHubStub.NOW, overrides);
    }

    private void stubStaging(String headBranch, String sha, String etag) {
        github.server.stubFor(get(urlPathEqualTo(STAGING_PR)).atPriority(5).willReturn(json(200,
                GitHubStub.pullRequest("octo", "fork", 7, headBranch, sha), etag)));
        github.server.stubFor(get(urlPathEqualTo(STAGING_PR)).withHeader("If-None-Match", equalTo(etag)).atPriority(1)
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
        stubChecks(sha, "ci=success", "build=completed/success");
    }

    private void stubChecks(String sha, String status, String run) {
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + sha + "/status"))
                .willReturn(json(200, GitHubStub.combinedStatus(sha, status))));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + sha + "/check-runs"))
                .willReturn(json(200, GitHubStub.checkRuns(sha, run))));
    }

    private void stubUpstream() {
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project"))
                .willReturn(json(200, GitHubStub.repository("upstream/project", "main"))));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201,
                GitHubStub.createdPullRequest("upstream/project", 42, HEAD.toString(), "main", SHA_A, true))));
    }

    @Test
    void approvalOpensTheEditedPullRequestAndArchivesTheRecordAndTrail() throws Exception {
        stubStaging("fix/issue-1234", SHA_A, "\"pr-a\"");
        stubUpstream();

        GateProposal proposal = gate().prepare(request(ExampleRepository.IMPLEMENTATION), tree);

        assertThat(proposal.ci().verdict()).isEqualTo(Verdict.GREEN);
        assertThat(proposal.preflight().base()).isEqualTo("main");
        assertThat(proposal.text().title()).isNotBlank().doesNotContain("Phase");
        assertThat(proposal.text().body()).contains("Fixes #1234");
        assertThat(proposal.text().changedFiles()).extracting(f -> f.path()).contains("src/kvstore/store.py");
        assertThat(proposal.uncheckedCriteria()).isEmpty();
        assertThat(proposal.overridableBlocks()).isEmpty();
        assertThat(proposal.trail().ids()).extracting(id -> id.value()).contains(ExampleRepository.IMPLEMENTATION,
                "2026-11-20-001-k3v");

        GateOutcome outcome = gate().submit(proposal, approve("Serialize concurrent writes", List.of()), artifacts);

        assertThat(outcome.pullRequest()).hasValueSatisfying(pr -> {
            assertThat(pr.number()).isEqualTo(42);
            assertThat(pr.created()).isTrue();
        });
        github.server.verify(postRequestedFor(urlPathEqualTo(PULLS)).withRequestBody(equalToJson(
                "{\"title\":\"Serialize concurrent writes\",\"head\":\"octo:fix/issue-1234\",\"base\":\"main\","
                        + "\"body\":\"Edited body\\n\\nFixes #1234\\n\",\"draft\":true,"
                        + "\"maintainer_can_modify\":true}")));
        // The common path: 4 reads before the pause, a conditional head re-read (304) and the POST after it.
        assertThat(github.requests()).hasSize(6);
        assertThat(github.events().stream().filter(e -> e.getResponse().getStatus() == 304)).hasSize(1);

        assertThat(outcome.artifacts()).containsKeys("upstream-pr/gate-record.json", "upstream-pr/pull-request.md",
                "upstream-pr/chant/specs/" + ExampleRepository.IMPLEMENTATION + ".md");
        JsonNode record = new ObjectMapper().readTree(artifacts.resolve("upstream-pr/gate-record.json").toFile());
        assertThat(record.get("decision").asText()).isEqualTo("approve");
        assertThat(record.get("decidedBy").asText()).isEqualTo("alice");
        assertThat(record.at("/staging/headSha").asText()).isEqualTo(SHA_A);
        assertThat(record.at("/staging/verdict").asText()).isEqualTo("green");
        assertThat(record.at("/upstream/number").asInt()).isEqualTo(42);
        assertThat(record.at("/upstream/url").asText()).isEqualTo("https://github.com/upstream/project/pull/42");
        assertThat(record.get("specs")).hasSize(proposal.trail().specs().size());
        assertThat(Files.readString(artifacts.resolve("upstream-pr/pull-request.md")))
                .startsWith("# Serialize concurrent writes\n\nEdited body");
    }

    @Test
    void withoutBlockingTheSubmissionIsTriedOnEachTickAndTheRecordSaysWhatWasRetried() throws Exception {
        stubStaging("fix/issue-1234", SHA_A, "\"pr-a\"");
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project"))
                .willReturn(json(200, GitHubStub.repository("upstream/project", "main"))));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(502, GitHubStub.error("Server Error"))).willSetStateTo("recovered"));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("w").whenScenarioStateIs("recovered")
                .willReturn(json(201, GitHubStub.createdPullRequest("upstream/project", 42, HEAD.toString(), "main",
                        SHA_A, true))));
        github.server.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200,
                GitHubStub.pullRequestList("upstream/project", 0, HEAD.toString(), "main"))));
        UpstreamGate steps = new UpstreamGate(github.session().withRetryRule(RetryRule.afterDecision()), clock);
        GateProposal proposal = steps.prepare(request(ExampleRepository.IMPLEMENTATION), tree);
        GateDecision decision = approve("Serialize concurrent writes", List.of());

        // tick 1: the POST answers 502; nothing is written, the step schedules the next tick
        RetryLater later = catchThrowableOfType(RetryLater.class,
                () -> steps.attemptSubmit(proposal, decision, artifacts, RetryProgress.start(GitHubStub.NOW)));
        assertThat(later.waitBefore()).isEqualTo(Duration.ofSeconds(5));
        assertThat(artifacts.resolve("upstream-pr/gate-record.json")).doesNotExist();

        // tick 2: the head is confirmed again, the list read shows nothing, the POST opens it
        GateOutcome outcome = steps.attemptSubmit(proposal, decision, artifacts, later.progress());

        assertThat(outcome.pullRequest()).hasValueSatisfying(pr -> assertThat(pr.created()).isTrue());
        github.server.verify(2, postRequestedFor(urlPathEqualTo(PULLS)));
        assertThat(github.sleeps).isEmpty();
        JsonNode record = new ObjectMapper().readTree(artifacts.resolve("upstream-pr/gate-record.json").toFile());
        assertThat(record.at("/retries/count").asInt()).isEqualTo(1);
        assertThat(record.at("/retries/waitedSeconds").asDouble()).isEqualTo(5.0);
        assertThat(record.at("/retries/pullRequestPosts").asInt()).isEqualTo(2);
        assertThat(record.at("/retries/entries/0/reason").asText()).isEqualTo("HTTP 502");
        assertThat(record.at("/retries/entries/0/what").asText())
                .isEqualTo("opening a pull request from octo:fix/issue-1234 into upstream/project:main");
    }

    @Test
    void aBlockingSubmissionWaitsOutASecondaryRateLimitOnTheHeadReadAndRecordsIt() throws Exception {
        stubStaging("fix/issue-1234", SHA_A, "\"pr-a\"");
        stubUpstream();
        GateProposal proposal = gate().prepare(request(ExampleRepository.IMPLEMENTATION), tree);
        github.server.stubFor(get(urlPathEqualTo(STAGING_PR)).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).atPriority(0)
                .willReturn(json(429, GitHubStub.error("You have exceeded a secondary rate limit."))
                        .withHeader("Retry-After", "3")).willSetStateTo("over"));

        GateOutcome outcome = gate().submit(proposal, approve("Fix", List.of()), artifacts);

        assertThat(outcome.pullRequest()).isPresent();
        assertThat(github.sleeps).containsExactly(Duration.ofSeconds(4));
        assertThat(outcome.record().retries().entries()).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("rate limit (HTTP 429)"));
        assertThat(outcome.record().retries().pullRequestPosts()).isEqualTo(1);
    }

    /**
     * The example repository copied into a real git repository: its state as the base commit (on main), then the
     * fix branch's head commit, which changes a declared file (store.py), adds one no spec names (metrics.py) and
     * leaves the other declared files untouched. Returns {base, head}.
     */
    private static RevCommit[] gitRepository(Path root) throws Exception {
        Path example = ExampleRepository.kvstore();
        try (Stream<Path> files = Files.walk(example)) {
            for (Path from : files.filter(Files::isRegularFile).toList()) {
                Path to = root.resolve(example.relativize(from).toString());
                Files.createDirectories(to.getParent());
                Files.copy(from, to);
            }
        }
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            RevCommit base = git.commit().setMessage("base").setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid").setSign(false).call();
            git.checkout().setCreateBranch(true).setName("fix/issue-1234").call();
            Files.writeString(root.resolve("src/kvstore/store.py"), "# serialized writes\n", StandardOpenOption.APPEND);
            Files.writeString(root.resolve("src/kvstore/metrics.py"), "COUNTER = 0\n");
            git.add().addFilepattern(".").call();
            RevCommit head = git.commit().setMessage("fix").setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid").setSign(false).call();
            return new RevCommit[] {base, head};
        }
    }

    private void stubStagingWithBase(String sha, String baseSha, String etag) {
        ObjectNode pr = GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", sha);
        ((ObjectNode) pr.get("base")).put("sha", baseSha).put("ref", "main");
        github.server.stubFor(get(urlPathEqualTo(STAGING_PR)).atPriority(5).willReturn(json(200, pr, etag)));
        github.server.stubFor(get(urlPathEqualTo(STAGING_PR)).withHeader("If-None-Match", equalTo(etag)).atPriority(1)
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
        stubChecks(sha, "ci=success", "build=completed/success");
    }

    @Test
    void theGateShowsWhatTheBranchActuallyChangesAndWhereItDisagreesWithTheSpecs(@TempDir Path repository)
            throws Exception {
        RevCommit[] commits = gitRepository(repository);
        stubStagingWithBase(commits[1].name(), commits[0].name(), "\"pr-git\"");
        stubUpstream();
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201, GitHubStub.createdPullRequest(
                "upstream/project", 42, HEAD.toString(), "main", commits[1].name(), true))));

        GateProposal proposal = gate().prepare(request(ExampleRepository.IMPLEMENTATION),
                new ChantTreeReader().read(repository));

        assertThat(proposal.ci().base()).isEqualTo(new BaseCommit("main", commits[0].name()));
        assertThat(proposal.changes().known()).isTrue();
        assertThat(proposal.changes().files()).containsExactly(
                new BranchChanges.Change(BranchChanges.Kind.ADDED, "src/kvstore/metrics.py", null),
                new BranchChanges.Change(BranchChanges.Kind.MODIFIED, "src/kvstore/store.py", null));
        assertThat(proposal.undeclaredChanges()).containsExactly(
                new BranchChanges.Change(BranchChanges.Kind.ADDED, "src/kvstore/metrics.py", null));
        List<String> untouched = proposal.declaredFiles().stream()
                .filter(p -> !p.startsWith(".chant/") && !p.equals("src/kvstore/store.py")).distinct().toList();
        assertThat(untouched).contains("src/kvstore/batch.py", "docs/architecture/storage.md");
        assertThat(proposal.unchangedDeclaredFiles()).containsExactlyInAnyOrderElementsOf(untouched);
        assertThat(proposal.warnings())
                .contains("The branch changes src/kvstore/metrics.py (added), which no spec of the trail names in "
                        + "target_files.")
                .contains("A spec of the trail names src/kvstore/batch.py in target_files, but the branch does not "
                        + "change it.")
                .noneMatch(w -> w.contains("store.py") || w.contains("unknown"));
        // the declared files stay what the specs say
        assertThat(proposal.text().changedFiles()).extracting(f -> f.path()).contains("src/kvstore/store.py",
                "src/kvstore/batch.py");
        assertThat(proposal.overridableBlocks()).isEmpty();

        GateOutcome outcome = gate().submit(proposal, approve("Serialize concurrent writes", List.of()), null);

        assertThat(outcome.pullRequest()).isPresent();
        // reading the branch costs no request: still 4 reads, the conditional re-read and the POST
        assertThat(github.requests()).hasSize(6);
    }

    @Test
    void withoutTheCommitsLocallyTheGateFallsBackToTheDeclaredFilesWithOneWarning(@TempDir Path repository)
            throws Exception {
        gitRepository(repository);
        stubStaging("fix/issue-1234", SHA_A, "\"pr-a\"");
        stubUpstream();

        GateProposal proposal = gate().prepare(request(ExampleRepository.IMPLEMENTATION),
                new ChantTreeReader().read(repository));

        assertThat(proposal.changes().known()).isFalse();
        assertThat(proposal.changes().files()).isEmpty();
        assertThat(proposal.undeclaredChanges()).isEmpty();
        assertThat(proposal.unchangedDeclaredFiles()).isEmpty();
        assertThat(proposal.warnings().stream().filter(w -> w.contains("actually changes"))).singleElement()
                .satisfies(w -> assertThat(w).contains("unknown").contains("lacks the staging head commit " + SHA_A)
                        .contains("the changed files shown are the ones the specs declare"));
        assertThat(proposal.text().changedFiles()).extracting(f -> f.path()).contains("src/kvstore/store.py");
    }

    @Test
    void aChantTreeOutsideGitFallsBackToTheDeclaredFilesWithOneWarning(@TempDir Path plain) throws Exception {
        Path example = ExampleRepository.kvstore();
        try (Stream<Path> files = Files.walk(example)) {
            for (Path from : files.filter(Files::isRegularFile).toList()) {
                Path to = plain.resolve(example.relativize(from).toString());
                Files.createDirectories(to.getParent());
                Files.copy(from, to);
            }
        }
        stubStaging("fix/issue-1234", SHA_A, "\"pr-a\"");
        stubUpstream();

        GateProposal proposal = gate().prepare(request(ExampleRepository.IMPLEMENTATION),
                new ChantTreeReader().read(plain));

        assertThat(proposal.changes().known()).isFalse();
        assertThat(proposal.warnings().stream().filter(w -> w.contains("actually changes"))).singleElement()
                .satisfies(w -> assertThat(w).contains("not in a git work tree"));
    }

    @Test
    void aStagingPullRequestForAnotherBranchIsRefusedBeforeAnyoneIsAsked() {
        stubStaging("fix/other-branch", SHA_A, "\"pr-a\"");
        stubUpstream();

        assertThatThrownBy(() -> gate().prepare(request(ExampleRepository.IMPLEMENTATION), tree))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("octo/fork#7 is for octo:fix/other-branch, not for octo:fix/issue-1234");
    }

    @Test
    void aHeadThatMovedToARedCommitDuringThePauseOpensNothing() {
        github.server.stubFor(get(urlPathEqualTo(STAGING_PR)).inScenario("push").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", SHA_A), "\"pr-a\""))
                .willSetStateTo("pushed"));
        github.server.stubFor(get(urlPathEqualTo(STAGING_PR)).inScenario("push").whenScenarioStateIs("pushed")
                .willReturn(json(200, GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", SHA_B), "\"pr-b\"")));
        stubChecks(SHA_A, "ci=success", "build=completed/success");
        stubChecks(SHA_B, "ci=failure", "build=completed/failure");
        stubUpstream();
        GateProposal proposal = gate().prepare(request(ExampleRepository.IMPLEMENTATION), tree);

        assertThatThrownBy(() -> gate().submit(proposal, approve("Fix", List.of()), artifacts))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("moved from " + SHA_A + " to " + SHA_B)
                .hasMessageContaining("nothing was opened");
        github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
        assertThat(artifacts.resolve("upstream-pr")).doesNotExist();
    }

    @Test
    void rejectionOpensNothingAndIsRecordedWithItsReason() throws Exception {
        stubStaging("fix/issue-1234", SHA_A, "\"pr-a\"");
        stubUpstream();
        GateProposal proposal = gate().prepare(request(ExampleRepository.IMPLEMENTATION), tree);
        GateDecision reject = new GateDecision(GateDecision.Outcome.REJECT, null, null, false,
                "upstream prefers a different locking design", "bob", GitHubStub.NOW, List.of());

        GateOutcome outcome = gate().submit(proposal, reject, artifacts);

        assertThat(outcome.pullRequest()).isEmpty();
        github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
        JsonNode record = new ObjectMapper().readTree(artifacts.resolve("upstream-pr/gate-record.json").toFile());
        assertThat(record.get("decision").asText()).isEqualTo("reject");
        assertThat(record.get("reason").asText()).isEqualTo("upstream prefers a different locking design");
        assertThat(record.get("upstream").isNull()).isTrue();
        assertThat(Files.readString(artifacts.resolve("upstream-pr/pull-request.md")))
                .startsWith("# " + proposal.text().title());
    }

    @Test
    void uncheckedCriteriaInTheTrailNeedAnOverrideWithAReason() {
        stubStaging("fix/issue-1234", SHA_A, "\"pr-a\"");
        stubUpstream();
        GateProposal proposal = gate().prepare(request(ExampleRepository.UPSTREAM_PR), tree);

        assertThat(proposal.uncheckedCriteria()).extracting(g -> g.spec().value())
                .containsExactly(ExampleRepository.UPSTREAM_PR);
        assertThat(proposal.overridableBlocks()).containsExactly(OverridableBlock.UNCHECKED_CRITERIA);
        assertThatThrownBy(() -> gate().submit(proposal, approve("Fix", List.of()), artifacts))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining(ExampleRepository.UPSTREAM_PR)
                .hasMessageContaining("override of 'unchecked-criteria'");
        github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void anOverriddenBlockIsRecorded() throws Exception {
        stubStaging("fix/issue-1234", SHA_A, "\"pr-a\"");
        stubUpstream();
        GateProposal proposal = gate().prepare(request(ExampleRepository.UPSTREAM_PR), tree);

        GateOutcome outcome = gate().submit(proposal, approve("Fix", List.of(new GateOverride(
                OverridableBlock.UNCHECKED_CRITERIA.id(), "the remaining boxes are this gate itself"))), artifacts);

        assertThat(outcome.pullRequest()).isPresent();
        JsonNode record = new ObjectMapper().readTree(artifacts.resolve("upstream-pr/gate-record.json").toFile());
        assertThat(record.at("/overrides/0/check").asText()).isEqualTo("unchecked-criteria");
        assertThat(record.at("/overrides/0/reason").asText()).isEqualTo("the remaining boxes are this gate itself");
    }

    @Test
    void aDeclaredFreezeRefusesApprovalButNotDeferral() throws Exception {
        stubStaging("fix/issue-1234", SHA_A, "\"pr-a\"");
        stubUpstream();
        LocalDate today = LocalDate.ofInstant(GitHubStub.NOW, ZoneOffset.UTC);
        GateRequest frozen = request(ExampleRepository.IMPLEMENTATION).toBuilder().timing(new TimingPolicy(
                List.of(new FreezeWindow(today.minusDays(1), today.plusDays(5), "2.4 release freeze")), 0)).build();
        GateProposal proposal = gate().prepare(frozen, tree);

        assertThat(proposal.overridableBlocks()).containsExactly(OverridableBlock.FREEZE);
        assertThat(proposal.warnings()).anySatisfy(w -> assertThat(w).contains("2.4 release freeze"));
        assertThatThrownBy(() -> gate().submit(proposal, approve("Fix", List.of()), null))
                .isInstanceOf(Refusal.class).hasMessageContaining("freeze");

        GateOutcome deferred = gate().submit(proposal, new GateDecision(GateDecision.Outcome.DEFER, null, null, false,
                "after the freeze", "carol", GitHubStub.NOW, List.of()), null);
        assertThat(deferred.pullRequest()).isEmpty();
        assertThat(deferred.record().decision()).isEqualTo("defer");
        assertThat(deferred.artifacts()).isEqualTo(Map.of());
        github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void awaitPollsAPendingStagingVerdictUntilItIsDecided() {
        github.server.stubFor(get(urlPathEqualTo(STAGING_PR)).willReturn(json(200,
                GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", SHA_A))));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/status"))
                .willReturn(json(200, GitHubStub.combinedStatus(SHA_A, "ci=success"))));
        String checkRuns = "/repos/octo/fork/commits/" + SHA_A + "/check-runs";
        github.server.stubFor(get(urlPathEqualTo(checkRuns)).inScenario("ci").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, GitHubStub.checkRuns(SHA_A, "build=in_progress"))).willSetStateTo("running"));
        // await starts with an immediate (conditional) re-read, then waits between polls
        github.server.stubFor(get(urlPathEqualTo(checkRuns)).inScenario("ci").whenScenarioStateIs("running")
                .willReturn(json(200, GitHubStub.checkRuns(SHA_A, "build=in_progress"))).willSetStateTo("done"));
        github.server.stubFor(get(urlPathEqualTo(checkRuns)).inScenario("ci").whenScenarioStateIs("done")
                .willReturn(json(200, GitHubStub.checkRuns(SHA_A, "build=completed/success"))));
        stubUpstream();
        GateProposal pending = gate().prepare(request(ExampleRepository.UPSTREAM_PR), tree);
        assertThat(pending.ci().verdict()).isEqualTo(Verdict.PENDING);

        GateProposal decided = gate().await(pending, Duration.ofMinutes(10));

        assertThat(decided.ci().verdict()).isEqualTo(Verdict.GREEN);
        assertThat(github.sleeps).containsExactly(UpstreamGate.FIRST_POLL);
        assertThat(decided.trail()).isSameAs(pending.trail());
        assertThat(decided.uncheckedCriteria()).isEqualTo(pending.uncheckedCriteria());
        assertThat(decided.preflight().base()).isEqualTo("main");
        assertThat(gate().await(decided, Duration.ofMinutes(10))).isSameAs(decided);
    }

    // ---------------------------------------------------------------- several roles

    @Test
    void twoRolesApprovingTheSameTextOpenThePullRequestAndTheRecordListsEveryApproval() throws Exception {
        stubStaging("fix/issue-1234", SHA_A, "\"pr-a\"");
        stubUpstream();
        GateProposal proposal = gate().prepare(request(ExampleRepository.IMPLEMENTATION), tree);
        GateDecision byAlice = approve("Serialize concurrent writes", List.of());
        GateDecision byBob = new GateDecision(GateDecision.Outcome.APPROVE, "Serialize concurrent writes",
                "Edited body\n\nFixes #1234\n", true, null, "bob", GitHubStub.NOW.plusSeconds(60), List.of());
        Approvals approvals = Approvals.of(List.of("maintainers", "ospo"))
                .answer(1, approve("First title", List.of()), SHA_A)
                .answer(2, byBob, SHA_A)
                .answer(1, byAlice, SHA_A);
        assertThat(approvals.complete()).isTrue();

        GateOutcome outcome = gate().submit(proposal, byBob, artifacts, approvals);

        assertThat(outcome.pullRequest()).hasValueSatisfying(pr -> assertThat(pr.number()).isEqualTo(42));
        JsonNode record = new ObjectMapper().readTree(artifacts.resolve("upstream-pr/gate-record.json").toFile());
        assertThat(record.get("approvals")).hasSize(3);
        assertThat(record.at("/approvals/0/role").asInt()).isEqualTo(1);
        assertThat(record.at("/approvals/0/submitter").asText()).isEqualTo("maintainers");
        assertThat(record.at("/approvals/0/who").asText()).isEqualTo("alice");
        assertThat(record.at("/approvals/0/sha").asText()).isEqualTo(SHA_A);
        assertThat(record.at("/approvals/0/lapsed").asBoolean()).isTrue();
        assertThat(record.at("/approvals/0/lapsedBecause").asText()).contains("bob (role 2, ospo) changed");
        assertThat(record.at("/approvals/1/who").asText()).isEqualTo("bob");
        assertThat(record.at("/approvals/1/digest").asText()).isEqualTo(Approvals.digest(byBob));
        assertThat(record.at("/approvals/2/lapsed").asBoolean()).isFalse();
        assertThat(record.at("/approvals/2/at").asText()).isEqualTo(GitHubStub.NOW.toString());
    }

    @Test
    void anApprovalWithARoleStillMissingOrOfAnotherTextOpensNothing() throws Exception {
        stubStaging("fix/issue-1234", SHA_A, "\"pr-a\"");
        stubUpstream();
        GateProposal proposal = gate().prepare(request(ExampleRepository.IMPLEMENTATION), tree);
        GateDecision byAlice = approve("Serialize concurrent writes", List.of());
        Approvals onlyOne = Approvals.of(List.of("maintainers", "ospo")).answer(1, byAlice, SHA_A);

        assertThatThrownBy(() -> gate().submit(proposal, byAlice, artifacts, onlyOne)).isInstanceOf(Refusal.class)
                .hasMessageContaining("still needed role 2 (ospo)");
        Approvals both = onlyOne.answer(2, new GateDecision(GateDecision.Outcome.APPROVE, byAlice.title(),
                byAlice.body(), byAlice.draft(), null, "bob", GitHubStub.NOW, List.of()), SHA_A);
        assertThatThrownBy(() -> gate().submit(proposal, approve("Another title", List.of()), artifacts, both))
                .isInstanceOf(Refusal.class).hasMessageContaining("another title, body or draft");
        github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void eachRolesAnswerIsBoundToTheHeadReadAgainSoAMovedHeadAsksTheEarlierRolesAgain() {
        stubStaging("fix/issue-1234", SHA_A, "\"pr-a\"");
        stubUpstream();
        GateProposal proposal = gate().prepare(request(ExampleRepository.IMPLEMENTATION), tree);
        GateDecision byAlice = approve("Serialize concurrent writes", List.of());
        Approvals one = gate().answer(proposal, Approvals.of(List.of("maintainers", "ospo")), 1, byAlice);
        assertThat(one.approvals().get(0).sha()).isEqualTo(SHA_A);

        github.server.resetAll();
        stubStaging("fix/issue-1234", SHA_B, "\"pr-b\"");
        Approvals two = gate().answer(proposal, one, 2, new GateDecision(GateDecision.Outcome.APPROVE,
                byAlice.title(), byAlice.body(), byAlice.draft(), null, "bob", GitHubStub.NOW, List.of()));

        assertThat(two.standing()).extracting(Approvals.Approval::who, Approvals.Approval::sha)
                .containsExactly(org.assertj.core.api.Assertions.tuple("bob", SHA_B));
        assertThat(two.next()).hasValueSatisfying(n -> {
            assertThat(n.role()).isEqualTo(1);
            assertThat(n.why()).contains("the staging head moved from " + SHA_A + " to " + SHA_B);
        });
    }
}
