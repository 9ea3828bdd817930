package io.jenkins.plugins.upstreampr.gate;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.ExampleRepository;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.github.FreezeWindow;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.PlannedWrite;
import io.jenkins.plugins.upstreampr.github.PullRequestProposal;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.TimingPolicy;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequests;
import io.jenkins.plugins.upstreampr.github.WritePlan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dry run: every read goes to the WireMock GitHub, every write is gathered instead of sent, and each gathered write
 * is checked against GitHub's description as if it had been sent.
 */
class DryRunTest {

    private static final PullRequestRef STAGING = PullRequestRef.parse("octo/fork#7");
    private static final RepositoryName UPSTREAM = RepositoryName.parse("upstream/project");
    private static final HeadRef HEAD = HeadRef.parse("octo:fix/issue-1234");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final ChantTree tree = new ChantTreeReader().read(ExampleRepository.kvstore());
    private final Clock clock = Clock.fixed(GitHubStub.NOW, ZoneOffset.UTC);
    private final WritePlan plan = new WritePlan();

    @TempDir
    Path artifacts;

    /** Besides the received requests, which the stand-in checks after this: every planned write is allowed too. */
    @AfterEach
    void plannedWritesFollowTheDescriptionAndNoneWasSent() {
        for (PlannedWrite w : plan.writes()) {
            github.assertAllowedByTheDescription(w.method(), w.path(), w.body());
        }
        // the one thing a dry run must never do
        assertThat(github.writes()).isEmpty();
    }

    private static GateDecision approve() {
        return new GateDecision(GateDecision.Outcome.APPROVE, "Serialize concurrent writes", "Body\n", false, null,
                "alice", GitHubStub.NOW, List.of());
    }

    private void noOpenPullRequest() {
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project/pulls"))
                .willReturn(json(200, JSON.createArrayNode())));
    }

    @Test
    void anApprovalReadsAsUsualAndGathersThePullRequestAndItsFollowUpsWithoutSendingThem() throws Exception {
        github.stubGreenStaging();
        noOpenPullRequest();
        UpstreamGate gate = new UpstreamGate(github.session().dryRun(plan), clock);
        GateRequest request = GateRequest.builder(STAGING, UPSTREAM, HEAD, ExampleRepository.IMPLEMENTATION)
                .labels(List.of("bug")).reviewers(List.of("carol", "upstream/core"))
                .assignees(List.of("dave"))
                .build();

        GateOutcome outcome = gate.submit(gate.prepare(request, tree), approve(), artifacts);

        assertThat(outcome.dryRun()).isTrue();
        assertThat(outcome.plannedWrites()).extracting(PlannedWrite::index, PlannedWrite::method, PlannedWrite::path)
                .containsExactly(
                        tuple(1, "POST", "/repos/upstream/project/pulls"),
                        tuple(2, "POST", "/repos/upstream/project/issues/{number}/labels"),
                        tuple(3, "POST",
                                "/repos/upstream/project/pulls/{number}/requested_reviewers"),
                        tuple(4, "POST",
                                "/repos/upstream/project/issues/{number}/assignees"));
        assertThat(JSON.readTree(outcome.plannedWrites().get(0).body())).isEqualTo(JSON.readTree(
                "{\"title\":\"Serialize concurrent writes\",\"head\":\"octo:fix/issue-1234\",\"base\":\"main\","
                        + "\"body\":\"Body\\n\",\"draft\":false,\"maintainer_can_modify\":true}"));
        assertThat(JSON.readTree(outcome.plannedWrites().get(2).body())).isEqualTo(JSON.readTree(
                "{\"reviewers\":[\"carol\"],\"team_reviewers\":[\"core\"]}"));
        assertThat(outcome.plannedWrites().get(0).hasPlaceholder()).isFalse();
        assertThat(outcome.plannedWrites().get(1).note()).contains("{number}").contains("write 1");
        // no warning made up from the placeholder answers (assignees are taken as asked)
        assertThat(outcome.warnings()).noneMatch(w -> w.contains("did not assign"));
        // nothing written: no record of a decision that was not carried out
        assertThat(outcome.artifacts()).isEmpty();
        assertThat(artifacts).isEmptyDirectory();
        assertThat(outcome.record().upstream().number()).isNull();
        assertThat(outcome.record().upstream().url()).isNull();
        // every read was made: the staging reads, the base, the head re-read and the look for an open one
        assertThat(github.requests()).anyMatch(r -> r.startsWith("GET /repos/upstream/project/pulls?"));
    }

    @Test
    void aPullRequestAlreadyOpenIsFoundSoOnlyItsFollowUpsWouldBeSentWithItsRealNumber() {
        github.stubGreenStaging();
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project/pulls")).willReturn(json(200,
                GitHubStub.pullRequestList("upstream/project", 17, HEAD.toString(), "main"))));

        UpstreamPullRequest pr = new UpstreamPullRequests(github.session().dryRun(plan))
                .open(PullRequestProposal.builder(UPSTREAM, HEAD, "t", "b").labels(List.of("bug"))
                .build());

        assertThat(pr.created()).isFalse();
        assertThat(pr.number()).isEqualTo(17);
        assertThat(plan.writes()).extracting(PlannedWrite::path)
                .containsExactly("/repos/upstream/project/issues/17/labels");
        assertThat(plan.writes().get(0).hasPlaceholder()).isFalse();
    }

    @Test
    void aDeferralPlansNoWrite() throws Exception {
        github.stubGreenStaging();
        UpstreamGate gate = new UpstreamGate(github.session().dryRun(plan), clock);

        GateOutcome outcome = gate.submit(gate.prepare(GateRequest.builder(STAGING, UPSTREAM, HEAD,
                ExampleRepository.IMPLEMENTATION).build(), tree), new GateDecision(GateDecision.Outcome.DEFER, null, null,
                false, "later", "alice", GitHubStub.NOW, List.of()), artifacts);

        assertThat(outcome.dryRun()).isTrue();
        assertThat(outcome.plannedWrites()).isEmpty();
        assertThat(outcome.record().decision()).isEqualTo("defer");
    }

    @Test
    void aDryRunRefusesWhatTheGateWouldRefuse() {
        github.stubGreenStaging();
        UpstreamGate gate = new UpstreamGate(github.session().dryRun(plan), clock);
        GateRequest request = GateRequest.builder(STAGING, UPSTREAM, HEAD, ExampleRepository.IMPLEMENTATION)
                .timing(new TimingPolicy(List.of(new FreezeWindow(LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 3, 31), "release")), 0)).build();
        GateProposal proposal = gate.prepare(request, tree);

        assertThatThrownBy(() -> gate.submit(proposal, approve(), artifacts)).isInstanceOf(Refusal.class);
        assertThat(plan.writes()).isEmpty();
    }
}
