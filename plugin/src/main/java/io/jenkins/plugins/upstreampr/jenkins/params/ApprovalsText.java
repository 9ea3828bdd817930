package io.jenkins.plugins.upstreampr.jenkins.params;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.upstreampr.gate.Approvals;
import io.jenkins.plugins.upstreampr.gate.GateDecision;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's {@link Approvals} as the plain text a Pipeline passes from one step to the next ({@code approvals}
 * in the results of {@code upstreamPullRequestPreflight} and {@code recordUpstreamApproval}, given back to
 * {@code recordUpstreamApproval} and {@code createUpstreamPullRequest}). Text, not the object: a string is safe in
 * the Pipeline's program state and in a sandboxed Jenkinsfile, which could hold the object but not call it, and the
 * steps bind a string argument without any coercion. The rules stay the engine's; this only writes and reads them.
 */
public final class ApprovalsText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApprovalsText() {
    }

    /** {@code approvals} as compact JSON: {@code {"roles":[...],"approvals":[{...}],"ended":null}}. */
    public static String write(Approvals approvals) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode roles = root.putArray("roles");
        approvals.roles().forEach(roles::add);
        ArrayNode given = root.putArray("approvals");
        for (Approvals.Approval a : approvals.approvals()) {
            given.addObject().put("role", a.role()).put("who", a.who()).put("at", a.at().toString())
                    .put("sha", a.sha()).put("digest", a.digest()).put("lapsedBecause", a.lapsedBecause());
        }
        root.put("ended", approvals.ended() == null ? null : approvals.ended().name().toLowerCase(Locale.ROOT));
        return root.toString();
    }

    /**
     * The approvals {@code text} holds ({@link #write}); blank text: none given yet for {@code roles}.
     *
     * @param roles the step's {@code approvers}, which the text must be for
     * @throws IllegalArgumentException when the text is not what {@link #write} wrote, or is for other roles
     */
    public static Approvals read(String text, List<String> roles) {
        Approvals fresh = Approvals.of(roles);
        if (text == null || text.isBlank()) {
            return fresh;
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(e.getOriginalMessage());
        }
        if (root == null || !root.path("roles").isArray() || !root.path("approvals").isArray()) {
            throw malformed("roles and approvals are missing");
        }
        List<String> written = new ArrayList<>();
        root.path("roles").forEach(r -> written.add(r.asText()));
        if (!written.equals(fresh.roles())) {
            throw new IllegalArgumentException("approvals: they are for the roles " + written + ", not for approvers "
                    + fresh.roles() + "; pass the approvals the previous step returned for these approvers");
        }
        List<Approvals.Approval> given = new ArrayList<>();
        for (JsonNode a : root.path("approvals")) {
            String who = text(a, "who");
            String at = text(a, "at");
            String sha = text(a, "sha");
            String digest = text(a, "digest");
            if (who == null || at == null || sha == null || digest == null) {
                throw malformed("an approval without who, at, sha or digest");
            }
            try {
                given.add(new Approvals.Approval(a.path("role").asInt(), who, Instant.parse(at), sha, digest,
                        text(a, "lapsedBecause")));
            } catch (DateTimeParseException e) {
                throw malformed("an approval whose time is not ISO-8601");
            }
        }
        String ended = root.path("ended").isTextual() ? root.path("ended").asText() : null;
        return new Approvals(written, given, ended == null ? null : GateDecision.Outcome.parse(ended));
    }

    /**
     * What to ask next, for the Groovy loop: {@code [role:, submitter:, inputId:, why:]}, the input id
     * {@code <id>-<role number>} ({@link Approvals.Next#inputId}); {@code null} when nobody is to be asked (every role
     * approved, or the gate ended).
     *
     * @param refused why the last answer was not taken, said before the reason the role is asked; {@code null}: none
     */
    public static Map<String, Object> next(Approvals approvals, String id, String refused) {
        return approvals.next().map(n -> {
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("role", n.role());
            next.put("submitter", n.submitter());
            next.put("inputId", n.inputId(id));
            next.put("why", refused == null ? n.why() : refused + " " + n.why());
            return next;
        }).orElse(null);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    private static IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException("approvals: not the text a gate step returned (" + what + "); pass the "
                + "approvals value of the previous step's result unchanged");
    }
}
