package io.jenkins.plugins.upstreampr.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.NOW;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.jenkins.plugins.upstreampr.chant.ExampleRepository;
import io.jenkins.plugins.upstreampr.followup.ForkRepositories;
import io.jenkins.plugins.upstreampr.followup.UpstreamWorld;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upstream-pr archive --after-merge} in-process: a real bare "fork" made by the test and a clone of it (the
 * checkout) holding a copy of the example repository {@code examples/kvstore} with its specs tracked, git pushing to
 * the fork over {@code file://}, and a GitHub stand-in (the upstream pull request {@value UpstreamWorld#UPSTREAM},
 * whose head is in {@code octo/fork}) that checks every request against GitHub's OpenAPI description.
 */
class ArchiveAfterMergeCommandTest {

    /** The trail of the example's upstream pull request: every spec the example holds. */
    static final List<String> TRAIL = List.of("2026-11-20-001-k3v", "2026-11-20-002-m8q", "2026-11-20-003-r4x",
            "2026-11-20-004-j3n", ExampleRepository.IMPLEMENTATION, ExampleRepository.UPSTREAM_PR);
    static final String SIDE_BRANCH = "chant/archive-upstream-42";
    static final String FORK_PULLS = "/repos/octo/fork/pulls";

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final UpstreamWorld world = new UpstreamWorld(github);
    private final List<CommandRun> runs = new ArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();
    @TempDir
    Path temp;
    private Path tokenFile;
    private ForkRepositories fork;
    private Git checkout;
    private Path dir;

    @BeforeEach
    void forkAndCheckout() throws Exception {
        tokenFile = Files.writeString(temp.resolve("token"), TOKEN + "\n");
        GitHubOptions.environment = name -> null;
        fork = ForkRepositories.create(temp.resolve("kv"), ExampleRepository.kvstore(), "main");
        // The example's last spec is still pending (the gate had not run); once the upstream PR is open it is done.
        try (Git gate = fork.cloneAs("gate")) {
            Path spec = temp.resolve("kv/gate/.chant/specs/" + ExampleRepository.UPSTREAM_PR + ".md");
            Files.writeString(spec, Files.readString(spec).replace("status: pending", "status: completed"));
            gate.add().addFilepattern(".chant").call();
            ForkRepositories.commit(gate, "chant(" + ExampleRepository.UPSTREAM_PR + "): upstream PR opened");
            gate.push().call();
        }
        checkout = fork.cloneAs("checkout");
        dir = temp.resolve("kv/checkout");
        assertThat(dir.resolve(".chant/specs/" + ExampleRepository.IMPLEMENTATION + ".md")).exists();
    }

    @AfterEach
    void restoreAndCheckTheTokenWentOnlyToGitHub() {
        GitHubOptions.environment = System::getenv;
        checkout.close();
        CommandRun.assertNeverShown(TOKEN, runs);
        assertThat(github.events()).allSatisfy(e -> assertThat(e.getRequest().getHeader("Authorization"))
                .isEqualTo("token " + TOKEN));
    }

    private CommandRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("archive", "--after-merge", "--upstream", UpstreamWorld.UPSTREAM,
                "--dir", dir.toString(), "--api-url", github.apiUrl().toString(), "--token-file",
                tokenFile.toString()));
        all.addAll(List.of(args));
        CommandRun run = CommandRun.run(all.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    private CommandRun runTrail(String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(TRAIL);
        return run(args.toArray(String[]::new));
    }

    private void merged() {
        world.state = "closed";
        world.merged = true;
        world.closedBy = "maintainer";
        world.publish();
    }

    private ObjectId head() throws Exception {
        return checkout.getRepository().resolve(Constants.HEAD);
    }

    @Test
    void aMergedPullRequestIsArchivedCommittedAndPushedThenNothingIsLeftToDo() throws Exception {
        merged();
        ObjectId before = fork.head("main");

        CommandRun run = runTrail("--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode out = mapper.readTree(run.out());
        assertThat(out.path("result").asText()).isEqualTo("pushed");
        assertThat(out.path("branch").asText()).isEqualTo("main");
        ObjectId remote = fork.head("main");
        assertThat(out.path("commit").asText()).isEqualTo(remote.name());
        assertThat(out.path("pullRequest").isNull()).isTrue();
        assertThat(out.path("reason").isNull()).isTrue();
        assertThat(out.path("archived")).extracting(JsonNode::asText).containsExactly("2026-11-20-001-k3v",
                "2026-11-20-002-m8q.1", "2026-11-20-002-m8q.2", "2026-11-20-002-m8q", "2026-11-20-003-r4x",
                "2026-11-20-004-j3n", ExampleRepository.IMPLEMENTATION, ExampleRepository.UPSTREAM_PR);

        // the fork's history has the archive commit on top of what it had, made of renames only
        RevCommit commit = fork.commitIn(remote);
        assertThat(commit.getParent(0).getId()).isEqualTo(before);
        assertThat(commit.getShortMessage()).isEqualTo("chant: Archive specs of up/project#42");
        assertThat(commit.getFullMessage()).contains("https://github.com/up/project/pull/42");
        assertThat(fork.changes(remote)).hasSize(8).allSatisfy(c -> {
            assertThat(c.getChangeType()).isEqualTo(DiffEntry.ChangeType.RENAME);
            assertThat(c.getScore()).isEqualTo(100);
        }).anySatisfy(c -> {
            assertThat(c.getOldPath()).isEqualTo(".chant/specs/" + ExampleRepository.UPSTREAM_PR + ".md");
            assertThat(c.getNewPath()).isEqualTo(".chant/archive/2026-11-20/" + ExampleRepository.UPSTREAM_PR
                    + ".md");
        });
        assertThat(fork.files(remote)).noneMatch(f -> f.startsWith(".chant/specs/"));
        assertThat(head()).isEqualTo(remote);
        assertThat(checkout.status().call().isClean()).isTrue();
        // one read of the upstream pull request, nothing else
        assertThat(github.requests()).containsExactly("GET /repos/up/project/pulls/42");
        assertThat(run.err()).contains("Pushed the archive commit to main");

        CommandRun again = runTrail();

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo("Nothing to do: the specs are already archived on main"
                + System.lineSeparator());
        assertThat(fork.head("main")).isEqualTo(remote);
    }

    @Test
    void theTextOutputNamesTheBranchAndTheCommit() throws Exception {
        merged();

        CommandRun run = run(ExampleRepository.IMPLEMENTATION);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("Archived 1 spec(s) of up/project#42 in commit "
                + fork.head("main").name() + ", pushed to main of the fork:", "  " + ExampleRepository.IMPLEMENTATION);
        assertThat(fork.files(fork.head("main"))).contains(".chant/archive/2026-11-20/"
                + ExampleRepository.IMPLEMENTATION + ".md");
    }

    @Test
    void closedWithoutMergeExitsSixWithTheClosingCommentAndPushesNothing() throws Exception {
        world.comment("maintainer", "Not a bug: works as designed.", NOW.minusSeconds(5));
        world.state = "closed";
        world.closedBy = "maintainer";
        world.publish();
        ObjectId main = fork.head("main");

        CommandRun run = runTrail("--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("upstream-pr archive: up/project#42 was closed without being merged "
                        + "(https://github.com/up/project/pull/42); closing comment: \"Not a bug: works as designed.\"")
                .contains("nothing was archived"));
        JsonNode out = mapper.readTree(run.out());
        assertThat(out.path("result").asText()).isEqualTo("closed_unmerged");
        assertThat(out.path("reason").asText()).contains("Not a bug: works as designed.");
        assertThat(out.path("commit").isNull()).isTrue();
        assertThat(out.path("archived")).isEmpty();
        assertThat(fork.head("main")).isEqualTo(main);
        assertThat(head()).isEqualTo(main);
        assertThat(dir.resolve(".chant/specs/" + ExampleRepository.IMPLEMENTATION + ".md")).exists();
        assertThat(dir.resolve(".chant/archive")).doesNotExist();
        assertThat(github.requests()).containsExactlyInAnyOrder("GET /repos/up/project/pulls/42",
                "GET /repos/up/project/issues/42", "GET /repos/up/project/issues/42/comments?per_page=100");
    }

    @Test
    void anOpenPullRequestIsRefusedWithWhatToDo() throws Exception {
        world.publish();
        ObjectId main = fork.head("main");

        CommandRun run = runTrail();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("upstream-pr archive: up/project#42 is still open: its specs are "
                + "archived once it is merged. Wait for it with `upstream-pr watch --upstream up/project#42 --until "
                + "merged`, then run this again");
        assertThat(fork.head("main")).isEqualTo(main);
        assertThat(dir.resolve(".chant/archive")).doesNotExist();
    }

    @Test
    void aProtectedBranchGetsASideBranchAndOnePullRequestInTheFork() throws Exception {
        merged();
        fork.protect("main");
        ForkRepositories.useGitCliReceivePack(checkout);
        ObjectId main = fork.head("main");
        github.server.stubFor(post(urlPathEqualTo(FORK_PULLS)).inScenario("fork pr")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GitHubStub.json(201, GitHubStub.createdPullRequest("octo/fork", 3, "octo:" + SIDE_BRANCH,
                        "main", main.name(), false)))
                .willSetStateTo("open"));
        github.server.stubFor(post(urlPathEqualTo(FORK_PULLS)).inScenario("fork pr").whenScenarioStateIs("open")
                .willReturn(GitHubStub.json(422, GitHubStub.error("Validation Failed",
                        "A pull request already exists for octo:" + SIDE_BRANCH + "."))));
        github.server.stubFor(get(urlPathEqualTo(FORK_PULLS)).withQueryParam("head", equalTo("octo:" + SIDE_BRANCH))
                .willReturn(GitHubStub.json(200, GitHubStub.pullRequestList("octo/fork", 3, "octo:" + SIDE_BRANCH,
                        "main"))));

        CommandRun run = runTrail("--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode out = mapper.readTree(run.out());
        assertThat(out.path("result").asText()).isEqualTo("pushed_to_side_branch");
        assertThat(out.path("branch").asText()).isEqualTo(SIDE_BRANCH);
        ObjectId side = fork.head(SIDE_BRANCH);
        assertThat(out.path("commit").asText()).isEqualTo(side.name());
        assertThat(out.path("pullRequest").path("number").asInt()).isEqualTo(3);
        assertThat(out.path("pullRequest").path("url").asText()).isEqualTo("https://github.com/octo/fork/pull/3");
        assertThat(out.path("pullRequest").path("created").asBoolean()).isTrue();
        assertThat(out.path("archived")).hasSize(8);
        assertThat(out.path("reason").asText()).startsWith("main is protected: ")
                .contains("GH006: Protected branch update failed for refs/heads/main");
        // main untouched; the side branch holds the archive commit on top of it; the checkout is as it was
        assertThat(fork.head("main")).isEqualTo(main);
        assertThat(fork.commitIn(side).getParent(0).getId()).isEqualTo(main);
        assertThat(fork.changes(side)).hasSize(8)
                .allSatisfy(c -> assertThat(c.getChangeType()).isEqualTo(DiffEntry.ChangeType.RENAME));
        assertThat(head()).isEqualTo(main);
        assertThat(checkout.status().call().isClean()).isTrue();
        // the pull request was asked for in the fork, from the side branch into the protected branch
        List<ServeEvent> posts = github.events().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST")).toList();
        assertThat(posts).singleElement().satisfies(e -> {
            assertThat(e.getRequest().getUrl()).isEqualTo(FORK_PULLS);
            JsonNode body = mapper.readTree(e.getRequest().getBodyAsString());
            assertThat(body.path("head").asText()).isEqualTo("octo:" + SIDE_BRANCH);
            assertThat(body.path("base").asText()).isEqualTo("main");
            assertThat(body.path("title").asText()).isEqualTo("chant: Archive specs of up/project#42");
            assertThat(body.path("body").asText()).contains("https://github.com/up/project/pull/42")
                    .contains("`" + ExampleRepository.UPSTREAM_PR + "`").contains("`main` is protected");
        });

        // run again (text): the side branch already holds this archive and the pull request is found, not doubled
        CommandRun again = runTrail();

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("main is protected: ", "pushed to " + SIDE_BRANCH + " of the fork:",
                "Pull request in the fork already open: https://github.com/octo/fork/pull/3 (merging it archives the "
                        + "specs on main)");
        assertThat(fork.head("main")).isEqualTo(main);
        assertThat(fork.files(fork.head(SIDE_BRANCH))).noneMatch(f -> f.startsWith(".chant/specs/"));
        assertThat(github.requests()).filteredOn(r -> r.startsWith("POST")).hasSize(2);
    }

    @Test
    void theForkCanBeNamedWhenThePullRequestsHeadRepositoryIsNotWhereToOpenIt() throws Exception {
        merged();
        fork.protect("main");
        ForkRepositories.useGitCliReceivePack(checkout);
        github.server.stubFor(post(urlPathEqualTo("/repos/me/kvstore/pulls")).willReturn(GitHubStub.json(201,
                GitHubStub.createdPullRequest("me/kvstore", 9, "me:" + SIDE_BRANCH, "main", GitHubStub.SHA_A,
                        false))));

        CommandRun run = run("--fork", "me/kvstore", ExampleRepository.IMPLEMENTATION);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Pull request in the fork opened: https://github.com/me/kvstore/pull/9");
        assertThat(github.requests()).contains("POST /repos/me/kvstore/pulls");
    }

    /**
     * The fork's address holds the token (as people write it) and points to a closed port: the failure is one line
     * naming the fork, exit 1, and neither it nor the JSON nor the progress lines show the token (checked after
     * each test for every run).
     */
    @Test
    void anUnreachableForkFailsWithExitOneInOneLineWithoutTheToken() throws Exception {
        merged();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var config = checkout.getRepository().getConfig();
        config.setString("remote", "origin", "url", "http://x-access-token:" + TOKEN + "@127.0.0.1:" + closedPort
                + "/octo/fork.git");
        config.save();
        ObjectId start = head();

        CommandRun run = runTrail("--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("upstream-pr archive: "))).singleElement()
                .satisfies(line -> assertThat(line).contains("Cannot ask the fork origin")
                        .contains("127.0.0.1:" + closedPort));
        JsonNode out = mapper.readTree(run.out());
        assertThat(out.path("result").asText()).isEqualTo("failed");
        assertThat(out.path("reason").asText()).contains("Cannot ask the fork origin");
        assertThat(head()).isEqualTo(start);
        assertThat(dir.resolve(".chant/specs/" + ExampleRepository.IMPLEMENTATION + ".md")).exists();
    }

    /**
     * GitHub refuses the read of the upstream pull request, and its answer echoes the token: the failure is one line
     * of the kind's exit code (the handler's, as for every command), the JSON says failed, and neither shows the
     * token, nor does the stack trace {@code --debug} adds (checked after each test for every run).
     */
    @Test
    void aGitHubFailureIsOneLineWithItsExitCodeAndNoToken() throws Exception {
        github.server.stubFor(get(urlPathEqualTo("/repos/up/project/pulls/42")).atPriority(1)
                .willReturn(GitHubStub.json(401, GitHubStub.error("Bad credentials: " + TOKEN))));
        ObjectId main = fork.head("main");

        CommandRun run = runTrail("--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("upstream-pr archive: GitHub rejected the credentials while").contains("up/project#42")
                .contains("Bad credentials: ****"));
        JsonNode out = mapper.readTree(run.out());
        assertThat(out.path("result").asText()).isEqualTo("failed");
        assertThat(out.path("reason").asText()).contains("Bad credentials: ****");

        CommandRun debug = runTrail("--debug");

        assertThat(debug.exitCode()).isEqualTo(2);
        assertThat(debug.err()).contains("Bad credentials: ****")
                .contains("at io.jenkins.plugins.upstreampr.github.");
        assertThat(fork.head("main")).isEqualTo(main);
        assertThat(dir.resolve(".chant/archive")).doesNotExist();
    }

    @Test
    void optionsOfTheOtherModeAreUsageErrorsNamingThem() {
        CommandRun upstreamAlone = CommandRun.run("archive", "--dir", dir.toString(), "--upstream", "up/project#42",
                ExampleRepository.IMPLEMENTATION);
        assertThat(upstreamAlone.exitCode()).isEqualTo(2);
        assertThat(upstreamAlone.err()).startsWith("upstream-pr archive: Error: Missing required argument(s): "
                + "--after-merge (needed with --upstream)");

        CommandRun noUpstream = CommandRun.run("archive", "--after-merge", "--dir", dir.toString(),
                ExampleRepository.IMPLEMENTATION);
        assertThat(noUpstream.exitCode()).isEqualTo(2);
        assertThat(noUpstream.err()).contains("Missing required argument(s): --upstream=OWNER/REPO#N (needed with "
                + "--after-merge)");

        CommandRun dryRun = run("--dry-run", ExampleRepository.IMPLEMENTATION);
        assertThat(dryRun.exitCode()).isEqualTo(2);
        assertThat(dryRun.err()).contains("[[--dry-run] [--force] [--no-stage]] and [--after-merge "
                + "--upstream=OWNER/REPO#N").contains("are mutually exclusive");

        CommandRun badPr = CommandRun.run("archive", "--after-merge", "--upstream", "up/project", "--dir",
                dir.toString(), ExampleRepository.IMPLEMENTATION);
        assertThat(badPr.exitCode()).isEqualTo(2);
        assertThat(badPr.err()).contains("'up/project'").contains("OWNER/REPO#NUMBER");

        CommandRun token = CommandRun.run("archive", "--after-merge", "--upstream", "up/project#42", "--token",
                TOKEN, "--dir", dir.toString(), ExampleRepository.IMPLEMENTATION);
        runs.add(token);
        assertThat(token.exitCode()).isEqualTo(2);
        assertThat(token.err()).contains("never accepted as an argument value");

        assertThat(github.requests()).isEmpty();
        assertThat(dir.resolve(".chant/archive")).doesNotExist();
    }
}
