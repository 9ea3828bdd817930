package io.jenkins.plugins.upstreampr.gate;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.ExampleRepository;
import io.jenkins.plugins.upstreampr.github.GateStatus;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.PlannedWrite;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.Verdict;
import io.jenkins.plugins.upstreampr.github.WritePlan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The gate's commit status on the staging head, against a WireMock GitHub checked against GitHub's description. */
class GateStatusTest {

    private static final PullRequestRef STAGING = PullRequestRef.parse("octo/fork#7");
    private static final RepositoryName UPSTREAM = RepositoryName.parse("upstream/project");
    private static final HeadRef HEAD = HeadRef.parse("octo:fix/issue-1234");
    private static final String STATUSES = "/repos/octo/fork/statuses/" + SHA_A;
    private static final String DECISION_URL = "https://jenkins.example.com/job/kvstore/42/input/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final ChantTree tree = new ChantTreeReader().read(ExampleRepository.kvstore());
    private final Clock clock = Clock.fixed(GitHubStub.NOW, ZoneOffset.UTC);

    @TempDir
    Path artifacts;

    private void stubGitHub(int statusAnswer) {
        github.stubGreenStaging();
        github.server.stubFor(post(urlPathEqualTo("/repos/upstream/project/pulls")).willReturn(json(201,
                GitHubStub.createdPullRequest("upstream/project", 42, HEAD.toString(), "main", SHA_A, true))));
        github.server.stubFor(post(urlPathEqualTo(STATUSES)).willReturn(statusAnswer == 201
                ? json(201, GitHubStub.example("repos--create-commit-status", "201-default.json"))
                : json(statusAnswer, GitHubStub.error("Resource not accessible by personal access token"))));
    }

    private GateRequest request() {
        return GateRequest.builder(STAGING, UPSTREAM, HEAD, ExampleRepository.IMPLEMENTATION)
                .gateStatus(true, DECISION_URL)
                .build();
    }

    private List<JsonNode> postedStatuses() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (ServeEvent e : github.events()) {
            if (e.getRequest().getUrl().equals(STATUSES)) {
                bodies.add(JSON.readTree(e.getRequest().getBodyAsString()));
            }
        }
        return bodies;
    }

    private static GateDecision decision(GateDecision.Outcome outcome, String reason) {
        return new GateDecision(outcome, "Serialize concurrent writes", "Body\n", false, reason, "alice",
                GitHubStub.NOW, List.of());
    }

    @Test
    void waitingIsPendingWithWhoMayDecideAndAnApprovalIsSuccessLinkingTheUpstreamPullRequest() throws Exception {
        stubGitHub(201);
        UpstreamGate gate = new UpstreamGate(github.session(), clock);
        GateProposal proposal = gate.prepare(request(), tree);
        int before = github.requests().size();

        GateProposal waiting = gate.announceWaiting(proposal, "maintainers");

        assertThat(github.requests().size() - before).isEqualTo(1);
        assertThat(waiting.warnings()).isEqualTo(proposal.warnings());
        GateOutcome outcome = gate.submit(waiting, decision(GateDecision.Outcome.APPROVE, null), artifacts);

        assertThat(postedStatuses()).containsExactly(
                JSON.readTree("{\"state\":\"pending\",\"target_url\":\"" + DECISION_URL + "\",\"description\":"
                        + "\"Waiting for a decision by maintainers\",\"context\":\"upstream-pr/gate\"}"),
                JSON.readTree("{\"state\":\"success\",\"target_url\":\"https://github.com/upstream/project/pull/42\","
                        + "\"description\":\"Approved by alice: upstream/project#42\",\"context\":\"upstream-pr/gate\"}"));
        assertThat(outcome.warnings()).isEqualTo(proposal.warnings());
    }

    @Test
    void aRejectionIsFailureWithTheReasonAndADeferralPendingWithTheReason() throws Exception {
        stubGitHub(201);
        UpstreamGate gate = new UpstreamGate(github.session(), clock);
        GateProposal proposal = gate.prepare(request(), tree);

        gate.submit(proposal, decision(GateDecision.Outcome.REJECT, "upstream prefers another design"), null);
        gate.submit(proposal, decision(GateDecision.Outcome.DEFER, "after the 2.4 release"), null);

        assertThat(postedStatuses()).extracting(s -> s.get("state").asText() + " " + s.get("description").asText()
                + " " + s.get("target_url").asText()).containsExactly(
                        "failure Rejected: upstream prefers another design " + DECISION_URL,
                        "pending Deferred: after the 2.4 release " + DECISION_URL);
    }

    @Test
    void aStatusThatCannotBePostedIsAWarningInTheRecordNeverAFailedGate() throws Exception {
        stubGitHub(403);
        UpstreamGate gate = new UpstreamGate(github.session(), clock);
        GateProposal waiting = gate.announceWaiting(gate.prepare(request(), tree), "maintainers");

        GateOutcome outcome = gate.submit(waiting, decision(GateDecision.Outcome.APPROVE, null), artifacts);

        assertThat(outcome.pullRequest()).hasValueSatisfying(pr -> assertThat(pr.number()).isEqualTo(42));
        assertThat(outcome.warnings()).filteredOn(w -> w.contains("upstream-pr/gate")).hasSize(2)
                .allSatisfy(w -> assertThat(w).contains("HTTP 403").contains("Commit statuses: write"));
        JsonNode record = JSON.readTree(artifacts.resolve("upstream-pr/gate-record.json").toFile());
        assertThat(record.get("warnings")).extracting(JsonNode::asText)
                .anyMatch(w -> w.contains("Waiting for a decision") && w.contains("HTTP 403"))
                .anyMatch(w -> w.contains("Approved by alice") && w.contains("HTTP 403"));
        // one request per transition: no retry of a refused status
        assertThat(postedStatuses()).hasSize(2);
    }

    @Test
    void withoutGateStatusNoStatusIsPosted() throws Exception {
        stubGitHub(201);
        UpstreamGate gate = new UpstreamGate(github.session(), clock);
        GateProposal proposal = gate.prepare(request().toBuilder().gateStatus(false, null).build(), tree);

        gate.submit(gate.announceWaiting(proposal, "maintainers"), decision(GateDecision.Outcome.APPROVE, null), null);

        assertThat(postedStatuses()).isEmpty();
    }

    @Test
    void theStagingVerdictIgnoresTheGatesOwnStatus() {
        github.stubGreenStaging();
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/status")).atPriority(1)
                .willReturn(json(200, GitHubStub.combinedStatus(SHA_A, "ci=success", GateStatus.CONTEXT + "=pending"))));

        GateProposal proposal = new UpstreamGate(github.session(), clock).prepare(request(), tree);

        assertThat(proposal.ci().verdict()).isEqualTo(Verdict.GREEN);
        assertThat(proposal.ci().checks()).extracting(c -> c.name()).doesNotContain(GateStatus.CONTEXT)
                .contains("ci");
    }

    @Test
    void aDryRunGathersTheStatusesWithTheOtherWritesAndTheNumberAsAPlaceholder() throws Exception {
        github.stubGreenStaging();
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project/pulls"))
                .willReturn(json(200, JSON.createArrayNode())));
        WritePlan plan = new WritePlan();
        UpstreamGate gate = new UpstreamGate(github.session().dryRun(plan), clock);

        GateOutcome outcome = gate.submit(gate.announceWaiting(gate.prepare(request(), tree), "maintainers"),
                decision(GateDecision.Outcome.APPROVE, null), artifacts);

        assertThat(outcome.plannedWrites()).extracting(PlannedWrite::path).containsExactly(STATUSES,
                "/repos/upstream/project/pulls", STATUSES);
        assertThat(JSON.readTree(outcome.plannedWrites().get(2).body()).get("description").asText())
                .isEqualTo("Approved by alice: upstream/project#{number}");
        assertThat(outcome.plannedWrites().get(2).note()).contains("opened by write 2");
        assertThat(outcome.plannedWrites().get(0).hasPlaceholder()).isFalse();
        for (PlannedWrite w : outcome.plannedWrites()) {
            github.assertAllowedByTheDescription(w.method(), w.path(), w.body());
        }
        assertThat(github.writes()).isEmpty();
    }
}
