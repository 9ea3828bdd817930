package io.jenkins.plugins.upstreampr.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.TOKEN;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upstream-pr gate} run in-process on a copy of the example repository, against a GitHub stand-in whose every
 * request is checked against GitHub's description, with the person's answers read from a scripted terminal and a
 * scripted editor (a shell script written by the test, named by {@code EDITOR}).
 */
class GateCommandTest {

    private static final String IMPLEMENTATION = "2026-11-20-005-v7b";
    private static final String UPSTREAM_PR = "2026-11-20-006-w2d";
    private static final String PROPOSED_TITLE = "Fix issue #1234: serialize concurrent writes with the store lock";
    private static final String PULLS = "/repos/upstream/project/pulls";
    private static final String MENU = "[a]pprove, [e]dit, [d]raft toggle, de[f]er, [r]eject: ";

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final List<CommandRun> runs = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    /** The operating system's account the scripted terminal reports (the JVM's user.name in real runs). */
    private String osUser = "runner";
    private final Clock clock = Clock.fixed(GitHubStub.NOW, ZoneOffset.UTC);
    @TempDir
    Path temp;
    private Path repo;
    private Path artifacts;
    private Path tokenFile;
    private BufferedReader answers;

    @BeforeEach
    void setUp() throws IOException {
        repo = copy(Path.of(BodyCommandTest.kvstore()), temp.resolve("kvstore"));
        artifacts = temp.resolve("artifacts");
        tokenFile = Files.writeString(temp.resolve("token"), TOKEN + "\n");
        GitHubOptions.environment = name -> null;
        environment.put("USER", "alice");
    }

    @AfterEach
    void restoreAndCheckNoTokenShown() {
        GitHubOptions.environment = System::getenv;
        CommandRun.assertNeverShown(TOKEN, runs);
    }

    // ---------------------------------------------------------------- running

    private CommandRun gate(boolean interactive, String input, String... args) {
        answers = new BufferedReader(new StringReader(input));
        Terminal terminal = new Terminal(answers, interactive, environment::get, false, osUser);
        List<String> all = new ArrayList<>(List.of("gate", "--dir", repo.toString(), "--staging", "octo/fork#7",
                "--upstream", "upstream/project", "--head", "octo:fix/issue-1234", "--api-url",
                github.apiUrl().toString(), "--token-file", tokenFile.toString()));
        all.addAll(List.of(args));
        CommandRun run = CommandRun.run(new UpstreamPrCommand(clock, terminal), all.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    /** A dialogue on a terminal where the person types {@code input}. */
    private CommandRun ask(String input, String... args) {
        return gate(true, input, args);
    }

    private void stubGitHub(String status, String... checkRun) {
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/7")).willReturn(json(200,
                GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", SHA_A))));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/status"))
                .willReturn(json(200, GitHubStub.combinedStatus(SHA_A, status))));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/check-runs"))
                .willReturn(json(200, GitHubStub.checkRuns(SHA_A, checkRun))));
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project"))
                .willReturn(json(200, GitHubStub.repository("upstream/project", "main"))));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201,
                GitHubStub.createdPullRequest("upstream/project", 42, "octo:fix/issue-1234", "main", SHA_A, true))));
    }

    private void stubGreen() {
        stubGitHub("ci=success", "build=completed/success");
    }

    /** The one pull request the gate asked GitHub to open. */
    private JsonNode openedPullRequest() throws IOException {
        List<ServeEvent> posts = github.events().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST"))
                .filter(e -> e.getRequest().getUrl().equals(PULLS)).toList();
        assertThat(posts).hasSize(1);
        return new ObjectMapper().readTree(posts.get(0).getRequest().getBodyAsString());
    }

    private void assertNothingOpened() {
        github.server.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    private JsonNode record() throws IOException {
        return new ObjectMapper().readTree(artifacts.resolve("upstream-pr/gate-record.json").toFile());
    }

    /** An editor: a shell script that gets the file to edit as {@code $1}. */
    private void editor(String script) throws IOException {
        Path file = temp.resolve("editor-" + environment.size() + ".sh");
        Files.writeString(file, "#!/bin/sh\nset -e\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        environment.put("EDITOR", file.toString());
    }

    private static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            walk.forEach(p -> {
                try {
                    Path dest = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return target;
    }

    private static long count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1L;
    }

    // ---------------------------------------------------------------- approving

    @Test
    void approvalAfterAnEditOpensTheEditedPullRequestAndArchivesTheRecordAndTrail() throws IOException {
        stubGreen();
        editor("sed -i -e '1s/.*/Serialize concurrent writes with the store lock/' \"$1\"\n"
                + "printf 'Reviewed at the gate.\\n' >> \"$1\"");

        CommandRun run = ask("e\na\n", "--spec", "v7b", "--artifacts", artifacts.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // the report a person decides on
        assertThat(run.out())
                .contains("Staging pull request octo/fork#7 (octo:fix/issue-1234) at " + SHA_A + ": GREEN")
                .doesNotContain("Staging staging")
                .contains("  success  ci  https://ci.example.com/ci")
                .contains("  success  build  https://github.com/octo/fork/runs/100")
                .contains("Upstream upstream/project, base main, from octo:fix/issue-1234")
                .contains("Changed files:\n  src/kvstore/store.py")
                .contains("Specs trail:\n  2026-11-20-001-k3v  completed")
                .contains("  " + IMPLEMENTATION + "  completed")
                .contains("Proposed title: " + PROPOSED_TITLE)
                .contains("Proposed body:\n    ## Summary")
                .doesNotContain("Unchecked acceptance criteria");
        // the dialogue, the edited text shown back, the outcome
        assertThat(count(run.out(), MENU)).isEqualTo(2);
        assertThat(run.out()).contains("Title: Serialize concurrent writes with the store lock")
                .contains("    Reviewed at the gate.")
                .contains("Opened https://github.com/upstream/project/pull/42")
                .contains("Recorded in " + artifacts.resolve("upstream-pr/gate-record.json"));

        JsonNode pr = openedPullRequest();
        String proposedBody = CommandRun.run("body", "v7b", "--dir", repo.toString()).out();
        assertThat(pr.get("title").asText()).isEqualTo("Serialize concurrent writes with the store lock");
        assertThat(pr.get("body").asText()).isEqualTo(proposedBody + "Reviewed at the gate.\n");
        assertThat(pr.get("head").asText()).isEqualTo("octo:fix/issue-1234");
        assertThat(pr.get("base").asText()).isEqualTo("main");
        assertThat(pr.get("draft").asBoolean()).isFalse();
        assertThat(pr.get("maintainer_can_modify").asBoolean()).isTrue();

        JsonNode record = record();
        assertThat(record.get("decision").asText()).isEqualTo("approve");
        assertThat(record.get("title").asText()).isEqualTo("Serialize concurrent writes with the store lock");
        assertThat(record.get("decidedBy").asText()).isEqualTo("alice");
        assertThat(record.get("decidedBySource").asText()).isEqualTo("USER");
        assertThat(record.get("decidedAt").asText()).isEqualTo(GitHubStub.NOW.toString());
        assertThat(record.at("/staging/pullRequest").asText()).isEqualTo("octo/fork#7");
        assertThat(record.at("/staging/headSha").asText()).isEqualTo(SHA_A);
        assertThat(record.at("/staging/verdict").asText()).isEqualTo("green");
        assertThat(record.at("/upstream/url").asText()).isEqualTo("https://github.com/upstream/project/pull/42");
        assertThat(record.at("/upstream/created").asBoolean()).isTrue();
        assertThat(record.get("specs")).extracting(s -> s.get("id").asText()).contains(IMPLEMENTATION,
                "2026-11-20-001-k3v");
        assertThat(Files.readString(artifacts.resolve("upstream-pr/pull-request.md")))
                .isEqualTo("# Serialize concurrent writes with the store lock\n\n" + proposedBody
                        + "Reviewed at the gate.\n");
        for (String spec : List.of(IMPLEMENTATION, "2026-11-20-001-k3v")) {
            assertThat(artifacts.resolve("upstream-pr/chant/specs/" + spec + ".md"))
                    .hasSameTextualContentAs(repo.resolve(".chant/specs/" + spec + ".md"));
        }
        assertThat(artifacts.resolve("upstream-pr/chant/research/issue-1234-root-cause.md"))
                .hasSameTextualContentAs(repo.resolve(".chant/research/issue-1234-root-cause.md"));
    }

    @Test
    void draftToggleOpensADraftAndJsonIsOneObjectOnStdout() throws IOException {
        stubGreen();

        CommandRun run = ask("d\nd\nd\na\n", "--spec", "v7b", "--artifacts", artifacts.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(openedPullRequest().get("draft").asBoolean()).isTrue();
        assertThat(openedPullRequest().get("title").asText()).isEqualTo(PROPOSED_TITLE);
        // the report and the questions went to stderr; stdout is the outcome only
        assertThat(run.err()).contains("Proposed title: " + PROPOSED_TITLE).contains(MENU)
                .contains("will be opened as a draft").contains("ready for review (not a draft)");
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(out.get("decision").asText()).isEqualTo("approve");
        assertThat(out.get("number").asInt()).isEqualTo(42);
        assertThat(out.get("url").asText()).isEqualTo("https://github.com/upstream/project/pull/42");
        assertThat(out.get("created").asBoolean()).isTrue();
        assertThat(out.get("warnings").isArray()).isTrue();
        assertThat(out.get("verdict").asText()).isEqualTo("green");
        assertThat(out.get("artifacts")).extracting(JsonNode::asText)
                .contains(artifacts.resolve("upstream-pr/gate-record.json").toString(),
                        artifacts.resolve("upstream-pr/chant/specs/" + IMPLEMENTATION + ".md").toString());
        assertThat(record().get("draft").asBoolean()).isTrue();
    }

    @Test
    void anEditWithAnEmptyTitleIsNotTakenAndAFailingEditorChangesNothing() throws IOException {
        stubGreen();
        editor("sed -i -e '1s/.*//' \"$1\"");

        CommandRun run = ask("e\nx\na\n", "--spec", "v7b");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("The first line (the title) is empty, so the edit was not taken")
                .contains("Answer a (approve), e (edit), d (draft toggle), f (defer) or r (reject).");
        assertThat(openedPullRequest().get("title").asText()).isEqualTo(PROPOSED_TITLE);
        assertThat(artifacts).doesNotExist();

        environment.put("EDITOR", "exit 3;");
        CommandRun failing = ask("e\na\n", "--spec", "v7b");
        assertThat(failing.exitCode()).as(failing.err()).isZero();
        assertThat(failing.out()).contains("Editing failed: the editor 'exit 3;' exited with status 3; the text is "
                + "unchanged.");
    }

    @Test
    void approvingWithUncheckedCriteriaAsksForAnOverrideReasonAndRecordsIt() throws IOException {
        stubGreen();

        // an empty reason goes back to the menu; the second approval gives one
        CommandRun run = ask("a\n\na\nthe open boxes are this gate itself\n", "--spec", UPSTREAM_PR,
                "--artifacts", artifacts.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Unchecked acceptance criteria:\n  " + UPSTREAM_PR
                + " (Phase 6: Upstream PR - Human gate for issue #1234): 3 of 3 acceptance criteria unchecked");
        assertThat(count(run.out(), "Approving overrides 'unchecked-criteria': " + UPSTREAM_PR)).isEqualTo(2);
        assertThat(count(run.out(), MENU)).isEqualTo(2);
        assertThat(openedPullRequest().get("title").asText()).isEqualTo(PROPOSED_TITLE);
        JsonNode record = record();
        assertThat(record.at("/overrides/0/check").asText()).isEqualTo("unchecked-criteria");
        assertThat(record.at("/overrides/0/reason").asText()).isEqualTo("the open boxes are this gate itself");
    }

    @Test
    void anOverrideGivenOnTheCommandLineIsNotAskedForAgain() throws IOException {
        stubGreen();

        CommandRun run = ask("a\n", "--spec", UPSTREAM_PR, "--artifacts", artifacts.toString(), "--override",
                "unchecked-criteria=checked by hand", "--override", "freeze=no freeze declared");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("Approving overrides");
        assertThat(run.err()).contains("note: --override freeze ignored: nothing blocks on it");
        assertThat(openedPullRequest().get("title").asText()).isEqualTo(PROPOSED_TITLE);
        assertThat(record().get("overrides")).hasSize(1);
        assertThat(record().at("/overrides/0/reason").asText()).isEqualTo("checked by hand");
    }

    @Test
    void aStagingHeadThatTurnedRedDuringThePauseOpensNothing() {
        stubGreen();
        String moved = GitHubStub.SHA_B;
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/7")).inScenario("push")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(json(200, GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", SHA_A)))
                .willSetStateTo("pushed"));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/7")).inScenario("push")
                .whenScenarioStateIs("pushed")
                .willReturn(json(200, GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", moved))));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + moved + "/status"))
                .willReturn(json(200, GitHubStub.combinedStatus(moved, "ci=failure"))));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + moved + "/check-runs"))
                .willReturn(json(200, GitHubStub.checkRuns(moved, "build=completed/failure"))));

        CommandRun run = ask("a\n", "--spec", "v7b", "--artifacts", artifacts.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("moved from " + SHA_A + " to " + moved).contains("nothing was opened");
        assertNothingOpened();
        assertThat(artifacts.resolve("upstream-pr")).doesNotExist();
    }

    // ---------------------------------------------------------------- deferring and rejecting

    @Test
    void deferralAsksForAReasonOpensNothingAndIsRecorded() throws IOException {
        stubGreen();

        CommandRun run = ask("f\n\nf\nafter the 2.4 release\n", "--spec", "v7b", "--artifacts",
                artifacts.toString(), "--decided-by", "carol");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(count(run.out(), "Reason to defer (empty: back to the menu): ")).isEqualTo(2);
        assertThat(run.out()).contains("Deferred: nothing was opened. Reason: after the 2.4 release");
        assertNothingOpened();
        JsonNode record = record();
        assertThat(record.get("decision").asText()).isEqualTo("defer");
        assertThat(record.get("reason").asText()).isEqualTo("after the 2.4 release");
        assertThat(record.get("decidedBy").asText()).isEqualTo("carol");
        assertThat(record.get("decidedBySource").asText()).isEqualTo("option");
        assertThat(record.get("overrides")).isEmpty();
        assertThat(record.get("upstream").isNull()).isTrue();
        assertThat(Files.readString(artifacts.resolve("upstream-pr/pull-request.md")))
                .startsWith("# " + PROPOSED_TITLE + "\n\n## Summary");
    }

    @Test
    void withoutUserTheDeciderIsTheOperatingSystemsAccountAndTheRecordSaysSo() throws IOException {
        stubGreen();
        environment.remove("USER");
        osUser = "jenkins-agent";

        CommandRun run = gate(false, "", "--spec", "v7b", "--yes", "--artifacts", artifacts.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(out.get("decidedBy").asText()).isEqualTo("jenkins-agent");
        assertThat(out.get("decidedBySource").asText()).isEqualTo("os");
        assertThat(record().get("decidedBy").asText()).isEqualTo("jenkins-agent");
        assertThat(record().get("decidedBySource").asText()).isEqualTo("os");
    }

    @Test
    void aDeciderNobodyCanNameIsRecordedAsUnknownWithoutASource() throws IOException {
        stubGreen();
        environment.remove("USER");
        osUser = "?";

        CommandRun run = gate(false, "", "--spec", "v7b", "--yes", "--artifacts", artifacts.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(record().get("decidedBy").isNull()).isTrue();
        assertThat(record().get("decidedBySource").isNull()).isTrue();
    }

    @Test
    void skippedAndNeutralChecksPassButAreShownWithGitHubsOwnConclusion() throws IOException {
        stubGitHub("ci=success", "build=completed/success", "docs=completed/skipped", "lint=completed/neutral");

        CommandRun run = gate(false, "", "--spec", "v7b", "--yes", "--artifacts", artifacts.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("  success (skipped)  docs  ").contains("  success (neutral)  lint  ")
                .contains("  success  build  ").doesNotContain("success (success)");
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(out.get("verdict").asText()).isEqualTo("green");
        JsonNode docs = checkNamed(out.get("checks"), "docs");
        assertThat(docs.get("state").asText()).isEqualTo("success");
        assertThat(docs.get("conclusion").asText()).isEqualTo("skipped");
        assertThat(checkNamed(out.get("checks"), "ci").get("conclusion").asText()).isEqualTo("success");
        JsonNode recorded = checkNamed(record().at("/staging/checks"), "lint");
        assertThat(recorded.get("state").asText()).isEqualTo("success");
        assertThat(recorded.get("conclusion").asText()).isEqualTo("neutral");
        assertThat(openedPullRequest().get("title").asText()).isEqualTo(PROPOSED_TITLE);
    }

    private static JsonNode checkNamed(JsonNode checks, String name) {
        for (JsonNode c : checks) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + checks);
    }

    @Test
    void aDryRunAsksAsUsualThenPrintsTheWritesItWouldSendAndSendsAndRecordsNothing() throws IOException {
        stubGreen();
        github.server.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200,
                GitHubStub.pullRequestList("upstream/project", 0, "", ""))));

        CommandRun run = ask("d\na\n", "--spec", "v7b", "--artifacts", artifacts.toString(), "--label", "bug",
                "--reviewer", "carol", "--dry-run", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(MENU).contains("Proposed title: " + PROPOSED_TITLE);
        List<JsonNode> writes = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            writes.add(new ObjectMapper().readTree(line));
        }
        assertThat(writes).extracting(w -> w.get("path").asText()).containsExactly(PULLS,
                "/repos/upstream/project/issues/{number}/labels",
                "/repos/upstream/project/pulls/{number}/requested_reviewers");
        assertThat(writes.get(0).at("/body/title").asText()).isEqualTo(PROPOSED_TITLE);
        assertThat(writes.get(0).at("/body/draft").asBoolean()).isTrue();
        for (JsonNode w : writes) {
            github.assertAllowedByTheDescription(w.get("method").asText(), w.get("path").asText(),
                    w.get("body").toString());
        }
        assertThat(github.writes()).isEmpty();
        assertThat(artifacts.resolve("upstream-pr")).doesNotExist();
    }

    @Test
    void gateStatusShowsTheWaitAndTheApprovalOnTheStagingHeadAndARefusedStatusIsOnlyAWarning() throws IOException {
        stubGreen();
        String statuses = "/repos/octo/fork/statuses/" + SHA_A;
        github.server.stubFor(post(urlPathEqualTo(statuses)).willReturn(json(403,
                GitHubStub.error("Resource not accessible by personal access token"))));

        CommandRun run = ask("a\n", "--spec", "v7b", "--artifacts", artifacts.toString(), "--gate-status",
                "--decision-url", "https://review.example.com/kvstore/12");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> posted = new ArrayList<>();
        for (ServeEvent e : github.events()) {
            if (e.getRequest().getUrl().equals(statuses)) {
                posted.add(new ObjectMapper().readTree(e.getRequest().getBodyAsString()));
            }
        }
        assertThat(posted).extracting(b -> b.get("state").asText() + " " + b.get("description").asText() + " "
                + b.get("target_url").asText() + " " + b.get("context").asText()).containsExactly(
                        "pending Waiting for a decision by alice https://review.example.com/kvstore/12 upstream-pr/gate",
                        "success Approved by alice: upstream/project#42 https://github.com/upstream/project/pull/42 "
                                + "upstream-pr/gate");
        assertThat(run.out()).contains("Opened https://github.com/upstream/project/pull/42");
        assertThat(count(run.out(), "could not be posted on " + SHA_A)).isEqualTo(2);
        assertThat(record().get("warnings")).extracting(JsonNode::asText)
                .filteredOn(w -> w.contains("upstream-pr/gate")).hasSize(2);
    }

    @Test
    void aDecisionUrlWithoutGateStatusIsAUsageError() {
        CommandRun run = gate(false, "", "--spec", "v7b", "--yes", "--decision-url", "https://review.example.com/");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--decision-url").contains("--gate-status");
    }

    @Test
    void rejectionOpensNothingAndIsRecordedWithItsReason() throws IOException {
        stubGreen();

        CommandRun run = ask("r\nupstream prefers a different locking design\n", "--spec", "v7b", "--artifacts",
                artifacts.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertNothingOpened();
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(out.get("decision").asText()).isEqualTo("reject");
        assertThat(out.get("number").isNull()).isTrue();
        assertThat(out.get("url").isNull()).isTrue();
        assertThat(record().get("reason").asText()).isEqualTo("upstream prefers a different locking design");
        assertThat(record().get("decidedBy").asText()).isEqualTo("alice");
    }

    @Test
    void inputEndingBeforeADecisionOpensAndRecordsNothing() {
        stubGreen();

        CommandRun run = ask("d\n", "--spec", "v7b", "--artifacts", artifacts.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("upstream-pr gate: The input ended before a decision: nothing was opened or "
                + "recorded").doesNotContain("\n\n");
        assertNothingOpened();
        assertThat(artifacts.resolve("upstream-pr")).doesNotExist();
    }

    // ---------------------------------------------------------------- when nobody is asked

    @Test
    void redStagingCiExitsFiveWithoutAsking() throws IOException {
        stubGitHub("ci=success", "build=completed/failure");

        CommandRun run = ask("a\n", "--spec", "v7b", "--artifacts", artifacts.toString());

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).contains(": RED").contains("  failure  build  https://github.com/octo/fork/runs/100")
                .doesNotContain(MENU);
        assertThat(run.err()).isEqualTo("upstream-pr gate: the staging CI on " + SHA_A + " is red: nothing to "
                + "decide yet; run the gate again once staging pull request octo/fork#7 is green"
                + System.lineSeparator());
        assertThat(answers.readLine()).as("the answer was never read").isEqualTo("a");
        assertNothingOpened();
        assertThat(artifacts.resolve("upstream-pr")).doesNotExist();
    }

    @Test
    void pendingStagingCiExitsFourWithoutAsking() throws IOException {
        stubGitHub("ci=success", "build=in_progress");

        CommandRun run = ask("a\n", "--spec", "v7b", "--json");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("is still pending (--wait DURATION polls until it is decided)")
                .doesNotContain(MENU);
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(out.get("decision").isNull()).isTrue();
        assertThat(out.get("verdict").asText()).isEqualTo("pending");
        assertThat(answers.readLine()).isEqualTo("a");
        assertNothingOpened();
    }

    @Test
    void withoutATerminalTheGateRefusesUnlessYesIsGiven() {
        stubGreen();

        CommandRun run = gate(false, "a\n", "--spec", "v7b");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("upstream-pr gate: No terminal to ask on (standard input is not a "
                + "terminal): run the gate in a terminal, or pass --yes to approve the proposed title and body as "
                + "they are (see upstream-pr gate --help)" + System.lineSeparator());
        assertThat(github.requests()).isEmpty();
    }

    /**
     * Makes the repository a git repository: its state as the base commit on main, then the fix branch's head, which
     * changes a declared file (store.py) and adds one no spec names (metrics.py). Returns {base, head} SHAs.
     */
    private String[] commitTheFix() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            String base = git.commit().setMessage("base").setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid").setSign(false).call().name();
            git.checkout().setCreateBranch(true).setName("fix/issue-1234").call();
            Files.writeString(repo.resolve("src/kvstore/store.py"), "# serialized\n", StandardOpenOption.APPEND);
            Files.writeString(repo.resolve("src/kvstore/metrics.py"), "COUNTER = 0\n");
            git.add().addFilepattern(".").call();
            String head = git.commit().setMessage("fix").setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid").setSign(false).call().name();
            return new String[] {base, head};
        }
    }

    @Test
    void theReportAndJsonShowWhatTheBranchActuallyChanges() throws Exception {
        String[] shas = commitTheFix();
        ObjectNode staging = GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", shas[1]);
        ((ObjectNode) staging.get("base")).put("ref", "main").put("sha", shas[0]);
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/7")).willReturn(json(200, staging)));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + shas[1] + "/status"))
                .willReturn(json(200, GitHubStub.combinedStatus(shas[1], "ci=success"))));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + shas[1] + "/check-runs"))
                .willReturn(json(200, GitHubStub.checkRuns(shas[1], "build=completed/success"))));
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project"))
                .willReturn(json(200, GitHubStub.repository("upstream/project", "main"))));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201, GitHubStub.createdPullRequest(
                "upstream/project", 42, "octo:fix/issue-1234", "main", shas[1], true))));

        CommandRun run = gate(false, "", "--spec", "v7b", "--yes", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Changed by the branch (since its merge base with main):\n"
                        + "  added  src/kvstore/metrics.py\n"
                        + "  modified  src/kvstore/store.py\n")
                .contains("warning: The branch changes src/kvstore/metrics.py (added), which no spec of the trail "
                        + "names in target_files.")
                .contains("warning: A spec of the trail names src/kvstore/batch.py in target_files, but the branch "
                        + "does not change it.");
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(out.get("actualChangedFiles")).hasSize(2);
        assertThat(out.get("actualChangedFiles").get(0).get("path").asText()).isEqualTo("src/kvstore/metrics.py");
        assertThat(out.get("actualChangedFiles").get(0).get("kind").asText()).isEqualTo("added");
        assertThat(out.get("actualChangedFiles").get(0).get("previousPath").isNull()).isTrue();
        assertThat(out.get("actualChangedFiles").get(1).get("path").asText()).isEqualTo("src/kvstore/store.py");
        assertThat(out.get("actualChangedFiles").get(1).get("kind").asText()).isEqualTo("modified");
        assertThat(out.get("warnings")).extracting(JsonNode::asText).contains("The branch changes "
                + "src/kvstore/metrics.py (added), which no spec of the trail names in target_files.");
    }

    @Test
    void withoutGitTheJsonHasNoActualChangesAndTheReportSaysWhy() throws IOException {
        stubGreen();

        CommandRun run = gate(false, "", "--spec", "v7b", "--yes", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Changed by the branch").contains("warning: The files the branch "
                + "actually changes are unknown (").contains("is not in a git work tree");
        assertThat(new ObjectMapper().readTree(run.out()).get("actualChangedFiles").isNull()).isTrue();
    }

    @Test
    void yesApprovesTheProposalAsItIs() throws IOException {
        stubGreen();
        github.server.stubFor(post(urlPathEqualTo("/repos/upstream/project/issues/42/labels"))
                .willReturn(json(200, GitHubStub.exampleArray("issues--add-labels", "200-default.json"))));

        CommandRun run = gate(false, "", "--spec", "v7b", "--yes", "--draft", "--label", "bug",
                "--no-maintainer-can-modify", "--artifacts", artifacts.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain(MENU).contains("Opened https://github.com/upstream/project/pull/42");
        JsonNode pr = openedPullRequest();
        assertThat(pr.get("title").asText()).isEqualTo(PROPOSED_TITLE);
        assertThat(pr.get("body").asText()).isEqualTo(CommandRun.run("body", "v7b", "--dir", repo.toString()).out());
        assertThat(pr.get("draft").asBoolean()).isTrue();
        assertThat(pr.get("maintainer_can_modify").asBoolean()).isFalse();
        assertThat(record().get("decision").asText()).isEqualTo("approve");
        github.server.verify(1, postRequestedFor(urlPathEqualTo("/repos/upstream/project/issues/42/labels")));
        assertThat(new ObjectMapper().readTree(github.events().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/labels")).findFirst().orElseThrow()
                .getRequest().getBodyAsString()).get("labels")).extracting(JsonNode::asText).containsExactly("bug");
    }

    @Test
    void yesNeverOverridesUncheckedCriteriaButAnExplicitOverrideDoes() throws IOException {
        stubGreen();

        CommandRun refused = gate(false, "", "--spec", UPSTREAM_PR, "--yes", "--artifacts", artifacts.toString());

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).startsWith("upstream-pr gate: --yes does not override 'unchecked-criteria' ("
                        + UPSTREAM_PR)
                .contains("nothing was opened")
                .contains("--override unchecked-criteria=REASON")
                .doesNotContain("\n\n");
        assertNothingOpened();
        assertThat(artifacts.resolve("upstream-pr")).doesNotExist();

        CommandRun accepted = gate(false, "", "--spec", UPSTREAM_PR, "--yes", "--artifacts", artifacts.toString(),
                "--override", "unchecked-criteria=the open boxes are this gate itself");

        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(openedPullRequest().get("title").asText()).isEqualTo(PROPOSED_TITLE);
        assertThat(record().at("/overrides/0/reason").asText()).isEqualTo("the open boxes are this gate itself");
    }

    @Test
    void aFreezeLabelInTheUpstreamRepositoryBlocksYesAndNamesTheIssue() {
        stubGreen();
        github.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/repos/upstream/project/issues"))
                .withQueryParam("labels", com.github.tomakehurst.wiremock.client.WireMock.equalTo("release freeze"))
                .willReturn(GitHubStub.json(200, GitHubStub.issueList("upstream/project", 812, "Freeze for 2.4"))));

        CommandRun run = gate(false, "", "--spec", "v7b", "--yes", "--freeze-label", "release freeze");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("https://github.com/upstream/project/issues/812");
        assertThat(run.err()).contains("--yes does not override 'freeze'");
        assertNothingOpened();
    }

    @Test
    void assigneesGivenToTheGateAreAppliedToTheOpenedPullRequest() throws IOException {
        stubGreen();
        github.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                                "/repos/upstream/project/issues/[0-9]+/assignees"))
                .willReturn(GitHubStub.json(201, GitHubStub.example("issues--add-assignees", "201-default.json"))));

        CommandRun run = gate(false, "", "--spec", "v7b", "--yes", "--assignee", "octocat");

        assertThat(run.exitCode()).as(run.err()).isZero();
        openedPullRequest();
        List<ServeEvent> assigned = github.events().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/assignees")).toList();
        assertThat(assigned).singleElement().satisfies(e -> assertThat(e.getRequest().getBodyAsString())
                .isEqualTo("{\"assignees\":[\"octocat\"]}"));
    }

    @Test
    void aDeclaredFreezeIsABlockToo() {
        stubGreen();

        CommandRun run = gate(false, "", "--spec", "v7b", "--yes", "--freeze", "2026-03-01..2026-03-20:2.4 release");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("warning: ").contains("2.4 release");
        assertThat(run.err()).contains("--yes does not override 'freeze'").contains("--override freeze=REASON");
        assertNothingOpened();
    }

    @Test
    void badOverridesAreUsageErrors() {
        CommandRun unknown = gate(false, "", "--spec", "v7b", "--yes", "--override", "ci=trust me");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--override 'ci=trust me': expected CHECK=REASON with CHECK one of freeze, "
                + "unchecked-criteria");

        CommandRun noReason = gate(false, "", "--spec", "v7b", "--yes", "--override", "freeze");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.err()).contains("--override freeze needs a reason");
        assertThat(github.requests()).isEmpty();
    }
}
