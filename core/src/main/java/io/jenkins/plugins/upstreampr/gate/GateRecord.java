package io.jenkins.plugins.upstreampr.gate;

import java.util.List;
import java.util.Objects;

/**
 * The record kept of one pass through the gate, archived with the build as {@code gate-record.json}: what was
 * decided, by whom and when, on which staging commit and CI verdict, and what was opened upstream. It holds no
 * credentials by construction (no field can carry one).
 *
 * @param decision approve, defer or reject (lower case)
 * @param staging the staging pull request and the CI verdict the person saw
 * @param upstream the upstream pull request; {@code null} unless the decision was to approve
 * @param warnings timing and other warnings shown at the gate
 * @param specs the specs of the trail that were archived with the record
 */
public record GateRecord(
        String decision,
        String title,
        boolean draft,
        String reason,
        String decidedBy,
        String decidedAt,
        List<GateOverride> overrides,
        Staging staging,
        Upstream upstream,
        List<String> warnings,
        List<SpecEntry> specs) {

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

    /** One CI check on the staging head. */
    public record Check(String name, String state, String url) {
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

    /** A spec archived with the record. */
    public record SpecEntry(String id, String path, String status) {
    }

    public GateRecord {
        Objects.requireNonNull(decision, "decision");
        overrides = List.copyOf(overrides);
        warnings = List.copyOf(warnings);
        specs = List.copyOf(specs);
    }

    /** The record of {@code decision}, taken on {@code staging}, with {@code upstream} (null unless approved). */
    public static GateRecord of(GateDecision decision, Staging staging, Upstream upstream, List<String> warnings,
            List<SpecEntry> specs) {
        return new GateRecord(decision.outcome().name().toLowerCase(java.util.Locale.ROOT), decision.title(),
                decision.draft(), decision.reason(), decision.decidedBy(), decision.decidedAt().toString(),
                decision.overrides(), staging, upstream, warnings, specs);
    }
}
