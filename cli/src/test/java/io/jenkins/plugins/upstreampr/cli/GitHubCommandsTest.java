package io.jenkins.plugins.upstreampr.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code upstream-pr preflight} and {@code create} against a GitHub stand-in validated by GitHub's description. */
class GitHubCommandsTest {

    @RegisterExtension
    final GitHubStub github = new GitHubStub();
    private final List<CommandRun> runs = new ArrayList<>();
    @TempDir
    Path dir;
    private Path tokenFile;

    @BeforeEach
    void token() throws Exception {
        tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        GitHubOptions.environment = name -> null;
    }

    @AfterEach
    void restoreAndCheckNoTokenShown() {
        GitHubOptions.environment = System::getenv;
        CommandRun.assertNeverShown(TOKEN, runs);
    }

    private static JsonNode parse(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CommandRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--api-url");
        all.add(github.apiUrl().toString());
        CommandRun run = CommandRun.run(all.toArray(String[]::new));
        runs.add(run);
        return run;
    }

    private void stubStaging(String[] statuses, String... checkRuns) {
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/7")).willReturn(json(200,
                GitHubStub.pullRequest("octo", "fork", 7, "fix/issue-1234", SHA_A))));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/status"))
                .willReturn(json(200, GitHubStub.combinedStatus(SHA_A, statuses))));
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/commits/" + SHA_A + "/check-runs"))
                .willReturn(json(200, GitHubStub.checkRuns(SHA_A, checkRuns))));
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project"))
                .willReturn(json(200, GitHubStub.repository("upstream/project", "main"))));
    }

    @Test
    void preflightGreenPrintsTheVerdictAsJsonAndExitsZero() throws Exception {
        stubStaging(new String[] {"ci/jenkins=success"}, "build=completed/success");

        CommandRun run = run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project", "--json",
                "--token-file", tokenFile.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(out.path("verdict").asText()).isEqualTo("green");
        assertThat(out.path("sha").asText()).isEqualTo(SHA_A);
        assertThat(out.path("checks")).hasSize(2);
        assertThat(out.path("checks").get(0).path("name").asText()).isEqualTo("ci/jenkins");
        assertThat(out.path("checks").get(0).path("state").asText()).isEqualTo("success");
        assertThat(out.path("checks").get(0).path("url").asText()).isEqualTo("https://ci.example.com/ci/jenkins");
        assertThat(out.path("warnings").isArray()).isTrue();
        assertThat(out.path("base").asText()).isEqualTo("main");
    }

    @Test
    void preflightPendingExitsFourAndRedOrNoneFive() {
        stubStaging(new String[] {"ci=success"}, "build=in_progress");
        assertThat(run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project", "--token-file",
                tokenFile.toString()).exitCode()).isEqualTo(4);
        assertThat(run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project", "--require",
                "ci", "--token-file", tokenFile.toString()).exitCode()).isEqualTo(0);
        assertThat(run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project", "--require",
                "deploy", "--token-file", tokenFile.toString()).exitCode()).isEqualTo(4);
    }

    @Test
    void preflightRedAndNoneExitFive() {
        stubStaging(new String[] {}, "build=completed/failure");
        CommandRun red = run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project",
                "--token-file", tokenFile.toString());
        assertThat(red.exitCode()).isEqualTo(5);
        assertThat(red.out()).contains("RED").contains("failure  build");

        stubStaging(new String[] {});
        assertThat(run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project", "--token-file",
                tokenFile.toString()).exitCode()).isEqualTo(5);
        assertThat(run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project", "--allow-none",
                "--token-file", tokenFile.toString()).exitCode()).isEqualTo(0);
    }

    @Test
    void createPrintsNumberUrlAndCreated() throws Exception {
        Path body = Files.writeString(dir.resolve("body.md"), "Fixes #1234\n");
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project"))
                .willReturn(json(200, GitHubStub.repository("upstream/project", "main"))));
        github.server.stubFor(post(urlPathEqualTo("/repos/upstream/project/pulls")).willReturn(json(201,
                GitHubStub.createdPullRequest("upstream/project", 42, "octo:fix/issue-1234", "main", SHA_A, true))));
        GitHubOptions.environment = name -> name.equals("GITHUB_TOKEN") ? TOKEN : null;

        CommandRun run = run("create", "--upstream", "upstream/project", "--head", "octo:fix/issue-1234", "--title",
                "Fix issue 1234", "--body-file", body.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(out.path("number").asInt()).isEqualTo(42);
        assertThat(out.path("url").asText()).isEqualTo("https://github.com/upstream/project/pull/42");
        assertThat(out.path("created").asBoolean()).isTrue();
        assertThat(github.events()).allSatisfy(e -> assertThat(e.getRequest().getHeader("Authorization"))
                .isEqualTo("token " + TOKEN));
    }

    @Test
    void createDryRunReadsThenPrintsEachWriteAsOneJsonObjectPerLineAndSendsNone() throws Exception {
        Path body = Files.writeString(dir.resolve("body.md"), "Fixes #1234\n");
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project"))
                .willReturn(json(200, GitHubStub.repository("upstream/project", "main"))));
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project/pulls"))
                .willReturn(json(200, GitHubStub.pullRequestList("upstream/project", 0, "", ""))));
        GitHubOptions.environment = name -> name.equals("GITHUB_TOKEN") ? TOKEN : null;

        CommandRun run = run("create", "--upstream", "upstream/project", "--head", "octo:fix/issue-1234", "--title",
                "Fix issue 1234", "--body-file", body.toString(), "--label", "bug", "--assignee", "dave",
                "--dry-run", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> writes = run.out().lines().map(GitHubCommandsTest::parse).toList();
        assertThat(writes).extracting(w -> w.get("method").asText() + " " + w.get("path").asText()).containsExactly(
                "POST /repos/upstream/project/pulls", "POST /repos/upstream/project/issues/{number}/labels",
                "POST /repos/upstream/project/issues/{number}/assignees");
        assertThat(writes).allSatisfy(w -> assertThat(w.fieldNames()).toIterable()
                .containsExactly("method", "path", "body"));
        assertThat(writes.get(0).get("body")).isEqualTo(new ObjectMapper().readTree("{\"title\":\"Fix issue 1234\","
                + "\"head\":\"octo:fix/issue-1234\",\"base\":\"main\",\"body\":\"Fixes #1234\\n\","
                + "\"draft\":false,\"maintainer_can_modify\":true}"));
        assertThat(writes.get(1).get("body").toString()).isEqualTo("{\"labels\":[\"bug\"]}");
        for (JsonNode w : writes) {
            github.assertAllowedByTheDescription(w.get("method").asText(), w.get("path").asText(),
                    w.get("body").toString());
        }
        assertThat(run.err()).contains("{number}: the number GitHub gives the pull request opened by write 1")
                .contains("3 writes would be sent; nothing was sent");
        assertThat(github.writes()).isEmpty();
        assertThat(github.requests()).hasSize(2);
    }

    @Test
    void createDryRunInTextShowsMethodPathAndBody() throws Exception {
        Path body = Files.writeString(dir.resolve("body.md"), "Fixes #1234\n");
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project/pulls"))
                .willReturn(json(200, GitHubStub.pullRequestList("upstream/project", 0, "", ""))));
        GitHubOptions.environment = name -> name.equals("GITHUB_TOKEN") ? TOKEN : null;

        CommandRun run = run("create", "--upstream", "upstream/project", "--head", "octo:fix/issue-1234", "--base",
                "main", "--title", "Fix issue 1234", "--body-file", body.toString(), "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Dry run: nothing was sent. 1 write would be sent, in this order:")
                .contains("1. POST /repos/upstream/project/pulls\n")
                .contains("    \"title\" : \"Fix issue 1234\",")
                .doesNotContain("Opened");
        assertThat(github.writes()).isEmpty();
    }

    @Test
    void preflightReportsAFreezeDeclaredUpstreamByFileOrLabelAsWarningsOnly() throws Exception {
        stubStaging(new String[] {"ci/jenkins=success"}, "build=completed/success");
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project/contents/.github/FREEZE"))
                .withQueryParam("ref", equalTo("main")).willReturn(json(200,
                        GitHubStub.fileContent(".github/FREEZE", "Frozen until 2.0 is out.\n"))));
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project/issues"))
                .withQueryParam("labels", equalTo("freeze")).willReturn(json(200,
                        GitHubStub.issueList("upstream/project", 812, "Code freeze for 2.0"))));
        CommandRun plain = run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project", "--base",
                "main", "--json", "--token-file", tokenFile.toString());

        CommandRun run = run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project", "--base",
                "main", "--freeze-file", ".github/FREEZE", "--freeze-label", "freeze", "--json", "--token-file",
                tokenFile.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(out.path("frozen").asBoolean()).isTrue();
        assertThat(out.path("warnings")).extracting(JsonNode::asText).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("(Frozen until 2.0 is out.)")
                        .contains("upstream/project:.github/FREEZE on main"))
                .anySatisfy(w -> assertThat(w).contains("(Code freeze for 2.0)")
                        .contains("https://github.com/upstream/project/issues/812"));
        // The same fields as without the options.
        assertThat(fieldNames(out)).isEqualTo(fieldNames(new ObjectMapper().readTree(plain.out())));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aMalformedFreezeFileNamesTheFileAndLine() {
        stubStaging(new String[] {"ci/jenkins=success"}, "build=completed/success");
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project/contents/FREEZE")).willReturn(json(200,
                GitHubStub.fileContent("FREEZE", "2026-13-01..2026-13-05: month 13\n"))));

        CommandRun run = run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project",
                "--freeze-file", "FREEZE", "--token-file", tokenFile.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("upstream/project:FREEZE on the default branch, line 1")
                .contains("2026-13-01..2026-13-05");
    }

    @Test
    void aFreezeFileOutsideTheRepositoryIsAUsageError() {
        CommandRun run = run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project",
                "--freeze-file", "../FREEZE", "--token-file", tokenFile.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid freeze file '../FREEZE'");
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void createAssignsAndReportsAFailedAssignmentAsAWarning() throws Exception {
        Path body = Files.writeString(dir.resolve("body.md"), "Fixes #1234\n");
        github.server.stubFor(post(urlPathEqualTo("/repos/upstream/project/pulls")).willReturn(json(201,
                GitHubStub.createdPullRequest("upstream/project", 42, "octo:fix/issue-1234", "main", SHA_A, true))));
        github.server.stubFor(post(urlPathEqualTo("/repos/upstream/project/issues/42/assignees"))
                .willReturn(json(403, GitHubStub.error("Resource not accessible by personal access token"))));

        CommandRun run = run("create", "--upstream", "upstream/project", "--head", "octo:fix/issue-1234", "--base",
                "main", "--title", "Fix issue 1234", "--body-file", body.toString(), "--assignee", "alice",
                "--assignee", "bob", "--json", "--token-file", tokenFile.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(out.path("number").asInt()).isEqualTo(42);
        assertThat(out.path("created").asBoolean()).isTrue();
        assertThat(out.path("warnings")).singleElement().extracting(JsonNode::asText).asString()
                .contains("assigning [alice, bob] to upstream/project#42 failed");
        github.server.verify(1, postRequestedFor(urlPathEqualTo("/repos/upstream/project/pulls")));
        github.server.verify(postRequestedFor(urlPathEqualTo("/repos/upstream/project/issues/42/assignees"))
                .withRequestBody(equalToJson("{\"assignees\":[\"alice\",\"bob\"]}")));
    }

    @Test
    void withoutATokenTheCommandSaysWhereToPutOne() {
        CommandRun run = run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("GITHUB_TOKEN").contains("--token-file").contains("never accepted as an argument");
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void thereIsNoOptionToPassTheTokenAsAValue() {
        CommandRun run = run("create", "--upstream", "u/p", "--head", "o:b", "--title", "t", "--body-file", "x",
                "--token", TOKEN);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("never accepted as an argument value").contains("GITHUB_TOKEN");
    }

    @Test
    void badCredentialsAreOneLineAndExitTwo() {
        github.server.stubFor(get(urlPathEqualTo("/repos/octo/fork/pulls/7")).willReturn(json(401,
                GitHubStub.error("Bad credentials"))));
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project"))
                .willReturn(json(200, GitHubStub.repository("upstream/project", "main"))));

        CommandRun run = run("preflight", "--staging", "octo/fork#7", "--upstream", "upstream/project",
                "--token-file", tokenFile.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("upstream-pr preflight: GitHub rejected the credentials")
                .contains("octo/fork#7").doesNotContain("\n");
    }

    @Test
    void badNamesAreUsageErrors() {
        CommandRun run = run("preflight", "--staging", "octo/fork", "--upstream", "upstream/project",
                "--token-file", tokenFile.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'octo/fork'").contains("OWNER/REPO#NUMBER");
    }

    @Test
    void createTakesTheBodyFromASpecTrail() throws Exception {
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project"))
                .willReturn(json(200, GitHubStub.repository("upstream/project", "main"))));
        github.server.stubFor(post(urlPathEqualTo("/repos/upstream/project/pulls")).willReturn(json(201,
                GitHubStub.createdPullRequest("upstream/project", 42, "octo:fix/issue-1234", "main", SHA_A, true))));
        String kvstore = BodyCommandTest.kvstore();

        CommandRun run = run("create", "--upstream", "upstream/project", "--head", "octo:fix/issue-1234", "--title",
                "Fix issue 1234", "--body-from-spec", "v7b", "--dir", kvstore, "--token-file", tokenFile.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("Opened https://github.com/upstream/project/pull/42");
        JsonNode sent = new ObjectMapper().readTree(github.events().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST")).findFirst().orElseThrow()
                .getRequest().getBodyAsString());
        assertThat(sent.get("body").asText()).isEqualTo(CommandRun.run("body", "v7b", "--dir", kvstore).out())
                .startsWith("## Summary").endsWith("Fixes #1234\n");
        assertThat(sent.get("title").asText()).isEqualTo("Fix issue 1234");
    }

    @Test
    void createTakesExactlyOneBody() throws Exception {
        Path body = Files.writeString(dir.resolve("body.md"), "Fixes #1234\n");

        CommandRun both = run("create", "--upstream", "upstream/project", "--head", "octo:fix/issue-1234", "--title",
                "t", "--body-file", body.toString(), "--body-from-spec", "v7b", "--token-file", tokenFile.toString());
        CommandRun none = run("create", "--upstream", "upstream/project", "--head", "octo:fix/issue-1234", "--title",
                "t", "--token-file", tokenFile.toString());
        CommandRun unknown = run("create", "--upstream", "upstream/project", "--head", "octo:fix/issue-1234",
                "--title", "t", "--body-from-spec", "zzz9", "--dir", BodyCommandTest.kvstore(), "--token-file",
                tokenFile.toString());

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--body-file=F, --body-from-spec=ID are mutually exclusive");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required argument").contains("--body-file=F")
                .contains("--body-from-spec=ID");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).startsWith("upstream-pr create: ").contains("zzz9");
        assertThat(github.requests()).isEmpty();
    }
}
