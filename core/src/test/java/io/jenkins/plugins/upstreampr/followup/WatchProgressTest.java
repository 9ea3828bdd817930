package io.jenkins.plugins.upstreampr.followup;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.NOW;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.followup.WatchEvent.Kind;
import io.jenkins.plugins.upstreampr.github.GitHubException;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import io.jenkins.plugins.upstreampr.github.JdkHttpConnector;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RetryPolicy;
import io.jenkins.plugins.upstreampr.github.StagingPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kohsuke.github.authorization.ImmutableAuthorizationProvider;

/**
 * A watch driven one turn at a time, as a Jenkins step drives it from a timer, with its {@link WatchProgress}
 * serialized and read back between turns (as across a controller restart, where the snapshot is gone and a new
 * session has no conditional-request cache): it reports the same changes, backs off the same way and ends the same
 * way as {@link UpstreamPullRequestWatch#watch}.
 */
class WatchProgressTest {

    private static final String SHA_C = "cccccccccccccccccccccccccccccccccccccccc";

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final UpstreamWorld world = new UpstreamWorld(github);
    private final TestTime time = new TestTime(NOW);
    private final List<WatchEvent> seen = new ArrayList<>();

    /**
     * A new session each time: after a restart nothing of the old one is left. The turns' waits are the test's own
     * ({@code time.sleep(turn.delay())}); retries wait nothing, so a transient failure on a loaded machine is
     * retried without moving the stand-in's world to its next state in the middle of a look (see {@link TestTime}).
     */
    private UpstreamPullRequestWatch watch(boolean withStaging) {
        GitHubSession session = GitHubSession.connect(github.apiUrl(),
                ImmutableAuthorizationProvider.fromOauthToken(GitHubStub.TOKEN),
                new JdkHttpConnector(Duration.ofSeconds(10), Duration.ofSeconds(30))).withTime(time, time)
                .withRetryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO));
        return new UpstreamPullRequestWatch(session, PullRequestRef.parse(UpstreamWorld.UPSTREAM),
                withStaging ? PullRequestRef.parse(UpstreamWorld.STAGING) : null, StagingPolicy.defaults());
    }

    static WatchProgress restarted(WatchProgress progress) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(progress);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (WatchProgress) in.readObject();
        }
    }

    /** Turns until the watch ends, each on a fresh watch with the progress read back; returns the last turn. */
    private TurnResult turnAcrossRestarts(WatchPolicy policy, boolean withStaging, List<Duration> delays)
            throws Exception {
        WatchProgress progress = WatchProgress.start(policy, time.instant());
        for (int turns = 0; turns < 50; turns++) {
            TurnResult turn = watch(withStaging).turn(policy, progress);
            seen.addAll(turn.events());
            if (turn.ended().isPresent()) {
                return turn;
            }
            delays.add(turn.delay());
            time.sleep(turn.delay());
            progress = restarted(turn.progress());
            assertThat(progress.seen()).isEqualTo(turn.progress().seen());
            assertThat(progress.last()).as("the snapshot is not serialized").isNull();
        }
        throw new AssertionError("the watch did not end: " + seen);
    }

    private static List<Kind> kinds(List<WatchEvent> events) {
        return events.stream().map(WatchEvent::kind).toList();
    }

    @Test
    void reviewRoundsToMergeAcrossRestartsReportTheSameChangesAsTheWatchLoop() throws Exception {
        world.stagingRuns.put(SHA_A, new String[] {"build=completed/success"});
        world.upstreamRuns.put(SHA_A, new String[] {"upstream-ci=in_progress"});
        world.publish();
        time.then(() -> { }) // 1: nothing changes
                .then(() -> world.review("bob", "CHANGES_REQUESTED", "Please add a test.", NOW.plusSeconds(40))
                        .inlineComment("bob", "src/Main.java", "This breaks on null.", NOW.plusSeconds(40)).publish())
                .then(() -> { // 3: the fork branch moves first
                    world.stagingSha = SHA_B;
                    world.stagingRuns.put(SHA_B, new String[] {"build=in_progress"});
                    world.publish();
                })
                .then(() -> { // 4: the upstream head follows; staging CI still running
                    world.upstreamSha = SHA_B;
                    world.upstreamRuns.put(SHA_B, new String[] {"upstream-ci=in_progress"});
                    world.publish();
                })
                .then(() -> { // 5: staging CI passes on the same commit
                    world.stagingRuns.put(SHA_B, new String[] {"build=completed/success"});
                    world.publish();
                })
                .then(() -> world.review("bob", "APPROVED", "", NOW.plusSeconds(400)).publish())
                .then(() -> { // 7: merged
                    world.state = "closed";
                    world.merged = true;
                    world.closedBy = "maintainer";
                    world.publish();
                });
        List<Duration> delays = new ArrayList<>();

        TurnResult last = turnAcrossRestarts(new WatchPolicy(WatchPolicy.Until.MERGED, Duration.ofDays(1),
                Duration.ofSeconds(10), Duration.ofMinutes(5)), true, delays);

        WatchOutcome outcome = last.outcome();
        assertThat(outcome.result()).isEqualTo(WatchOutcome.Result.MERGED);
        assertThat(outcome.reached()).isTrue();
        assertThat(outcome.last().mergeCommitSha()).isEqualTo(world.mergeCommitSha);
        assertThat(kinds(seen)).containsExactly(
                Kind.FIRST_LOOK,
                Kind.NEW_REVIEW, Kind.REVIEW_DECISION_CHANGED, Kind.NEW_COMMENTS,
                Kind.HEADS_DIFFER,
                Kind.HEAD_MOVED, Kind.CI_CHANGED,
                Kind.STAGING_CI_CHANGED, Kind.READY_FOR_ANOTHER_LOOK,
                Kind.NEW_REVIEW, Kind.REVIEW_DECISION_CHANGED,
                Kind.MERGED);
        assertThat(seen.get(2).message()).isEqualTo("Review decision on up/project#42 changed from review required to "
                + "changes requested.");
        assertThat(seen.get(3).message()).isEqualTo("1 new comment on up/project#42: bob on src/Main.java: This breaks "
                + "on null.");
        // the first look: 10 s; nothing changed: doubled; every later look saw a change: back to 10 s
        assertThat(delays).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void untilReviewCountsAReviewSubmittedWhileTheControllerWasDown() throws Exception {
        world.review("alice", "COMMENTED", "Looking at it.", NOW.minusSeconds(600)).publish();
        time.then(() -> world.review("alice", "APPROVED", "", NOW.plusSeconds(5)).publish());
        List<Duration> delays = new ArrayList<>();

        TurnResult last = turnAcrossRestarts(WatchPolicy.defaults(WatchPolicy.Until.REVIEW), false, delays);

        assertThat(last.outcome().result()).isEqualTo(WatchOutcome.Result.REVIEWED);
        assertThat(last.outcome().reached()).isTrue();
        assertThat(kinds(seen)).containsExactly(Kind.FIRST_LOOK, Kind.NEW_REVIEW, Kind.REVIEW_DECISION_CHANGED);
        assertThat(seen.get(1).message()).isEqualTo("alice approved on up/project#42 at 6dcb09b5b578 (the head).");
    }

    @Test
    void theLastDelayIsCutToTheDeadlineAndTheTurnAfterItTimesOutWithWhatItSaw() throws Exception {
        world.publish();
        time.then(() -> { }).then(() -> { }).then(() -> {
            world.upstreamSha = SHA_C;
            world.publish();
        });
        List<Duration> delays = new ArrayList<>();

        TurnResult last = turnAcrossRestarts(new WatchPolicy(WatchPolicy.Until.MERGED, Duration.ofSeconds(50),
                Duration.ofSeconds(10), Duration.ofSeconds(40)), false, delays);

        assertThat(delays).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(20));
        assertThat(last.outcome().result()).isEqualTo(WatchOutcome.Result.TIMED_OUT);
        assertThat(last.outcome().reached()).isFalse();
        assertThat(last.outcome().last().headSha()).isEqualTo(SHA_C);
        assertThat(kinds(seen)).containsExactly(Kind.FIRST_LOOK, Kind.HEAD_MOVED, Kind.CI_CHANGED, Kind.TIMED_OUT);
        assertThat(seen.get(3).message()).startsWith("Stopped watching up/project#42 after PT50S without it being "
                + "merged; last seen: up/project#42 open, head cccccccccccc");
    }

    @Test
    void aClosedPullRequestSeenFirstAfterARestartEndsTheWatchWithItsClosingComment() throws Exception {
        world.publish();
        time.then(() -> {
            world.comment("maintainer", "Fixed differently in #50, closing.", NOW.plusSeconds(5));
            world.state = "closed";
            world.closedBy = "maintainer";
            world.publish();
        });

        TurnResult last = turnAcrossRestarts(WatchPolicy.defaults(WatchPolicy.Until.MERGED), false, new ArrayList<>());

        assertThat(last.outcome().result()).isEqualTo(WatchOutcome.Result.CLOSED_UNMERGED);
        assertThat(last.outcome().reached()).isFalse();
        assertThat(last.outcome().last().closingComment().body()).isEqualTo("Fixed differently in #50, closing.");
        assertThat(kinds(seen)).containsExactly(Kind.FIRST_LOOK, Kind.NEW_COMMENTS, Kind.CLOSED_UNMERGED);
    }

    @Test
    void aPassingFailureAfterARestartGoesOnBeforeTheDeadlineAndFailsWithGitHubsMessageAfterIt() throws Exception {
        world.publish();
        WatchPolicy policy = new WatchPolicy(WatchPolicy.Until.MERGED, Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(40));
        TurnResult first = watch(false).turn(policy, WatchProgress.start(policy, time.instant()));
        github.server.stubFor(get(urlPathEqualTo(UpstreamWorld.UP + "/pulls/42/reviews")).atPriority(1)
                .willReturn(GitHubStub.json(502, GitHubStub.error("Server Error"))));
        time.sleep(first.delay());

        TurnResult failed = watch(false).turn(policy, restarted(first.progress()));

        assertThat(kinds(failed.events())).containsExactly(Kind.LOOK_FAILED);
        assertThat(failed.events().get(0).snapshot()).isNull();
        assertThat(failed.delay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(failed.progress().seen()).isEqualTo(first.progress().seen());
        time.sleep(failed.delay());

        WatchProgress atDeadline = restarted(failed.progress());
        assertThatThrownBy(() -> watch(false).turn(policy, atDeadline))
                .isInstanceOf(GitHubException.class)
                .hasMessageContaining("reading the reviews of up/project#42 (HTTP 502: Server Error)")
                .hasMessageNotContaining(GitHubStub.TOKEN);
    }

    @Test
    void aFailingFirstTurnThrowsAsTheWatchLoopDoes() {
        WatchPolicy policy = WatchPolicy.defaults(WatchPolicy.Until.MERGED);
        github.server.stubFor(get(urlPathEqualTo(UpstreamWorld.UP + "/pulls/42")).atPriority(1)
                .willReturn(GitHubStub.json(401, GitHubStub.error("Bad credentials"))));

        assertThatThrownBy(() -> watch(false).turn(policy, WatchProgress.start(policy, time.instant())))
                .isInstanceOf(GitHubException.class)
                .hasMessageContaining("up/project#42");
    }

    @Test
    void theCursorKeepsNoCommentTextOnlyIdsAndIsSmall() throws Exception {
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            longText.append("a long review text ");
        }
        world.review("bob", "CHANGES_REQUESTED", longText.toString(), NOW.minusSeconds(60))
                .comment("carol", longText.toString(), NOW.minusSeconds(30)).publish();
        PullRequestSnapshot snapshot = watch(false).look((PullRequestSnapshot) null).snapshot();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(SeenPullRequest.of(snapshot));
        }

        assertThat(bytes.size()).isLessThan(2048);
        assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).doesNotContain("a long review text");
        SeenPullRequest seenNow = SeenPullRequest.of(snapshot);
        assertThat(seenNow.headSha()).isEqualTo(SHA_A);
        assertThat(seenNow.url()).isEqualTo("https://github.com/up/project/pull/42");
        assertThat(seenNow.reviewDecision()).isEqualTo(ReviewDecision.CHANGES_REQUESTED);
    }
}
