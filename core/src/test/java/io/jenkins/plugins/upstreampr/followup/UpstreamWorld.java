package io.jenkins.plugins.upstreampr.followup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.jenkins.plugins.upstreampr.github.GitHubStub;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GitHub side of a submitted fix, served by a {@link GitHubStub}: the upstream pull request
 * {@value #UPSTREAM} (head {@code octo:fix/issue-1234}), its reviews and comments, the staging pull request
 * {@value #STAGING}, and the CI of both. Every body starts from an example of GitHub's OpenAPI description.
 *
 * <p>Tests change the fields, then {@link #publish()}: every URL is served with an ETag derived from its body,
 * and a request carrying that ETag in {@code If-None-Match} is answered 304 Not Modified, as GitHub does. As on
 * GitHub, the pull request's {@code updated_at} moves whenever a review, a comment, its head, draft or state
 * changed since the previous publication.
 */
public final class UpstreamWorld {

    public static final String UPSTREAM = "up/project#42";
    public static final String STAGING = "octo/fork#7";
    public static final String BRANCH = "fix/issue-1234";
    public static final String UP = "/repos/up/project";
    public static final String FORK = "/repos/octo/fork";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode subset;

    public final GitHubStub github;

    // the upstream pull request
    public String state = "open";
    public boolean merged;
    public boolean draft;
    public String upstreamSha = GitHubStub.SHA_A;
    public String mergeCommitSha = "e5bd3914e2e596debea16f433f57875b5b90bcd6";
    public String closedBy;
    public final ArrayNode reviews = JSON.createArrayNode();
    public final ArrayNode inlineComments = JSON.createArrayNode();
    public final ArrayNode conversation = JSON.createArrayNode();
    // CI, per commit: "context=state" statuses and "name=status/conclusion" check runs
    public final Map<String, String[]> upstreamRuns = new HashMap<>();
    public final Map<String, String[]> stagingRuns = new HashMap<>();
    // the staging pull request
    public String stagingSha = GitHubStub.SHA_A;
    // how slowly every answer comes (milliseconds), from the next publish(): a look then stays in progress that long
    public int answerDelayMillis;

    private final Map<String, List<StubMapping>> stubs = new LinkedHashMap<>();
    private long nextId = 1000;
    private String activity;
    private Instant updatedAt = GitHubStub.NOW.minusSeconds(86_400);

    public UpstreamWorld(GitHubStub github) {
        this.github = github;
    }

    // ---------------------------------------------------------------- changes

    public UpstreamWorld review(String reviewer, String reviewState, String body, Instant at) {
        ObjectNode r = ((ObjectNode) GitHubStub.exampleArray("pulls--list-reviews", "200-default.json").get(0)).deepCopy()
                .put("id", nextId++).put("state", reviewState).put("body", body).put("commit_id", upstreamSha)
                .put("submitted_at", at.toString());
        r.put("html_url", "https://github.com/up/project/pull/42#pullrequestreview-" + r.get("id").asLong());
        ((ObjectNode) r.get("user")).put("login", reviewer);
        reviews.add(r);
        return this;
    }

    public UpstreamWorld inlineComment(String author, String path, String body, Instant at) {
        ObjectNode c = ((ObjectNode) GitHubStub.exampleArray("pulls--list-review-comments", "200-default.json").get(0)).deepCopy()
                .put("id", nextId++).put("path", path).put("body", body).put("created_at", at.toString())
                .put("updated_at", at.toString()).put("commit_id", upstreamSha);
        c.put("html_url", "https://github.com/up/project/pull/42#discussion_r" + c.get("id").asLong());
        ((ObjectNode) c.get("user")).put("login", author);
        inlineComments.add(c);
        return this;
    }

    public UpstreamWorld comment(String author, String body, Instant at) {
        ObjectNode c = ((ObjectNode) GitHubStub.exampleArray("issues--list-comments", "200-default.json").get(0)).deepCopy()
                .put("id", nextId++).put("body", body).put("created_at", at.toString()).put("updated_at", at.toString());
        c.put("html_url", "https://github.com/up/project/pull/42#issuecomment-" + c.get("id").asLong());
        ((ObjectNode) c.get("user")).put("login", author);
        conversation.add(c);
        return this;
    }

    /**
     * Moves the pull request's {@code updated_at} without a change the watch reports (as a label or a title edit
     * does on GitHub), so that the next look reads the reviews and comments again.
     */
    public UpstreamWorld touch() {
        updatedAt = updatedAt.plusSeconds(1);
        return this;
    }

    // ---------------------------------------------------------------- serving

    /** Serves the current state; unchanged bodies keep their ETag (so conditional requests get 304). */
    public UpstreamWorld publish() {
        String now = String.join(" ", state, String.valueOf(merged), String.valueOf(draft), upstreamSha,
                reviews.toString(), inlineComments.toString(), conversation.toString());
        if (activity != null && !activity.equals(now)) {
            updatedAt = updatedAt.plusSeconds(1);
        }
        activity = now;
        ObjectNode pr = GitHubStub.pullRequest("octo", "fork", 42, BRANCH, upstreamSha);
        pr.put("html_url", "https://github.com/up/project/pull/42").put("state", state).put("merged", merged)
                .put("draft", draft).put("updated_at", updatedAt.toString());
        if (merged) {
            pr.put("merged_at", "2026-03-11T09:00:00Z").put("merge_commit_sha", mergeCommitSha);
        } else {
            pr.putNull("merged_at").putNull("merge_commit_sha");
        }
        if ("closed".equals(state)) {
            pr.put("closed_at", "2026-03-11T09:00:00Z");
        } else {
            pr.putNull("closed_at");
        }
        serve(UP + "/pulls/42", pr);
        serve(UP + "/pulls/42/reviews", reviews);
        serve(UP + "/pulls/42/comments", inlineComments);
        serve(UP + "/issues/42/comments", conversation);
        ObjectNode issue = issueExample();
        issue.put("number", 42).put("state", state);
        if (closedBy != null) {
            ((ObjectNode) issue.get("closed_by")).put("login", closedBy);
        } else {
            issue.putNull("closed_by");
        }
        serve(UP + "/issues/42", issue);
        serveChecks(UP, upstreamSha, upstreamRuns.getOrDefault(upstreamSha, new String[0]));
        serve(FORK + "/pulls/7", GitHubStub.pullRequest("octo", "fork", 7, BRANCH, stagingSha));
        serveChecks(FORK, stagingSha, stagingRuns.getOrDefault(stagingSha, new String[0]));
        return this;
    }

    private void serveChecks(String repo, String sha, String[] runs) {
        serve(repo + "/commits/" + sha + "/status", GitHubStub.combinedStatus(sha));
        serve(repo + "/commits/" + sha + "/check-runs", GitHubStub.checkRuns(sha, runs));
    }

    /** Serves {@code body} at {@code path} with a content ETag, 304 for a request that sends that ETag back. */
    public void serve(String path, JsonNode body) {
        String etag = "\"" + digest(body.toString()) + "\"";
        for (StubMapping old : stubs.getOrDefault(path, List.of())) {
            github.server.removeStub(old);
        }
        List<StubMapping> mappings = new ArrayList<>();
        mappings.add(github.server.stubFor(get(urlPathEqualTo(path)).withHeader("If-None-Match", equalTo(etag))
                .atPriority(2).willReturn(aResponse().withStatus(304).withHeader("ETag", etag)
                        .withFixedDelay(answerDelayMillis))));
        mappings.add(github.server.stubFor(get(urlPathEqualTo(path)).atPriority(3)
                .willReturn(GitHubStub.json(200, body, etag).withFixedDelay(answerDelayMillis))));
        stubs.put(path, mappings);
    }

    // ---------------------------------------------------------------- what was received

    /** The requests received so far (for slicing: {@code events().subList(before, after)}). */
    public int received() {
        return github.server.getAllServeEvents().size();
    }

    /** The requests received after the first {@code from}, oldest first. */
    public List<ServeEvent> receivedSince(int from) {
        List<ServeEvent> all = github.events();
        return all.subList(from, all.size());
    }

    // ---------------------------------------------------------------- examples

    /**
     * The {@code issues/get} example: its example file holds only a {@code $ref} into the description's
     * components (see PROVENANCE.md), resolved here in the subset itself.
     */
    static ObjectNode issueExample() {
        synchronized (UpstreamWorld.class) {
            if (subset == null) {
                try (InputStream in = UpstreamWorld.class.getResourceAsStream("/github/openapi-subset.json")) {
                    subset = JSON.readTree(in);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        String ref = GitHubStub.example("issues--get", "200-default.json").path("$ref").asText();
        JsonNode node = subset;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return (ObjectNode) node.path("value").deepCopy();
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
