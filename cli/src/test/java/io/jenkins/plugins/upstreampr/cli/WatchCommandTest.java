package io.jenkins.plugins.upstreampr.cli;

import static io.jenkins.plugins.upstreampr.github.GitHubStub.NOW;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_B;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.upstreampr.followup.TestTime;
import io.jenkins.plugins.upstreampr.followup.UpstreamWorld;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import io.jenkins.plugins.upstreampr.github.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upstream-pr watch} in-process against a GitHub stand-in validated by GitHub's description; time is the
 * test's (waits are recorded, never slept), and the stand-in changes after given waits.
 */
class WatchCommandTest {

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final UpstreamWorld world = new UpstreamWorld(github);
    private final TestTime time = new TestTime(NOW);
    private final List<CommandRun> runs = new ArrayList<>();
    @TempDir
    Path dir;
    private Path tokenFile;

    @BeforeEach
    void tokenAndTime() throws Exception {
        tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        GitHubOptions.environment = name -> null;
        WatchCommand.sleeper = time;
    }

    @AfterEach
    void restoreAndCheckTheTokenWentOnlyToGitHub() {
        GitHubOptions.environment = System::getenv;
        WatchCommand.sleeper = Sleeper.SYSTEM;
        CommandRun.assertNeverShown(TOKEN, runs);
        assertThat(github.events()).allSatisfy(e -> assertThat(e.getRequest().getHeader("Authorization"))
                .isEqualTo("token " + TOKEN));
    }

    private CommandRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("watch"));
        all.addAll(List.of(args));
        all.addAll(List.of("--api-url", github.apiUrl().toString(), "--token-file", tokenFile.toString()));
        CommandRun run = CommandRun.run(time, all.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    private static List<JsonNode> lines(String out) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\\R")) {
            lines.add(mapper.readTree(line));
        }
        return lines;
    }

    @Test
    void printsOneJsonObjectPerChangeAndExitsZeroOnMerge() throws Exception {
        world.stagingRuns.put(SHA_A, new String[] {"build=completed/success"});
        world.publish();
        time.then(() -> world.review("bob", "CHANGES_REQUESTED", "Please add a test.", NOW.plusSeconds(20))
                        .publish())
                .then(() -> {
                    world.upstreamSha = SHA_B;
                    world.stagingSha = SHA_B;
                    world.stagingRuns.put(SHA_B, new String[] {"build=completed/success"});
                    world.publish();
                })
                .then(() -> world.review("bob", "APPROVED", "", NOW.plusSeconds(200)).publish())
                .then(() -> {
                    world.state = "closed";
                    world.merged = true;
                    world.closedBy = "maintainer";
                    world.publish();
                });

        CommandRun run = run("--upstream", "up/project#42", "--staging", "octo/fork#7", "--json", "--interval", "20s");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<JsonNode> lines = lines(run.out());
        assertThat(lines).extracting(l -> l.path("event").asText()).containsExactly("first_look", "new_review",
                "review_decision_changed", "head_moved", "ready_for_another_look", "ci_changed", "new_review",
                "review_decision_changed", "merged");
        JsonNode moved = lines.get(3);
        assertThat(moved.path("sha").asText()).isEqualTo(SHA_B);
        assertThat(moved.path("staging").path("sha").asText()).isEqualTo(SHA_B);
        assertThat(moved.path("staging").path("same_head").asBoolean()).isTrue();
        assertThat(moved.path("staging").path("verdict").asText()).isEqualTo("green");
        assertThat(moved.path("ready").asBoolean()).isTrue();
        assertThat(lines.get(1).path("review").path("state").asText()).isEqualTo("changes_requested");
        assertThat(lines.get(1).path("comments").get(0).path("body").asText()).isEqualTo("Please add a test.");
        assertThat(lines.get(2).path("review_decision").asText()).isEqualTo("changes_requested");
        assertThat(lines.get(8).path("state").asText()).isEqualTo("merged");
        assertThat(lines.get(8).path("merge_commit_sha").asText()).isEqualTo(world.mergeCommitSha);
        assertThat(lines.get(8).path("url").asText()).isEqualTo("https://github.com/up/project/pull/42");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(20),
                Duration.ofSeconds(20), Duration.ofSeconds(20));
    }

    @Test
    void closedWithoutMergeExitsSixAndPrintsTheClosingComment() {
        world.comment("maintainer", "Not a bug: works as designed.", NOW.minusSeconds(5));
        world.state = "closed";
        world.closedBy = "maintainer";
        world.publish();

        CommandRun run = run("--upstream", "up/project#42");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
        assertThat(run.out()).contains("] first_look: Watching up/project#42 closed")
                .contains("] closed_unmerged: up/project#42 was closed without merge by maintainer. Closing comment "
                        + "from maintainer: Not a bug: works as designed.");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void timeoutExitsFourAfterBackingOff() throws Exception {
        world.publish();

        CommandRun run = run("--upstream", "up/project#42", "--timeout", "PT5M", "--interval", "30s", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        List<JsonNode> lines = lines(run.out());
        assertThat(lines).extracting(l -> l.path("event").asText()).containsExactly("first_look", "timed_out");
        assertThat(lines.get(1).path("message").asText()).startsWith("Stopped watching up/project#42 after PT5M");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(120), Duration.ofSeconds(90));
        // every look after the first was answered 304 Not Modified: the watch cost no rate limit while waiting
        assertThat(github.events().subList(6, github.events().size()))
                .allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo(304));
    }

    @Test
    void untilReviewExitsZeroAtTheFirstNewReview() {
        world.publish();
        time.then(() -> world.review("alice", "COMMENTED", "Why not use the existing helper?", NOW.plusSeconds(10))
                .publish());

        CommandRun run = run("--upstream", "up/project#42", "--until", "review");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("] new_review: alice commented on up/project#42 at 6dcb09b5b578 (the head): "
                + "alice (review): Why not use the existing helper?");
    }

    @Test
    void badArgumentsAreUsageErrorsNamingTheInput() {
        CommandRun until = run("--upstream", "up/project#42", "--until", "approved");
        assertThat(until.exitCode()).isEqualTo(2);
        assertThat(until.err()).contains("Invalid --until 'approved': expected merged, closed or review");

        CommandRun timeout = run("--upstream", "up/project#42", "--timeout", "soon");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).contains("Invalid --timeout 'soon'");

        CommandRun pr = run("--upstream", "up/project");
        assertThat(pr.exitCode()).isEqualTo(2);
        assertThat(pr.err()).contains("'up/project'").contains("OWNER/REPO#NUMBER");
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void notFoundIsOneLineAndExitsTwo() {
        github.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/repos/up/project/.*"))
                .atPriority(1).willReturn(GitHubStub.json(404, GitHubStub.error("Not Found"))));

        CommandRun run = run("--upstream", "up/project#42");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("upstream-pr watch: Not found while").contains("up/project#42")
                .doesNotContain("\n");
    }
}
