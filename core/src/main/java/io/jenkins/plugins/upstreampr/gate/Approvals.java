package io.jenkins.plugins.upstreampr.gate;

import io.jenkins.plugins.upstreampr.chant.Refusal;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The approvals of a gate with several roles (Jenkins {@code approvers: ['maintainers', 'ospo']}), and the rules
 * that decide them, so a front end only loops: ask {@link #next()}, record the answer, ask again.
 *
 * <ul>
 *   <li>each role must approve, each by a different person (the front end passes the identity it trusts, a Jenkins
 *       user ID; compared ignoring case, as Jenkins' default user ID strategy does);</li>
 *   <li>an approval is bound to the staging head SHA and to the {@linkplain #digest digest} of the title, body and
 *       draft flag as that person saw them;</li>
 *   <li>an approval bound to another SHA or text than a later one lapses (a later approver edited the text, or the
 *       staging head moved, {@link #atHead}): its role is asked again, and {@link #next()} says why;</li>
 *   <li>a deferral or a rejection by any role ends the gate ({@link #end}): nothing more is asked.</li>
 * </ul>
 *
 * <p>Immutable and serializable: a Jenkins Pipeline keeps it in its program state between {@code input} steps, also
 * across a restart. The gate record lists every approval, lapsed or not ({@link GateRecord#approvals()}).
 *
 * @param roles the roles in the order they are asked, each a {@code submitter} value (users or groups,
 *        comma-separated)
 * @param approvals every approval given, oldest first, lapsed ones included
 * @param ended the outcome that ended the gate early (defer or reject), or {@code null}
 */
public record Approvals(List<String> roles, List<Approval> approvals, GateDecision.Outcome ended)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One approval.
     *
     * @param role the role's number, from 1, in {@link #roles} order
     * @param who who approved (the identity the front end trusts)
     * @param at when
     * @param sha the staging head SHA they approved
     * @param digest the {@linkplain #digest digest} of the text they approved
     * @param lapsedBecause why it lapsed; {@code null} while it stands
     */
    public record Approval(int role, String who, Instant at, String sha, String digest, String lapsedBecause)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public Approval {
            Objects.requireNonNull(who, "who");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(sha, "sha");
            Objects.requireNonNull(digest, "digest");
        }

        public boolean lapsed() {
            return lapsedBecause != null;
        }

        Approval lapse(String why) {
            return lapsed() ? this : new Approval(role, who, at, sha, digest, why);
        }
    }

    /**
     * What the front end asks next.
     *
     * @param role the role's number, from 1
     * @param submitter who may answer (the role's {@code submitter} value)
     * @param why what to tell the person: which role of how many, and, when asked again, whose approval lapsed and
     *        why
     */
    public record Next(int role, String submitter, String why) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The input step's id for this role: {@code <id>-<role number>} (one pending input per role). */
        public String inputId(String id) {
            return id + "-" + role;
        }
    }

    public Approvals {
        roles = List.copyOf(roles);
        approvals = List.copyOf(approvals);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("approvers: give at least one role (a submitter value: users or "
                    + "groups, comma-separated), e.g. ['maintainers', 'ospo']");
        }
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == null || roles.get(i).isBlank()) {
                throw new IllegalArgumentException("approvers: role " + (i + 1) + " is empty; give the users or "
                        + "groups who may approve for it, comma-separated");
            }
        }
        if (ended == GateDecision.Outcome.APPROVE) {
            throw new IllegalArgumentException("An approval does not end the gate; only a deferral or rejection does");
        }
    }

    /** No approval yet for {@code roles} (see {@link #roles}). */
    public static Approvals of(List<String> roles) {
        return new Approvals(roles.stream().map(r -> r == null ? null : r.strip()).toList(), List.of(), null);
    }

    /**
     * The digest an approval is bound to: SHA-256 (hex) of the title, body and draft flag exactly as shown, each
     * length-prefixed so that no two different texts share an encoding.
     */
    public static String digest(String title, String body, boolean draft) {
        String t = title == null ? "" : title;
        String b = body == null ? "" : body;
        String encoded = t.length() + ":" + t + "\n" + b.length() + ":" + b + "\n" + draft;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(encoded.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The digest of {@code decision}'s title, body and draft flag. */
    public static String digest(GateDecision decision) {
        return digest(decision.title(), decision.body(), decision.draft());
    }

    /**
     * Records {@code role}'s approval by {@code who}, of the text with {@code digest} on the staging head {@code sha}.
     * Every standing approval bound to another SHA or text lapses, saying why.
     *
     * @throws Refusal when the gate has ended, the role already stands approved, or {@code who} already stands as
     *         the approver of another role (each role needs a different person)
     * @throws IllegalArgumentException for a role number that is not one of the roles
     */
    public Approvals record(int role, String who, Instant at, String sha, String digest) {
        checkRole(role);
        if (who == null || who.isBlank()) {
            throw new Refusal("An approval for role " + role + " (" + roles.get(role - 1) + ") came without a name: "
                    + "each role needs a different person, so the approver must be known (Jenkins: the input's "
                    + "submitterParameter).");
        }
        if (ended != null) {
            throw new Refusal("The gate already ended with a " + ended.name().toLowerCase(Locale.ROOT)
                    + "; no more approvals are taken.");
        }
        Optional<Approval> standing = standing(role);
        if (standing.isPresent()) {
            throw new Refusal("Role " + role + " (" + roles.get(role - 1) + ") is already approved by "
                    + standing.get().who() + ".");
        }
        for (Approval a : approvals) {
            if (!a.lapsed() && a.who().equalsIgnoreCase(who.strip())) {
                throw new Refusal(who.strip() + " already approved as role " + a.role() + " (" + roles.get(a.role() - 1)
                        + "); role " + role + " (" + roles.get(role - 1) + ") needs a different person.");
            }
        }
        List<Approval> next = new ArrayList<>();
        for (Approval a : approvals) {
            next.add(a.lapsed() || sameBinding(a, sha, digest) ? a : a.lapse(!a.sha().equals(sha)
                    ? "the staging head moved from " + a.sha() + " to " + sha
                    : who.strip() + " (role " + role + ", " + roles.get(role - 1) + ") changed the title, body or draft "
                            + "after it"));
        }
        next.add(new Approval(role, who.strip(), at, sha, digest, null));
        return new Approvals(roles, next, null);
    }

    /**
     * The staging head is {@code sha} now (a front end reads it before asking the next role): standing approvals of
     * another commit lapse.
     */
    public Approvals atHead(String sha) {
        Objects.requireNonNull(sha, "sha");
        List<Approval> next = approvals.stream().map(a -> a.lapsed() || a.sha().equals(sha) ? a
                : a.lapse("the staging head moved from " + a.sha() + " to " + sha)).toList();
        return new Approvals(roles, next, ended);
    }

    /** The gate ended with {@code outcome} (defer or reject) by a role: nothing more is asked. */
    public Approvals end(GateDecision.Outcome outcome) {
        if (outcome == GateDecision.Outcome.APPROVE) {
            throw new IllegalArgumentException("An approval is recorded with record(...), not end(...)");
        }
        return new Approvals(roles, approvals, Objects.requireNonNull(outcome, "outcome"));
    }

    /**
     * Takes one role's decision: an approval is {@linkplain #record recorded} (by {@code decision.decidedBy()}, of
     * {@code decision}'s text, on {@code sha}); a deferral or rejection {@linkplain #end ends} the gate.
     */
    public Approvals answer(int role, GateDecision decision, String sha) {
        if (!decision.approved()) {
            checkRole(role);
            return end(decision.outcome());
        }
        return record(role, decision.decidedBy(), decision.decidedAt(), sha, digest(decision));
    }

    /** The roles without a standing approval, by number, in order; empty once the gate ended. */
    public List<Integer> stillNeeded() {
        if (ended != null) {
            return List.of();
        }
        List<Integer> needed = new ArrayList<>();
        for (int role = 1; role <= roles.size(); role++) {
            if (standing(role).isEmpty()) {
                needed.add(role);
            }
        }
        return needed;
    }

    /** The approvals that lapsed, oldest first. */
    public List<Approval> lapsed() {
        return approvals.stream().filter(Approval::lapsed).toList();
    }

    /** Whether every role stands approved, all of the same commit and text (the gate may open the pull request). */
    public boolean complete() {
        return ended == null && stillNeeded().isEmpty();
    }

    /** The standing approvals, one per role once complete. */
    public List<Approval> standing() {
        return approvals.stream().filter(a -> !a.lapsed()).toList();
    }

    /**
     * The role to ask next and why; empty when every role stands approved or the gate ended. A role whose approval
     * lapsed is asked with the reason; otherwise the first role not yet asked.
     */
    public Optional<Next> next() {
        List<Integer> needed = stillNeeded();
        if (needed.isEmpty()) {
            return Optional.empty();
        }
        int role = needed.get(0);
        String of = "Approval " + role + " of " + roles.size() + " (" + roles.get(role - 1) + ")";
        Optional<Approval> lapsed = approvals.stream().filter(a -> a.role() == role && a.lapsed())
                .reduce((first, second) -> second);
        String why = lapsed.map(a -> of + ", asked again: the approval by " + a.who() + " lapsed because "
                + a.lapsedBecause() + ".").orElse(of + ".");
        if (lapsed.isEmpty() && !standing().isEmpty()) {
            why = why.substring(0, why.length() - 1) + "; approved so far by "
                    + String.join(", ", standing().stream().map(a -> a.who() + " (role " + a.role() + ")").toList())
                    + ": approving a changed title, body or draft asks them again.";
        }
        return Optional.of(new Next(role, roles.get(role - 1), why));
    }

    /**
     * Refuses an approval to open the pull request unless every role stands approved of exactly {@code decision}'s
     * text on {@code sha}.
     */
    void requireComplete(GateDecision decision, String sha) {
        if (!complete()) {
            throw new Refusal("Not every role approved: still needed " + String.join(", ", stillNeeded().stream()
                    .map(r -> "role " + r + " (" + roles.get(r - 1) + ")").toList()) + "; nothing was opened.");
        }
        String digest = digest(decision);
        for (Approval a : standing()) {
            if (!a.digest().equals(digest) || !a.sha().equals(sha)) {
                throw new Refusal("The approval by " + a.who() + " (role " + a.role() + ") is of "
                        + (a.sha().equals(sha) ? "another title, body or draft" : "commit " + a.sha() + ", not " + sha)
                        + " than what would be opened; nothing was opened. Ask that role again.");
            }
        }
    }

    private Optional<Approval> standing(int role) {
        return approvals.stream().filter(a -> a.role() == role && !a.lapsed()).findFirst();
    }

    private void checkRole(int role) {
        if (role < 1 || role > roles.size()) {
            throw new IllegalArgumentException("Role " + role + " is not one of the " + roles.size()
                    + " roles (1.." + roles.size() + ")");
        }
    }

    private static boolean sameBinding(Approval a, String sha, String digest) {
        return a.sha().equals(sha) && a.digest().equals(digest);
    }
}
