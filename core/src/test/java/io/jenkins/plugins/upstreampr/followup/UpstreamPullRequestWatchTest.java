package io.jenkins.plugins.upstreampr.followup;

import static io.jenkins.plugins.upstreampr.github.GitHubStub.NOW;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_B;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.jenkins.plugins.upstreampr.followup.WatchEvent.Kind;
import io.jenkins.plugins.upstreampr.github.GitHubException;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import io.jenkins.plugins.upstreampr.github.JdkHttpConnector;
import io.jenkins.plugins.upstreampr.github.PullRequestComment;
import io.jenkins.plugins.upstreampr.github.PullRequestReads;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.RetryPolicy;
import io.jenkins.plugins.upstreampr.github.Review;
import io.jenkins.plugins.upstreampr.github.StagingPolicy;
import io.jenkins.plugins.upstreampr.github.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.authorization.ImmutableAuthorizationProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Following the upstream pull request against a GitHub stand-in whose bodies come from GitHub's OpenAPI
 * description and which answers conditional requests; every request sent is checked against the description.
 */
class UpstreamPullRequestWatchTest {

    private static final String SHA_C = "cccccccccccccccccccccccccccccccccccccccc";

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final UpstreamWorld world = new UpstreamWorld(github);
    private final TestTime time = new TestTime(NOW);
    private final List<WatchEvent> seen = new ArrayList<>();

    @AfterEach
    void noEventMessageHoldsTheToken() {
        for (WatchEvent e : seen) {
            assertThat(e.message().contains(GitHubStub.TOKEN)).as("token in an event message").isFalse();
        }
    }

    /**
     * A session on the stand-in with the test's token, its time, and patient timeouts. Retries wait nothing: a
     * transient failure on a busy machine is retried at once, and a zero wait neither shows among the watch's
     * recorded waits nor moves the stand-in's world to its next state in the middle of a look.
     */
    private GitHubSession session() {
        return GitHubSession.connect(github.apiUrl(), ImmutableAuthorizationProvider.fromOauthToken(GitHubStub.TOKEN),
                new JdkHttpConnector(Duration.ofSeconds(10), Duration.ofSeconds(30))).withTime(time, time)
                .withRetryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ZERO));
    }

    private UpstreamPullRequestWatch watch(boolean withStaging) {
        return new UpstreamPullRequestWatch(session(), PullRequestRef.parse(UpstreamWorld.UPSTREAM),
                withStaging ? PullRequestRef.parse(UpstreamWorld.STAGING) : null, StagingPolicy.defaults());
    }

    private static List<Kind> kinds(List<WatchEvent> events) {
        return events.stream().map(WatchEvent::kind).toList();
    }

    private static WatchEvent only(List<WatchEvent> events, Kind kind) {
        List<WatchEvent> matching = events.stream().filter(e -> e.kind() == kind).toList();
        assertThat(matching).as("events of kind %s in %s", kind, kinds(events)).hasSize(1);
        return matching.get(0);
    }

    @Test
    void followsTheReviewRoundsUntilMerged() throws Exception {
        world.stagingRuns.put(SHA_A, new String[] {"build=completed/success"});
        world.upstreamRuns.put(SHA_A, new String[] {"upstream-ci=in_progress"});
        world.publish();
        time.then(() -> { }) // 1: nothing changes
                .then(() -> world.review("bob", "CHANGES_REQUESTED", "Please add a test.", NOW.plusSeconds(40))
                        .inlineComment("bob", "src/Main.java", "This breaks on null.", NOW.plusSeconds(40)).publish())
                .then(() -> { // 3: the fork branch moves; the staging pull request follows first
                    world.stagingSha = SHA_B;
                    world.stagingRuns.put(SHA_B, new String[] {"build=in_progress"});
                    world.publish();
                })
                .then(() -> { // 4: GitHub moves the upstream head too; staging CI still running
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

        WatchOutcome outcome = watch(true).watch(new WatchPolicy(WatchPolicy.Until.MERGED, Duration.ofDays(1),
                Duration.ofSeconds(10), Duration.ofMinutes(5)), seen::add);

        assertThat(outcome.result()).isEqualTo(WatchOutcome.Result.MERGED);
        assertThat(outcome.reached()).isTrue();
        assertThat(outcome.last().mergeCommitSha()).isEqualTo(world.mergeCommitSha);
        assertThat(kinds(seen)).containsExactly(
                Kind.FIRST_LOOK,
                // 2: changes requested, with the review summary and the inline comment
                Kind.NEW_REVIEW, Kind.REVIEW_DECISION_CHANGED, Kind.NEW_COMMENTS,
                // 3: staging moved before upstream
                Kind.HEADS_DIFFER,
                // 4: upstream head moved; staging pending on that SHA
                Kind.HEAD_MOVED, Kind.CI_CHANGED,
                // 5: staging green on the same SHA, then (only then) ready
                Kind.STAGING_CI_CHANGED, Kind.READY_FOR_ANOTHER_LOOK,
                // 6
                Kind.NEW_REVIEW, Kind.REVIEW_DECISION_CHANGED,
                // 7
                Kind.MERGED);
        assertThat(seen.get(0).message()).contains("up/project#42 open").contains("review review required")
                .contains("upstream CI pending").contains("staging octo/fork#7 on the same SHA green");
        assertThat(seen.get(1).message()).startsWith("bob requested changes on up/project#42 at 6dcb09b5b578 (the head)")
                .contains("Please add a test.");
        assertThat(seen.get(1).review().state()).isEqualTo(Review.State.CHANGES_REQUESTED);
        assertThat(seen.get(2).message()).contains("from review required to changes requested");
        assertThat(seen.get(3).comments()).extracting(PullRequestComment::kind, PullRequestComment::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PullRequestComment.Kind.INLINE, "src/Main.java"));
        assertThat(seen.get(4).message()).contains("The heads differ: upstream up/project#42 is at " + SHA_A
                + " but octo/fork#7 is at " + SHA_B);
        assertThat(seen.get(5).message()).contains("head moved from 6dcb09b5b578 to aaaaaaaaaabb")
                .contains("Staging CI of octo/fork#7 on the same SHA: pending; not ready for another look");
        assertThat(seen.get(5).snapshot().readyForAnotherLook()).isFalse();
        assertThat(seen.get(7).message()).contains("from pending to green");
        assertThat(seen.get(8).message()).isEqualTo("up/project#42 is ready for another look: the staging CI of "
                + "octo/fork#7 is green on aaaaaaaaaabb, the same commit as the upstream head.");
        assertThat(seen.get(8).snapshot().staging().sha()).isEqualTo(seen.get(8).snapshot().headSha());
        assertThat(seen.get(10).snapshot().reviewDecision()).isEqualTo(ReviewDecision.APPROVED);
        assertThat(seen.get(11).message()).isEqualTo("up/project#42 was merged by maintainer (merge commit "
                + "e5bd3914e2e5).");
        // the interval: 10 s after the first look, doubled by the unchanged look, back to 10 s after each change
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
    }

    @Test
    void newCommitsWithStagingAlreadyGreenOnTheSameShaAreReadyInTheSameLookAfterTheHeadMoved() {
        world.stagingRuns.put(SHA_A, new String[] {"build=completed/success"});
        world.review("bob", "CHANGES_REQUESTED", "Rename it.", NOW.minusSeconds(60)).publish();
        UpstreamPullRequestWatch watch = watch(true);
        LookResult first = watch.look(null);
        world.upstreamSha = SHA_B;
        world.stagingSha = SHA_B;
        world.stagingRuns.put(SHA_B, new String[] {"build=completed/success"});
        world.publish();

        LookResult next = watch.look(first.snapshot());

        assertThat(kinds(next.events())).containsExactly(Kind.HEAD_MOVED, Kind.READY_FOR_ANOTHER_LOOK,
                Kind.CI_CHANGED);
        assertThat(next.events().get(0).message()).endsWith("Staging CI of octo/fork#7 on the same SHA: green.");
        assertThat(next.snapshot().reviewDecision()).isEqualTo(ReviewDecision.CHANGES_REQUESTED);
        assertThat(next.snapshot().ci().sha()).isEqualTo(SHA_B);
        assertThat(next.snapshot().ci().verdict()).isEqualTo(Verdict.NONE);
    }

    @Test
    void whenTheUpstreamHeadMovesAwayFromTheStagingHeadTheEventSaysSoPlainly() {
        world.stagingRuns.put(SHA_A, new String[] {"build=completed/success"});
        world.publish();
        UpstreamPullRequestWatch watch = watch(true);
        LookResult first = watch.look(null);
        assertThat(first.snapshot().readyForAnotherLook()).isTrue();
        world.upstreamSha = SHA_C; // e.g. a maintainer pushed to the branch, or the staging PR follows another one
        world.publish();

        LookResult next = watch.look(first.snapshot());

        assertThat(kinds(next.events())).containsExactly(Kind.HEAD_MOVED, Kind.HEADS_DIFFER, Kind.CI_CHANGED);
        assertThat(next.events().get(0).message()).contains("The staging head (octo/fork#7) is 6dcb09b5b578, not "
                + "cccccccccccc: the heads differ").contains("not ready for another look");
        assertThat(next.events().get(1).message()).startsWith("The heads differ: upstream up/project#42 is at "
                + SHA_C + " but octo/fork#7 is at " + SHA_A + ".");
        assertThat(next.snapshot().readyForAnotherLook()).isFalse();
    }

    @Test
    void withoutAStagingPullRequestTheHeadMoveSaysNoStagingCiWasChecked() {
        world.publish();
        UpstreamPullRequestWatch watch = watch(false);
        LookResult first = watch.look(null);
        world.upstreamSha = SHA_B;
        world.publish();

        LookResult next = watch.look(first.snapshot());

        assertThat(only(next.events(), Kind.HEAD_MOVED).message())
                .endsWith("No staging pull request is followed, so no staging CI was checked on the new head.");
        assertThat(next.has(Kind.READY_FOR_ANOTHER_LOOK)).isFalse();
        assertThat(github.requests()).noneMatch(r -> r.contains("/repos/octo/fork/"));
    }

    @Test
    void anUnchangedLookIsAnsweredWith304sForEveryRequestAndReportsNothing() {
        world.stagingRuns.put(SHA_A, new String[] {"build=completed/success"});
        world.comment("carol", "Thanks!", NOW.minusSeconds(30)).publish();
        UpstreamPullRequestWatch watch = watch(true);
        LookResult first = watch.look(null);
        int before = world.received();

        LookResult second = watch.look(first.snapshot());

        List<ServeEvent> poll = world.receivedSince(before);
        assertThat(poll).hasSize(9); // PR, reviews, inline, conversation, upstream status + runs, staging PR + 2
        assertThat(poll).allSatisfy(e -> {
            assertThat(e.getRequest().getHeader("If-None-Match")).as(e.getRequest().getUrl()).startsWith("\"");
            assertThat(e.getResponse().getStatus()).as(e.getRequest().getUrl()).isEqualTo(304);
        });
        // GitHub counts a 304 to a request with If-None-Match against no rate limit: nothing was counted
        assertThat(poll.stream().filter(e -> e.getResponse().getStatus() != 304)).isEmpty();
        assertThat(second.events()).isEmpty();
        assertThat(second.changed()).isFalse();
        assertThat(second.snapshot().comments()).hasSize(1);
        assertThat(second.snapshot().headSha()).isEqualTo(SHA_A);
    }

    @Test
    void aTurnAfterAnUnchangedPullRequestReadsOnlyThePullRequestsAndTheCiAndKeepsItsReviewsAndComments() {
        world.stagingRuns.put(SHA_A, new String[] {"build=completed/success"});
        world.review("bob", "APPROVED", "Looks good.", NOW.minusSeconds(60))
                .comment("carol", "Thanks!", NOW.minusSeconds(30)).publish();
        UpstreamPullRequestWatch watch = watch(true);
        WatchPolicy policy = WatchPolicy.defaults(WatchPolicy.Until.MERGED);
        TurnResult first = watch.turn(policy, WatchProgress.start(policy, NOW));
        int before = world.received();

        TurnResult second = watch.turn(policy, first.progress());

        List<ServeEvent> poll = world.receivedSince(before);
        assertThat(poll.stream().map(e -> e.getRequest().getUrl().replaceAll("\\?.*", "")).toList())
                .containsExactlyInAnyOrder("/repos/up/project/pulls/42",
                        "/repos/up/project/commits/" + SHA_A + "/status",
                        "/repos/up/project/commits/" + SHA_A + "/check-runs", "/repos/octo/fork/pulls/7",
                        "/repos/octo/fork/commits/" + SHA_A + "/status",
                        "/repos/octo/fork/commits/" + SHA_A + "/check-runs");
        assertThat(poll).allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo(304));
        assertThat(second.events()).isEmpty();
        PullRequestSnapshot kept = second.progress().last();
        assertThat(kept.reviews()).isEqualTo(first.progress().last().reviews());
        assertThat(kept.comments()).isEqualTo(first.progress().last().comments()).hasSize(2);
        assertThat(kept.reviewDecision()).isEqualTo(ReviewDecision.APPROVED);
        assertThat(kept.lookedAt()).isEqualTo(NOW);
        assertThat(second.delay()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aTurnReadsTheReviewsAndCommentsAgainOnceThePullRequestMovedAndAfterARestart() throws Exception {
        world.publish();
        UpstreamPullRequestWatch watch = watch(false);
        WatchPolicy policy = WatchPolicy.defaults(WatchPolicy.Until.REVIEW);
        TurnResult first = watch.turn(policy, WatchProgress.start(policy, NOW));
        world.comment("carol", "Could you add a test?", NOW.plusSeconds(10))
                .review("bob", "CHANGES_REQUESTED", "", NOW.plusSeconds(20)).publish();
        int before = world.received();

        TurnResult second = watch.turn(policy, first.progress());

        assertThat(world.receivedSince(before).stream().map(e -> e.getRequest().getUrl().replaceAll("\\?.*", "")))
                .contains("/repos/up/project/pulls/42/reviews", "/repos/up/project/pulls/42/comments",
                        "/repos/up/project/issues/42/comments");
        assertThat(kinds(second.events())).containsExactly(Kind.NEW_REVIEW, Kind.REVIEW_DECISION_CHANGED,
                Kind.NEW_COMMENTS);
        assertThat(second.outcome().result()).isEqualTo(WatchOutcome.Result.REVIEWED);

        // after a restart only what was seen is left: the reviews and comments are read again, nothing is reported
        world.touch().publish();
        before = world.received();
        TurnResult resumed = watch(false).turn(WatchPolicy.defaults(WatchPolicy.Until.MERGED),
                WatchProgressTest.restarted(second.progress()));
        assertThat(world.receivedSince(before).stream().map(e -> e.getRequest().getUrl().replaceAll("\\?.*", "")))
                .contains("/repos/up/project/pulls/42/reviews", "/repos/up/project/issues/42/comments");
        assertThat(resumed.events()).isEmpty();
        assertThat(resumed.progress().last().comments()).hasSize(1);
    }

    @Test
    void theIntervalBacksOffWhileNothingChangesBoundedAndResetsOnAChangeThenTimesOut() throws Exception {
        world.publish();
        for (int i = 0; i < 4; i++) {
            time.then(() -> { });
        }
        time.then(() -> world.comment("carol", "Any news?", NOW.plusSeconds(600)).publish());

        WatchOutcome outcome = watch(false).watch(new WatchPolicy(WatchPolicy.Until.MERGED, Duration.ofSeconds(490),
                Duration.ofSeconds(10), Duration.ofSeconds(40)), seen::add);

        // 10, 20, 40, 40 (bounded), 40 then the comment: back to 10, 20, 40, 40, ... until 490 s have passed
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(40), Duration.ofSeconds(40), Duration.ofSeconds(40), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(40), Duration.ofSeconds(40),
                Duration.ofSeconds(40), Duration.ofSeconds(40), Duration.ofSeconds(40), Duration.ofSeconds(40),
                Duration.ofSeconds(30)); // the last wait is cut to the time left
        assertThat(time.sleeps().stream().mapToLong(Duration::toSeconds).sum()).isEqualTo(490);
        assertThat(outcome.result()).isEqualTo(WatchOutcome.Result.TIMED_OUT);
        assertThat(outcome.reached()).isFalse();
        assertThat(kinds(seen)).containsExactly(Kind.FIRST_LOOK, Kind.NEW_COMMENTS, Kind.TIMED_OUT);
        assertThat(seen.get(2).message()).startsWith("Stopped watching up/project#42 after PT8M10S without it being "
                + "merged; last seen: up/project#42 open");
    }

    @Test
    void closedWithoutMergeIsReportedWithTheClosersLastComment() throws Exception {
        world.comment("contributor", "Rebased.", NOW.minusSeconds(300))
                .comment("maintainer", "We fixed this differently in #50, closing.", NOW.minusSeconds(200))
                .comment("contributor", "OK, thanks for looking.", NOW.minusSeconds(100)).publish();
        time.then(() -> {
            world.state = "closed";
            world.closedBy = "maintainer";
            world.publish();
        });

        WatchOutcome outcome = watch(false).watch(WatchPolicy.defaults(WatchPolicy.Until.MERGED), seen::add);

        assertThat(outcome.result()).isEqualTo(WatchOutcome.Result.CLOSED_UNMERGED);
        assertThat(outcome.reached()).isFalse();
        WatchEvent closed = only(seen, Kind.CLOSED_UNMERGED);
        assertThat(closed.message()).startsWith("up/project#42 was closed without merge by maintainer. Closing "
                + "comment from maintainer: We fixed this differently in #50, closing. (https://github.com/up/project/"
                + "pull/42#issuecomment-");
        assertThat(outcome.last().closingComment().author()).isEqualTo("maintainer");
        assertThat(closed.comments()).hasSize(1);
        assertThat(github.requests()).contains("GET /repos/up/project/issues/42");
    }

    @Test
    void closedBySomeoneWhoDidNotCommentReportsTheLastCommentAndNoCommentSaysSo() {
        world.comment("contributor", "Ping?", NOW.minusSeconds(100));
        world.state = "closed";
        world.closedBy = "stale-bot";
        world.publish();

        LookResult look = watch(false).look(null);

        assertThat(kinds(look.events())).containsExactly(Kind.FIRST_LOOK, Kind.CLOSED_UNMERGED);
        assertThat(look.snapshot().closingComment().body()).isEqualTo("Ping?");
        assertThat(WatchPolicy.defaults(WatchPolicy.Until.CLOSED).resultOf(look))
                .contains(WatchOutcome.Result.CLOSED_UNMERGED);
        assertThat(WatchOutcome.of(WatchOutcome.Result.CLOSED_UNMERGED, WatchPolicy.Until.CLOSED, look.snapshot())
                .reached()).isTrue();

        world.conversation.removeAll();
        world.publish();
        LookResult silent = watch(false).look(null);
        assertThat(silent.snapshot().closingComment()).isNull();
        assertThat(only(silent.events(), Kind.CLOSED_UNMERGED).message())
                .isEqualTo("up/project#42 was closed without merge by stale-bot; there is no closing comment.");
    }

    @Test
    void theOutcomeOfAMergedPullRequestIsOneReadNamingTheForkItCameFrom() {
        world.review("alice", "APPROVED", "", NOW.minusSeconds(60)).comment("alice", "Thanks!", NOW.minusSeconds(30));
        world.state = "closed";
        world.merged = true;
        world.closedBy = "maintainer";
        world.publish();

        var outcome = UpstreamOutcome.ifEnded(new PullRequestReads(session(), PullRequestRef.parse(UpstreamWorld.UPSTREAM))
                .ending());

        assertThat(outcome).contains(UpstreamOutcome.merged(PullRequestRef.parse(UpstreamWorld.UPSTREAM),
                "https://github.com/up/project/pull/42").withHeadRepository(RepositoryName.parse("octo/fork")));
        assertThat(github.requests()).containsExactly("GET /repos/up/project/pulls/42");
        assertThat(watch(false).look(null).snapshot().headRepository()).isEqualTo(RepositoryName.parse("octo/fork"));
        // the plugin takes the fork owner (whose token pushes the archive) from the same read's head
        assertThat(new PullRequestReads(session(), PullRequestRef.parse(UpstreamWorld.UPSTREAM)).ending().pullRequest()
                .head().owner()).isEqualTo("octo");
    }

    @Test
    void theOutcomeOfAClosedPullRequestCarriesTheClosersCommentAndAnOpenOneHasNone() {
        world.comment("maintainer", "Fixed differently in #50, closing.", NOW.minusSeconds(200))
                .comment("contributor", "OK, thanks for looking.", NOW.minusSeconds(100));
        world.publish();
        PullRequestReads reads = new PullRequestReads(session(), PullRequestRef.parse(UpstreamWorld.UPSTREAM));

        assertThat(UpstreamOutcome.ifEnded(reads.ending())).isEmpty();
        assertThat(github.requests()).containsExactly("GET /repos/up/project/pulls/42");

        world.state = "closed";
        world.closedBy = "maintainer";
        world.publish();
        UpstreamOutcome closed = UpstreamOutcome.ifEnded(reads.ending()).orElseThrow();

        assertThat(closed.state()).isEqualTo(UpstreamOutcome.State.CLOSED_UNMERGED);
        assertThat(closed.closingComment()).isEqualTo("Fixed differently in #50, closing.");
        assertThat(closed.headRepository()).isEqualTo(RepositoryName.parse("octo/fork"));
        assertThat(github.requests().subList(1, github.requests().size())).containsExactlyInAnyOrder(
                "GET /repos/up/project/pulls/42", "GET /repos/up/project/issues/42",
                "GET /repos/up/project/issues/42/comments?per_page=100");
    }

    @Test
    void untilReviewEndsAtTheFirstReviewSubmittedAfterTheWatchStarted() throws Exception {
        world.review("alice", "COMMENTED", "Looking at it.", NOW.minusSeconds(600)).publish();
        time.then(() -> { })
                .then(() -> world.review("alice", "APPROVED", "", NOW.plusSeconds(100)).publish());

        WatchOutcome outcome = watch(false).watch(WatchPolicy.defaults(WatchPolicy.Until.REVIEW), seen::add);

        assertThat(outcome.result()).isEqualTo(WatchOutcome.Result.REVIEWED);
        assertThat(outcome.reached()).isTrue();
        assertThat(time.sleeps()).hasSize(2);
        assertThat(only(seen, Kind.NEW_REVIEW).message()).isEqualTo("alice approved on up/project#42 at 6dcb09b5b578 "
                + "(the head).");
        assertThat(outcome.last().reviewDecision()).isEqualTo(ReviewDecision.APPROVED);
    }

    @Test
    void aLookThatFailsForAPassingReasonIsReportedAndTheWatchGoesOn() throws Exception {
        world.publish();
        GitHubSession session = session().withRetryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
        UpstreamPullRequestWatch watch = new UpstreamPullRequestWatch(session,
                PullRequestRef.parse(UpstreamWorld.UPSTREAM), null, StagingPolicy.defaults());
        List<StubMapping> outage = new ArrayList<>();
        // the pull request moved (a label), so the next look reads the reviews, and that read fails
        time.then(() -> {
            outage.add(github.server.stubFor(get(urlPathEqualTo(UpstreamWorld.UP + "/pulls/42/reviews"))
                    .atPriority(1).willReturn(GitHubStub.json(502, GitHubStub.error("Server Error")))));
            world.touch().publish();
        })
                .then(() -> {
                    github.server.removeStub(outage.get(0));
                    world.state = "closed";
                    world.merged = true;
                    world.publish();
                });

        WatchOutcome outcome = watch.watch(new WatchPolicy(WatchPolicy.Until.MERGED, null, Duration.ofSeconds(10),
                Duration.ofMinutes(1)), seen::add);

        assertThat(kinds(seen)).containsExactly(Kind.FIRST_LOOK, Kind.LOOK_FAILED, Kind.MERGED);
        assertThat(seen.get(1).message()).startsWith("A look at up/project#42 failed; the watch goes on. GitHub failed "
                + "while reading the reviews of up/project#42 (HTTP 502: Server Error)");
        assertThat(outcome.result()).isEqualTo(WatchOutcome.Result.MERGED);
        // a failed look is not a change: the interval kept growing
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    @Test
    void badCredentialsEndTheWatchWithAMessageNamingThePullRequest() {
        world.publish();
        time.then(() -> github.server.stubFor(get(urlPathEqualTo(UpstreamWorld.UP + "/pulls/42")).atPriority(1)
                .willReturn(GitHubStub.json(401, GitHubStub.error("Bad credentials")))));

        assertThatThrownBy(() -> watch(false).watch(WatchPolicy.defaults(WatchPolicy.Until.MERGED), seen::add))
                .isInstanceOfSatisfying(GitHubException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GitHubException.Kind.BAD_CREDENTIALS);
                    assertThat(e.getMessage()).contains("reading upstream pull request up/project#42")
                            .doesNotContain(GitHubStub.TOKEN);
                });
        assertThat(kinds(seen)).containsExactly(Kind.FIRST_LOOK);
    }

    @Test
    void theReviewDecisionIsEachReviewersLatestOpinion() {
        assertThat(ReviewDecision.of(List.of())).isEqualTo(ReviewDecision.REVIEW_REQUIRED);
        assertThat(ReviewDecision.of(List.of(review(1, "alice", Review.State.COMMENTED, 10))))
                .isEqualTo(ReviewDecision.REVIEW_REQUIRED);
        // a comment after an approval keeps the approval
        assertThat(ReviewDecision.of(List.of(review(1, "alice", Review.State.APPROVED, 10),
                review(2, "alice", Review.State.COMMENTED, 20)))).isEqualTo(ReviewDecision.APPROVED);
        // the same reviewer approving after requesting changes: approved
        assertThat(ReviewDecision.of(List.of(review(1, "bob", Review.State.CHANGES_REQUESTED, 10),
                review(2, "bob", Review.State.APPROVED, 20)))).isEqualTo(ReviewDecision.APPROVED);
        // order is by submission time, not list order
        assertThat(ReviewDecision.of(List.of(review(2, "bob", Review.State.APPROVED, 20),
                review(1, "bob", Review.State.CHANGES_REQUESTED, 30)))).isEqualTo(ReviewDecision.CHANGES_REQUESTED);
        // one reviewer requesting changes outweighs another's approval
        assertThat(ReviewDecision.of(List.of(review(1, "alice", Review.State.APPROVED, 10),
                review(2, "bob", Review.State.CHANGES_REQUESTED, 20)))).isEqualTo(ReviewDecision.CHANGES_REQUESTED);
        // a dismissed review no longer counts
        assertThat(ReviewDecision.of(List.of(review(1, "bob", Review.State.CHANGES_REQUESTED, 10),
                review(2, "bob", Review.State.DISMISSED, 20), review(3, "alice", Review.State.APPROVED, 30))))
                .isEqualTo(ReviewDecision.APPROVED);
        assertThat(ReviewDecision.latestOpinions(List.of(review(1, "alice", Review.State.APPROVED, 10),
                review(2, "bob", Review.State.CHANGES_REQUESTED, 20), review(3, "bob", Review.State.DISMISSED, 30))))
                .containsExactly(Map.entry("alice", Review.State.APPROVED));
    }

    @Test
    void draftReviewsAreNotCounted() {
        world.review("alice", "PENDING", "draft", NOW.minusSeconds(10));
        ((ObjectNode) world.reviews.get(0)).remove("submitted_at");
        world.review("bob", "APPROVED", "", NOW.minusSeconds(5)).publish();

        PullRequestSnapshot snapshot = watch(false).look(null).snapshot();

        assertThat(snapshot.reviews()).extracting(Review::reviewer).containsExactly("bob");
        assertThat(snapshot.reviewDecision()).isEqualTo(ReviewDecision.APPROVED);
    }

    @Test
    void policyRejectsNonsenseIntervalsAndUntilValuesWithClearMessages() {
        assertThatThrownBy(() -> new WatchPolicy(WatchPolicy.Until.MERGED, null, Duration.ofMinutes(2),
                Duration.ofMinutes(1))).hasMessageContaining("0 < first (PT2M) <= max (PT1M)");
        assertThatThrownBy(() -> WatchPolicy.Until.parse("approved"))
                .hasMessage("Invalid --until 'approved': expected merged, closed or review");
        assertThat(WatchPolicy.Until.parse(" Review ")).isEqualTo(WatchPolicy.Until.REVIEW);
        WatchPolicy policy = WatchPolicy.defaults(WatchPolicy.Until.MERGED);
        assertThat(policy.nextInterval(Duration.ofMinutes(8), false)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.nextInterval(Duration.ofMinutes(8), true)).isEqualTo(Duration.ofSeconds(30));
    }

    private static Review review(long id, String reviewer, Review.State state, long second) {
        return new Review(id, reviewer, state, SHA_A, NOW.plusSeconds(second), "", null);
    }
}
