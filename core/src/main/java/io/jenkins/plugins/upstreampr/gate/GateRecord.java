package io.jenkins.plugins.upstreampr.gate;

import io.jenkins.plugins.upstreampr.github.RetryProgress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The record kept of one pass through the gate, archived with the build as {@code gate-record.json}: what was
 * decided, by whom and when, on which staging commit and CI verdict, and what was opened upstream. It holds no
 * credentials by construction (no field can carry one).
 *
 * @param decision approve, defer or reject (lower case)
 * @param decidedBy who decided, {@code null} when unknown
 * @param decidedBySource where that name came from ({@link GateDecision#decidedBySource()})
 * @param staging the staging pull request and the CI verdict the person saw
 * @param upstream the upstream pull request; {@code null} unless the decision was to approve
 * @param warnings timing and other warnings shown at the gate
 * @param specs the specs of the trail that were archived with the record
 * @param retries what GitHub made the gate retry after the decision, and why (so a maintainer sees that GitHub was
 *        flaky, not the tool)
 * @param approvals with several roles ({@link Approvals}), every approval given, lapsed ones included; empty for a
 *        gate of one role
 */
public record GateRecord(
        String decision,
        String title,
        boolean draft,
        String reason,
        String decidedBy,
        String decidedBySource,
        String decidedAt,
        List<GateOverride> overrides,
        Staging staging,
        Upstream upstream,
        List<String> warnings,
        List<SpecEntry> specs,
        Retries retries,
        List<RoleApproval> approvals) {

    /**
     * The staging pull request as verified before the pause.
     *
     * @param pullRequest {@code owner/repo#N}
     * @param headSha the commit whose CI was judged
     * @param verdict green, pending, red or none
     * @param checks each check with its state and link
     */
    public record Staging(String pullRequest, String headSha, String verdict, List<Check> checks) {
        public Staging {
            checks = List.copyOf(checks);
        }
    }

    /**
     * One CI check on the staging head.
     *
     * @param state how it counts: success, pending, failure or missing
     * @param conclusion GitHub's own word ({@code skipped}, {@code neutral}, {@code success}, {@code in_progress},
     *        {@code error}...; see {@link io.jenkins.plugins.upstreampr.github.CheckResult#conclusion()}), null when
     *        not reported
     */
    public record Check(String name, String state, String url, String conclusion) {
        /** A check without GitHub's own word for it. */
        public Check(String name, String state, String url) {
            this(name, state, url, null);
        }
    }

    /**
     * The upstream pull request.
     *
     * @param repository {@code owner/repo}
     * @param head {@code forkOwner:branch}
     * @param base the base branch
     * @param number the pull request number, or {@code null} when not opened (yet)
     * @param url its HTML address
     * @param created whether this gate opened it ({@code false}: it already existed and was reused)
     */
    public record Upstream(String repository, String head, String base, Integer number, String url,
            Boolean created) {
    }

    /**
     * One approval of a gate with several roles.
     *
     * @param role the role's number, from 1
     * @param submitter who could answer for that role
     * @param who who approved
     * @param at when (ISO-8601)
     * @param sha the staging head SHA approved
     * @param digest the digest of the title, body and draft approved ({@link Approvals#digest})
     * @param lapsed whether it lapsed (a later edit or a moved head)
     * @param lapsedBecause why, or {@code null}
     */
    public record RoleApproval(int role, String submitter, String who, String at, String sha, String digest,
            boolean lapsed, String lapsedBecause) {

        /** Every approval of {@code approvals}, oldest first; empty for {@code null}. */
        public static List<RoleApproval> of(Approvals approvals) {
            if (approvals == null) {
                return List.of();
            }
            return approvals.approvals().stream().map(a -> new RoleApproval(a.role(),
                    approvals.roles().get(a.role() - 1), a.who(), a.at().toString(), a.sha(), a.digest(), a.lapsed(),
                    a.lapsedBecause())).toList();
        }
    }

    /** A spec archived with the record. */
    public record SpecEntry(String id, String path, String status) {
    }

    /**
     * The retries of the submission: how many, how long they waited in all, how often the pull request's POST was
     * sent, and each retry.
     *
     * @param count how many retries
     * @param waitedSeconds their waits added up, in seconds
     * @param pullRequestPosts how many times the POST opening the pull request was sent (0 without an approval)
     * @param entries each retry, oldest first
     */
    public record Retries(int count, double waitedSeconds, int pullRequestPosts, List<Retry> entries) {
        public Retries {
            entries = List.copyOf(entries);
        }

        /** None: nothing was retried. */
        public static Retries none() {
            return new Retries(0, 0, 0, List.of());
        }

        /** The retries {@code progress} recorded. */
        public static Retries of(RetryProgress progress) {
            return new Retries(progress.retries().size(), progress.waited().toMillis() / 1000.0,
                    progress.postsSent(), progress.retries().stream()
                            .map(r -> new Retry(r.what(), r.reason(), r.waitBefore().toMillis() / 1000.0)).toList());
        }
    }

    /**
     * One retry.
     *
     * @param what the operation ("opening a pull request from o:b into u/r:main")
     * @param reason why ("HTTP 502", "no answer (HttpTimeoutException)", "rate limit (HTTP 429), resets at ...")
     * @param waitSeconds how long it waited before trying again
     */
    public record Retry(String what, String reason, double waitSeconds) {
    }

    public GateRecord {
        Objects.requireNonNull(decision, "decision");
        overrides = List.copyOf(overrides);
        warnings = List.copyOf(warnings);
        specs = List.copyOf(specs);
        retries = retries == null ? Retries.none() : retries;
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    /** The record of {@code decision}, taken on {@code staging}, with {@code upstream} (null unless approved). */
    public static GateRecord of(GateDecision decision, Staging staging, Upstream upstream, List<String> warnings,
            List<SpecEntry> specs, Retries retries) {
        return of(decision, staging, upstream, warnings, specs, retries, List.of());
    }

    /** The record of {@code decision} with the approvals of several roles. */
    public static GateRecord of(GateDecision decision, Staging staging, Upstream upstream, List<String> warnings,
            List<SpecEntry> specs, Retries retries, List<RoleApproval> approvals) {
        return new GateRecord(decision.outcome().name().toLowerCase(Locale.ROOT), decision.title(),
                decision.draft(), decision.reason(), decision.decidedBy(), decision.decidedBySource(),
                decision.decidedAt().toString(),
                decision.overrides(), staging, upstream, warnings, specs, retries, approvals);
    }
}
