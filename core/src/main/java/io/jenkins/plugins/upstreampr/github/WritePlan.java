package io.jenkins.plugins.upstreampr.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The writes of a dry run ({@link GitHubSession#dryRun}): every write the engine would send is gathered here, in
 * order, instead of being sent, while every read goes to GitHub as usual. Being at the session, it holds exactly
 * what would go on the wire, follow-up writes included (labels, reviewers, assignees, the gate's commit status).
 *
 * <p>A write is answered here, without GitHub, so the engine goes on as it would: the pull request's POST with a
 * pull request whose number is a placeholder ({@link #NUMBER} in the paths of the writes that follow, since only
 * GitHub's answer would give it), an assignees POST with the assignees asked for, any other write with an empty
 * object. What a dry run cannot know (whether GitHub would refuse a write, a retry) it does not show.
 *
 * <p>Thread-safe; one plan per dry run.
 */
public final class WritePlan {

    /** The placeholder standing for the number GitHub would give the pull request opened in this plan. */
    public static final String NUMBER = "{number}";
    /**
     * The number the placeholder pull request carries inside the engine, never shown: no real pull request has it,
     * and a path segment equal to it is shown as {@link #NUMBER}.
     */
    static final int PLACEHOLDER_NUMBER = Integer.MAX_VALUE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PULLS = Pattern.compile("/repos/[^/]+/[^/]+/pulls");
    private static final String PLACEHOLDER_SEGMENT = "/" + PLACEHOLDER_NUMBER + "/";

    private final List<PlannedWrite> writes = new ArrayList<>();
    private int pullRequestWrite;

    /** Whether {@code number} is the placeholder of a pull request this dry run would open (not a real one). */
    public static boolean isPlaceholder(int number) {
        return number == PLACEHOLDER_NUMBER;
    }

    /** The writes gathered so far, in the order they would be sent. */
    public synchronized List<PlannedWrite> writes() {
        return List.copyOf(writes);
    }

    /** Gathers one write and answers it the way GitHub would, as far as a dry run can know (see the class). */
    synchronized JsonNode record(String method, String path, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int index = writes.size() + 1;
        String shown = path;
        String note = null;
        if (pullRequestWrite > 0 && path.contains(PLACEHOLDER_SEGMENT)) {
            shown = path.replace(PLACEHOLDER_SEGMENT, "/" + NUMBER + "/");
        }
        // the placeholder answer's number and address reach later paths and bodies (the gate's status names them)
        if (pullRequestWrite > 0 && (!shown.equals(path) || text.contains(NUMBER))) {
            note = NUMBER + ": the number GitHub gives the pull request opened by write " + pullRequestWrite
                    + "; a dry run cannot know it";
        }
        writes.add(new PlannedWrite(index, method, shown, text, note));
        JsonNode sent = parse(text);
        if ("POST".equals(method) && PULLS.matcher(path).matches()) {
            pullRequestWrite = index;
            return pullRequestAnswer(path, sent);
        }
        if ("POST".equals(method) && path.endsWith("/assignees")) {
            ObjectNode issue = JSON.createObjectNode();
            ArrayNode assignees = issue.putArray("assignees");
            sent.path("assignees").forEach(login -> assignees.addObject().put("login", login.asText()));
            return issue;
        }
        return JSON.createObjectNode();
    }

    private static JsonNode pullRequestAnswer(String path, JsonNode sent) {
        String repository = path.substring("/repos/".length(), path.length() - "/pulls".length());
        ObjectNode pr = JSON.createObjectNode();
        pr.put("number", PLACEHOLDER_NUMBER);
        pr.put("html_url", "https://github.com/" + repository + "/pull/" + NUMBER);
        pr.put("draft", sent.path("draft").asBoolean(false));
        pr.put("maintainer_can_modify", sent.path("maintainer_can_modify").asBoolean(false));
        pr.putObject("head").put("label", sent.path("head").asText(""));
        pr.putObject("base").put("ref", sent.path("base").asText(""));
        return pr;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
