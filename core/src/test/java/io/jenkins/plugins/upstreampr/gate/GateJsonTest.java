package io.jenkins.plugins.upstreampr.gate;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.ExampleRepository;
import io.jenkins.plugins.upstreampr.github.FreezeWindow;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.TimingPolicy;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import io.jenkins.plugins.upstreampr.github.WritePlan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine-readable proposal and outcome, read from a real gate over the WireMock GitHub on the kvstore chant tree:
 * their keys, in order, and that they hold only the plain types a Pipeline can keep and Jackson writes as they are.
 */
class GateJsonTest {

    private static final PullRequestRef STAGING = PullRequestRef.parse("octo/fork#7");
    private static final RepositoryName UPSTREAM = RepositoryName.parse("upstream/project");
    private static final HeadRef HEAD = HeadRef.parse("octo:fix/issue-1234");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final ChantTree tree = new ChantTreeReader().read(ExampleRepository.kvstore());
    private final Clock clock = Clock.fixed(GitHubStub.NOW, ZoneOffset.UTC);

    @TempDir
    Path artifacts;

    private GateProposal proposal(UpstreamGate gate) {
        return gate.prepare(GateRequest.builder(STAGING, UPSTREAM, HEAD, ExampleRepository.IMPLEMENTATION).build(),
                tree);
    }

    private static GateDecision defer() {
        return new GateDecision(GateDecision.Outcome.DEFER, null, null, false, "later", "alice", GitHubStub.NOW,
                List.of());
    }

    @Test
    void theProposalHasEveryKeyInOrderMadeOfPlainListsMapsAndValues() throws Exception {
        github.stubGreenStaging();
        GateProposal proposal = proposal(new UpstreamGate(github.session(), clock));

        Map<String, Object> map = GateJson.proposal(proposal);

        assertThat(map).containsOnlyKeys("verdict", "sha", "checks", "staging", "upstream", "head", "base", "title",
                "body", "changedFiles", "actualChangedFiles", "trail", "uncheckedCriteria", "warnings",
                "overridableBlocks");
        assertThat(new ArrayList<>(map.keySet())).containsExactly("verdict", "sha", "checks", "staging", "upstream",
                "head", "base", "title", "body", "changedFiles", "actualChangedFiles", "trail", "uncheckedCriteria",
                "warnings", "overridableBlocks");
        assertPlain(map);
        assertThat(map.get("verdict")).isEqualTo("green");
        assertThat(map.get("sha")).isEqualTo(SHA_A);
        assertThat(map.get("staging")).isEqualTo("octo/fork#7");
        assertThat(map.get("upstream")).isEqualTo("upstream/project");
        assertThat(map.get("head")).isEqualTo("octo:fix/issue-1234");
        assertThat(map.get("base")).isEqualTo("main");
        assertThat(map.get("title")).isEqualTo(proposal.text().title());
        assertThat(map.get("body")).isEqualTo(proposal.text().body());
        assertThat((List<?>) map.get("trail")).hasSameSizeAs(proposal.trail().specs());
        Map<?, ?> first = (Map<?, ?>) ((List<?>) map.get("trail")).get(0);
        assertThat(keys(first)).containsExactly("id", "title", "path", "status", "checked", "total");
        assertThat(first.get("id")).isEqualTo(proposal.trail().specs().get(0).id().value());
        assertThat((List<?>) map.get("changedFiles")).allSatisfy(f -> assertThat(keys(f))
                .containsExactly("path", "why"));
        assertThat(map.get("warnings")).isEqualTo(proposal.warnings());
        assertThat(map.get("overridableBlocks")).isEqualTo(OverridableBlock.ids(proposal.overridableBlocks()));
        // Jackson writes it as it is
        assertThat(JSON.readTree(JSON.writeValueAsString(map)).get("checks").get(0).get("required").asBoolean())
                .isTrue();
    }

    @Test
    void theBlocksAPersonMayOverrideAreTheNamesTheyType() throws Exception {
        github.stubGreenStaging();
        LocalDate today = LocalDate.ofInstant(GitHubStub.NOW, ZoneOffset.UTC);
        GateProposal proposal = new UpstreamGate(github.session(), clock).prepare(
                GateRequest.builder(STAGING, UPSTREAM, HEAD, ExampleRepository.IMPLEMENTATION)
                        .timing(new TimingPolicy(List.of(new FreezeWindow(today.minusDays(1), today.plusDays(5),
                                "2.4 release freeze")), 0))
                        .build(), tree);

        Map<String, Object> map = GateJson.proposal(proposal);

        assertPlain(map);
        assertThat(map.get("overridableBlocks")).isEqualTo(List.of("freeze"));
        assertThat(JSON.readTree(JSON.writeValueAsString(map)).get("overridableBlocks").get(0).asText())
                .isEqualTo("freeze");
    }

    @Test
    void aSkippedCheckCountsAsPassingAndKeepsGitHubsOwnConclusion() {
        github.stubGreenStaging();
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/check-runs"))
                .willReturn(json(200, GitHubStub.checkRuns(SHA_A, "build=completed/success",
                        "lint=completed/skipped"))));
        GateProposal proposal = proposal(new UpstreamGate(github.session(), clock));

        List<Map<String, Object>> checks = GateJson.checks(proposal.ci());

        assertThat(checks).allSatisfy(c -> assertThat(c.keySet())
                .containsExactly("name", "state", "conclusion", "url", "required"));
        assertThat(checks).anySatisfy(c -> {
            assertThat(c.get("name")).isEqualTo("lint");
            assertThat(c.get("state")).isEqualTo("success");
            assertThat(c.get("conclusion")).isEqualTo("skipped");
            assertThat(c.get("url")).isEqualTo("https://github.com/octo/fork/runs/101");
        });
        assertThat(GateJson.proposal(proposal).get("checks")).isEqualTo(checks);
    }

    @Test
    void aDeferralSaysNothingWasOpenedNullInTheTerminalsOutcomeAndFalseInTheStepsOutcome() throws Exception {
        github.stubGreenStaging();
        UpstreamGate gate = new UpstreamGate(github.session(), clock);
        GateProposal proposal = proposal(gate);
        GateOutcome outcome = gate.submit(proposal, defer(), artifacts);

        Map<String, Object> terminal = GateJson.outcome(outcome, proposal, List.of("a/gate-record.json"));
        Map<String, Object> step = GateJson.stepOutcome(outcome);

        assertThat(new ArrayList<>(terminal.keySet())).containsExactly("decision", "number", "url", "created",
                "artifacts", "warnings", "verdict", "sha", "decidedBy", "decidedBySource", "checks",
                "actualChangedFiles");
        assertPlain(terminal);
        assertThat(terminal.get("decision")).isEqualTo("defer");
        assertThat(terminal.get("created")).isNull();
        assertThat(terminal.get("artifacts")).isEqualTo(List.of("a/gate-record.json"));
        assertThat(terminal.get("decidedBy")).isEqualTo("alice");
        assertThat(new ArrayList<>(step.keySet())).containsExactly("number", "url", "created", "decision", "dryRun",
                "plannedWrites");
        assertPlain(step);
        assertThat(step.get("number")).isNull();
        assertThat(step.get("created")).isEqualTo(false);
        assertThat(step.get("decision")).isEqualTo("defer");
        assertThat(step.get("dryRun")).isEqualTo(false);
        assertThat(step.get("plannedWrites")).isEqualTo(List.of());
    }

    @Test
    void aDryRunApprovalReturnsItsWritesAndNoPullRequest() throws Exception {
        github.stubGreenStaging();
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project/pulls"))
                .willReturn(json(200, JSON.createArrayNode())));
        WritePlan plan = new WritePlan();
        UpstreamGate gate = new UpstreamGate(github.session().dryRun(plan), clock);
        GateProposal proposal = gate.prepare(GateRequest.builder(STAGING, UPSTREAM, HEAD, ExampleRepository.IMPLEMENTATION)
                .labels(List.of("bug"))
                .build(), tree);
        GateOutcome outcome = gate.submit(proposal, new GateDecision(GateDecision.Outcome.APPROVE, "Fix", "Body\n",
                false, null, "alice", GitHubStub.NOW, List.of()), artifacts);

        Map<String, Object> step = GateJson.stepOutcome(outcome);

        assertPlain(step);
        // the pull request a dry run names is only the one that would be opened: not returned
        assertThat(outcome.pullRequest()).isPresent();
        assertThat(step.get("number")).isNull();
        assertThat(step.get("url")).isNull();
        assertThat(step.get("created")).isEqualTo(false);
        assertThat(step.get("decision")).isEqualTo("approve");
        assertThat(step.get("dryRun")).isEqualTo(true);
        List<?> writes = (List<?>) step.get("plannedWrites");
        assertThat(writes).hasSize(2);
        Map<?, ?> labels = (Map<?, ?>) writes.get(1);
        assertThat(keys(labels)).containsExactly("method", "path", "body", "note");
        assertThat(labels.get("method")).isEqualTo("POST");
        assertThat(labels.get("path")).isEqualTo("/repos/upstream/project/issues/{number}/labels");
        assertThat(JSON.readTree((String) labels.get("body"))).isEqualTo(JSON.readTree("{\"labels\":[\"bug\"]}"));
        assertThat((String) labels.get("note")).contains("{number}");
        assertThat(((Map<?, ?>) writes.get(0)).get("note")).isNull();
    }

    @Test
    void aGateThatCannotAskSaysNothingWasDecidedWithTheVerdictsOwnWarnings() {
        github.stubGreenStaging();
        GateProposal proposal = proposal(new UpstreamGate(github.session(), clock));

        Map<String, Object> map = GateJson.notDecided(proposal);

        assertThat(new ArrayList<>(map.keySet())).containsExactly("decision", "number", "url", "created",
                "artifacts", "warnings", "verdict", "sha", "checks", "actualChangedFiles");
        assertPlain(map);
        assertThat(map.get("decision")).isNull();
        assertThat(map.get("artifacts")).isEqualTo(List.of());
        assertThat(map.get("warnings")).isEqualTo(proposal.ci().warnings());
        assertThat(map.get("verdict")).isEqualTo("green");
    }

    @Test
    void aPullRequestOpenedWithoutTheGateIsDescribedWithGitHubsOwnTwoWordKeys() {
        UpstreamPullRequest pr = new UpstreamPullRequest(UPSTREAM, 42, "https://github.com/upstream/project/pull/42",
                true, false, true, "main", HEAD, SHA_A, List.of("could not add label bug"));

        Map<String, Object> map = GateJson.pullRequest(pr);

        assertThat(keys(map)).containsExactly("number", "url", "created", "maintainer_can_modify", "draft", "base",
                "head_sha", "warnings");
        assertPlain(map);
        assertThat(map.get("number")).isEqualTo(42);
        assertThat(map.get("maintainer_can_modify")).isEqualTo(false);
        assertThat(map.get("draft")).isEqualTo(true);
        assertThat(map.get("head_sha")).isEqualTo(SHA_A);
        assertThat(map.get("warnings")).isEqualTo(List.of("could not add label bug"));
    }

    private static List<String> keys(Object map) {
        return ((Map<?, ?>) map).keySet().stream().map(String.class::cast).toList();
    }

    /**
     * Only what a Pipeline keeps in its program state and a sandboxed Jenkinsfile reads: strings, integers,
     * booleans, nulls, and {@link ArrayList}s and {@link LinkedHashMap}s of them.
     */
    static void assertPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Boolean) {
            return;
        }
        if (value instanceof LinkedHashMap<?, ?> map) {
            map.forEach((k, v) -> {
                assertThat(k).isInstanceOf(String.class);
                assertPlain(v);
            });
            return;
        }
        assertThat(value).as("a plain list").isInstanceOf(ArrayList.class);
        ((List<?>) value).forEach(GateJsonTest::assertPlain);
    }
}
