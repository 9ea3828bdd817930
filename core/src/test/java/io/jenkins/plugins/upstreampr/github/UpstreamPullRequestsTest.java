package io.jenkins.plugins.upstreampr.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.SHA_A;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.createdPullRequest;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.error;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.json;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.pullRequestList;
import static io.jenkins.plugins.upstreampr.github.GitHubStub.repository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UpstreamPullRequestsTest {

    private static final RepositoryName UPSTREAM = RepositoryName.parse("upstream/project");
    private static final HeadRef HEAD = HeadRef.parse("octo:fix/issue-1234");
    private static final String PULLS = "/repos/upstream/project/pulls";

    @RegisterExtension
    final GitHubStub github = new GitHubStub();

    private UpstreamPullRequests pulls() {
        return new UpstreamPullRequests(github.session());
    }

    private PullRequestProposal proposal() {
        return PullRequestProposal.builder(UPSTREAM, HEAD, "Fix issue 1234", "Fixes #1234").build();
    }

    private void stubDefaultBranch() {
        github.server.stubFor(get(urlPathEqualTo("/repos/upstream/project"))
                .willReturn(json(200, repository("upstream/project", "main"))));
    }

    private void stubList(int number) {
        github.server.stubFor(get(urlPathEqualTo(PULLS)).withQueryParam("head", equalTo(HEAD.toString()))
                .withQueryParam("base", equalTo("main")).withQueryParam("state", equalTo("open"))
                .willReturn(json(200, pullRequestList("upstream/project", number, HEAD.toString(), "main"))));
    }

    @Test
    void opensIntoTheDefaultBranchWithOneReadAndOnePost() {
        stubDefaultBranch();
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201,
                createdPullRequest("upstream/project", 42, HEAD.toString(), "main", SHA_A, true))));

        UpstreamPullRequest pr = pulls().open(proposal().toBuilder().expectedHeadSha(SHA_A).build());

        assertThat(pr.created()).isTrue();
        assertThat(pr.number()).isEqualTo(42);
        assertThat(pr.url()).isEqualTo("https://github.com/upstream/project/pull/42");
        assertThat(pr.maintainerCanModify()).isTrue();
        assertThat(pr.base()).isEqualTo("main");
        assertThat(pr.warnings()).isEmpty();
        assertThat(github.requests()).containsExactly("GET /repos/upstream/project", "POST " + PULLS);
        github.server.verify(postRequestedFor(urlPathEqualTo(PULLS)).withRequestBody(equalToJson(
                "{\"title\":\"Fix issue 1234\",\"head\":\"octo:fix/issue-1234\",\"base\":\"main\","
                        + "\"body\":\"Fixes #1234\",\"draft\":false,\"maintainer_can_modify\":true}")));
    }

    @Test
    void aGivenBaseNeedsNoRepositoryRead() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201,
                createdPullRequest("upstream/project", 42, HEAD.toString(), "release-2.x", SHA_A, true))));

        UpstreamPullRequest pr = pulls().open(proposal().toBuilder().base("release-2.x").draft(true).build());

        assertThat(pr.base()).isEqualTo("release-2.x");
        assertThat(github.requests()).containsExactly("POST " + PULLS);
        github.server.verify(postRequestedFor(urlPathEqualTo(PULLS))
                .withRequestBody(matchingJsonPath("$.draft", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.base", equalTo("release-2.x"))));
    }

    @Test
    void anAlreadyOpenPullRequestIsReturnedNotDuplicated() {
        stubDefaultBranch();
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(422, error("Validation Failed",
                "A pull request already exists for octo:fix/issue-1234."))));
        stubList(17);

        UpstreamPullRequest pr = pulls().open(proposal());

        assertThat(pr.created()).isFalse();
        assertThat(pr.number()).isEqualTo(17);
        assertThat(pr.url()).isEqualTo("https://github.com/upstream/project/pull/17");
        github.server.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void aRaceLostToAnotherBuildIsResolvedOnceTheListShowsTheWinner() {
        stubDefaultBranch();
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(422, error("Validation Failed",
                "A pull request already exists for octo:fix/issue-1234."))));
        // The other build's pull request is not listed yet on the first look-up.
        github.server.stubFor(get(urlPathEqualTo(PULLS)).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, pullRequestList("upstream/project", 0, HEAD.toString(), "main")))
                .willSetStateTo("visible"));
        github.server.stubFor(get(urlPathEqualTo(PULLS)).inScenario("race").whenScenarioStateIs("visible")
                .willReturn(json(200, pullRequestList("upstream/project", 18, HEAD.toString(), "main"))));

        UpstreamPullRequest pr = pulls().open(proposal());

        assertThat(pr.created()).isFalse();
        assertThat(pr.number()).isEqualTo(18);
        github.server.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
        github.server.verify(2, getRequestedFor(urlPathEqualTo(PULLS)));
        assertThat(github.sleeps).hasSize(1);
    }

    @Test
    void forkCollabRefusalIsRetriedOnceWithoutMaintainerEditsAndReported() {
        stubDefaultBranch();
        github.server.stubFor(post(urlPathEqualTo(PULLS))
                .withRequestBody(matchingJsonPath("$.maintainer_can_modify", equalTo("true")))
                .willReturn(json(422, error("Validation Failed",
                        "Fork collab can't be granted by someone without permission"))));
        github.server.stubFor(post(urlPathEqualTo(PULLS))
                .withRequestBody(matchingJsonPath("$.maintainer_can_modify", equalTo("false")))
                .willReturn(json(201, createdPullRequest("upstream/project", 43, HEAD.toString(), "main", SHA_A,
                        false))));

        UpstreamPullRequest pr = pulls().open(proposal());

        assertThat(pr.created()).isTrue();
        assertThat(pr.maintainerCanModify()).isFalse();
        assertThat(pr.warnings()).singleElement().asString().contains("Maintainers of upstream/project cannot push to "
                + "octo:fix/issue-1234");
        github.server.verify(2, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void aPostWithoutAnswerIsRepeatedOnlyAfterConfirmingNoPullRequestWasOpened() {
        stubDefaultBranch();
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(502, error("Server Error"))).willSetStateTo("recovered"));
        github.server.stubFor(post(urlPathEqualTo(PULLS)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(201, createdPullRequest("upstream/project", 44, HEAD.toString(), "main", SHA_A,
                        true))));
        stubList(0);

        UpstreamPullRequest pr = pulls().open(proposal());

        assertThat(pr.created()).isTrue();
        assertThat(pr.number()).isEqualTo(44);
        assertThat(github.requests()).containsExactly("GET /repos/upstream/project", "POST " + PULLS,
                "GET " + PULLS + "?state=open&head=octo%3Afix%2Fissue-1234&base=main&per_page=10", "POST " + PULLS);
    }

    @Test
    void aPostThatTimedOutButOpenedThePullRequestIsNotRepeated() {
        stubDefaultBranch();
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stubList(45);

        UpstreamPullRequest pr = pulls().open(proposal());

        assertThat(pr.number()).isEqualTo(45);
        assertThat(pr.created()).isTrue();
        assertThat(pr.warnings()).singleElement().asString().contains("no clear answer");
        github.server.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void labelsAndReviewersAreAddedAndRetriedWhileTheNewPullRequestIsNotVisible() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201,
                createdPullRequest("upstream/project", 46, HEAD.toString(), "main", SHA_A, true))));
        String labels = "/repos/upstream/project/issues/46/labels";
        github.server.stubFor(post(urlPathEqualTo(labels)).inScenario("lag").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(404, error("Not Found"))).willSetStateTo("visible"));
        github.server.stubFor(post(urlPathEqualTo(labels)).inScenario("lag").whenScenarioStateIs("visible")
                .willReturn(json(200, GitHubStub.exampleArray("issues--add-labels", "200-default.json"))));
        github.server.stubFor(post(urlPathEqualTo("/repos/upstream/project/pulls/46/requested_reviewers"))
                .willReturn(json(201, GitHubStub.example("pulls--request-reviewers", "201-default.json"))));

        UpstreamPullRequest pr = pulls().open(proposal().toBuilder().base("main").labels(List.of("bug", "chant"))
                .reviewers(List.of("alice", "@upstream/maintainers"))
                .build());

        assertThat(pr.warnings()).isEmpty();
        github.server.verify(2, postRequestedFor(urlPathEqualTo(labels)));
        github.server.verify(postRequestedFor(urlPathEqualTo(labels))
                .withRequestBody(equalToJson("{\"labels\":[\"bug\",\"chant\"]}")));
        github.server.verify(postRequestedFor(urlPathEqualTo("/repos/upstream/project/pulls/46/requested_reviewers"))
                .withRequestBody(equalToJson("{\"reviewers\":[\"alice\"],\"team_reviewers\":[\"maintainers\"]}")));
    }

    @Test
    void aFollowUpThatKeepsFailingIsAWarningNotALostPullRequest() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201,
                createdPullRequest("upstream/project", 47, HEAD.toString(), "main", SHA_A, true))));
        github.server.stubFor(post(urlPathEqualTo("/repos/upstream/project/issues/47/labels"))
                .willReturn(json(404, error("Not Found"))));

        UpstreamPullRequest pr = pulls().open(proposal().toBuilder().base("main").labels(List.of("bug")).build());

        assertThat(pr.created()).isTrue();
        assertThat(pr.warnings()).singleElement().asString().contains("adding labels [bug] to upstream/project#47");
        github.server.verify(3, postRequestedFor(urlPathEqualTo("/repos/upstream/project/issues/47/labels")));
    }

    private static ObjectNode assignedIssue(int number, String... logins) {
        ObjectNode issue = GitHubStub.example("issues--add-assignees",
                "201-default.json");
        issue.put("number", number).put("html_url", "https://github.com/upstream/project/pull/" + number);
        ArrayNode assignees = (ArrayNode)
                issue.get("assignees");
        ObjectNode template = (ObjectNode)
                assignees.get(0).deepCopy();
        assignees.removeAll();
        for (String login : logins) {
            assignees.add(template.deepCopy().put("login", login));
        }
        issue.set("assignee", logins.length == 0 ? issue.nullNode() : assignees.get(0).deepCopy());
        return issue;
    }

    @Test
    void assigneesAreAppliedAfterCreationAndRetriedWhileTheNewPullRequestIsNotVisible() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201,
                createdPullRequest("upstream/project", 49, HEAD.toString(), "main", SHA_A, true))));
        String assignees = "/repos/upstream/project/issues/49/assignees";
        github.server.stubFor(post(urlPathEqualTo(assignees)).inScenario("lag").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(404, error("Not Found"))).willSetStateTo("visible"));
        github.server.stubFor(post(urlPathEqualTo(assignees)).inScenario("lag").whenScenarioStateIs("visible")
                .willReturn(json(201, assignedIssue(49, "alice", "Bob"))));

        UpstreamPullRequest pr = pulls().open(proposal().toBuilder().base("main").assignees(List.of("alice", "@bob")).build());

        assertThat(pr.created()).isTrue();
        assertThat(pr.warnings()).isEmpty();
        github.server.verify(2, postRequestedFor(urlPathEqualTo(assignees))
                .withRequestBody(equalToJson("{\"assignees\":[\"alice\",\"bob\"]}")));
        github.server.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
        assertThat(github.sleeps).hasSize(1);
    }

    @Test
    void anAssigneeFailureIsAWarningNotASecondPullRequest() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201,
                createdPullRequest("upstream/project", 50, HEAD.toString(), "main", SHA_A, true))));
        github.server.stubFor(post(urlPathEqualTo("/repos/upstream/project/issues/50/assignees"))
                .willReturn(json(403, error("Must have admin rights to Repository."))));

        UpstreamPullRequest pr = pulls().open(proposal().toBuilder().base("main").assignees(List.of("alice")).build());

        assertThat(pr.created()).isTrue();
        assertThat(pr.number()).isEqualTo(50);
        assertThat(pr.warnings()).singleElement().asString()
                .contains("The pull request is open, but assigning [alice] to upstream/project#50 failed");
        github.server.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
        github.server.verify(1, postRequestedFor(urlPathEqualTo("/repos/upstream/project/issues/50/assignees")));
    }

    @Test
    void assigneesGitHubSilentlyLeftOutAreReported() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201,
                createdPullRequest("upstream/project", 51, HEAD.toString(), "main", SHA_A, true))));
        github.server.stubFor(post(urlPathEqualTo("/repos/upstream/project/issues/51/assignees"))
                .willReturn(json(201, assignedIssue(51, "alice"))));

        UpstreamPullRequest pr = pulls().open(proposal().toBuilder().base("main")
                .assignees(List.of("alice", "carol"))
                .build());

        assertThat(pr.warnings()).singleElement().asString().contains("did not assign [carol]")
                .contains("push access to upstream/project");
    }

    @Test
    void anAssigneeThatIsNoLoginIsRefusedBeforeAnyRequest() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> proposal().toBuilder().assignees(List.of("alice", "not a login")).build()))
                .hasMessageContaining("Invalid assignee 'not a login'");
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void aHeadThatMovedBeforeCreationIsReported() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201,
                createdPullRequest("upstream/project", 48, HEAD.toString(), "main", GitHubStub.SHA_B, true))));

        UpstreamPullRequest pr = pulls().open(proposal().toBuilder().base("main").expectedHeadSha(SHA_A).build());

        assertThat(pr.warnings()).singleElement().asString().contains("but the CI verdict was for " + SHA_A);
    }

    @Test
    void aMissingHeadBranchIsExplained() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(422, error("Validation Failed",
                "field:head:invalid"))));

        GitHubException e = catchThrowableOfType(GitHubException.class,
                () -> pulls().open(proposal().toBuilder().base("main").build()));

        assertThat(e.kind()).isEqualTo(GitHubException.Kind.VALIDATION);
        assertThat(e.getMessage()).contains("cannot find the head branch octo:fix/issue-1234")
                .contains("push the branch");
    }

    @Test
    void noCommitsBetweenBaseAndHeadIsExplained() {
        github.server.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(422, error("Validation Failed",
                "No commits between main and octo:fix/issue-1234"))));

        GitHubException e = catchThrowableOfType(GitHubException.class,
                () -> pulls().open(proposal().toBuilder().base("main").build()));

        assertThat(e.getMessage()).contains("no commits between upstream/project:main and octo:fix/issue-1234")
                .contains("Push the commits");
    }

    @Test
    void findOpenReportsNothingWhenNoneIsOpen() {
        stubList(0);

        assertThat(pulls().findOpen(UPSTREAM, HEAD, "main")).isEmpty();
    }
}
