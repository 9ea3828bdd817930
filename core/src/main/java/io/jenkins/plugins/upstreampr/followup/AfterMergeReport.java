package io.jenkins.plugins.upstreampr.followup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an archive after the merge did, the one place its machine-readable keys are written: {@code upstream-pr
 * archive --after-merge --json} prints {@link #toMap()}, {@code {"result", "branch", "commit", "pullRequest":
 * {"number", "url", "created"} | null, "archived": [ids], "reason"}}; {@code archiveChantSpecs(push: true)} words its
 * {@code archive} result with {@link Result#json()} (and, failing the build on a refusal, says {@code refused} for
 * {@link Result#CLOSED_UNMERGED} too).
 *
 * @param result what happened
 * @param branch the fork's branch the archive commit went to (or, for nothing to do, the branch looked at); null
 *     when nothing was pushed
 * @param commit the full SHA of the archive commit; null when nothing was pushed
 * @param pullRequest the pull request in the fork from the side branch (protected branch only), else null
 * @param archived the IDs of the specs the archive commit archives
 * @param reason why nothing (or not everything) was done, or what the protected branch said; null when pushed
 */
public record AfterMergeReport(Result result, String branch, String commit, UpstreamPullRequest pullRequest,
        List<String> archived, String reason) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcomes of an after-merge archive, as {@code result} in the JSON. */
    public enum Result {
        /** The archive commit is on the fork's branch. */
        PUSHED,
        /** The branch is protected: the commit is on a side branch, with a pull request in the fork. */
        PUSHED_TO_SIDE_BRANCH,
        /** The specs were already archived on the branch. */
        NOTHING_TO_DO,
        /** The upstream pull request was closed without merge: nothing archived. */
        CLOSED_UNMERGED,
        /** Refused (still open, checkout not ready, a spec chant would not archive): nothing archived. */
        REFUSED,
        /** Failed (GitHub or the fork could not be reached, the push was rejected): nothing archived. */
        FAILED;

        /** Lower-case name, for JSON and the step's result. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AfterMergeReport {
        Objects.requireNonNull(result, "result");
        archived = List.copyOf(archived);
    }

    /** A result with nothing pushed, for {@code reason}. */
    public static AfterMergeReport nothingPushed(Result result, String reason) {
        return new AfterMergeReport(result, null, null, null, List.of(), reason);
    }

    /**
     * The report of what {@link AfterMergeArchive} did.
     *
     * @param merged whether the upstream pull request was merged (a refusal of one closed without merge is
     *     {@link Result#CLOSED_UNMERGED})
     * @param forkPullRequest the pull request in the fork from the side branch, when one was opened or found
     */
    public static AfterMergeReport of(ArchivePushResult done, boolean merged, UpstreamPullRequest forkPullRequest) {
        if (done instanceof ArchivePushResult.Pushed p) {
            return new AfterMergeReport(Result.PUSHED, p.branch(), p.commit(), null, SpecId.values(p.archived()),
                    null);
        }
        if (done instanceof ArchivePushResult.PushedToSideBranch s) {
            return new AfterMergeReport(Result.PUSHED_TO_SIDE_BRANCH, s.branch(), s.commit(), forkPullRequest,
                    SpecId.values(s.archived()), s.pullRequest().base() + " is protected: " + s.rejection());
        }
        if (done instanceof ArchivePushResult.NothingToDo n) {
            return new AfterMergeReport(Result.NOTHING_TO_DO, n.branch(), null, null, List.of(), n.summary());
        }
        ArchivePushResult.Refused r = (ArchivePushResult.Refused) done;
        return nothingPushed(merged ? Result.REFUSED : Result.CLOSED_UNMERGED, r.reason());
    }

    /** The same report with another reason. */
    public AfterMergeReport withReason(String reason) {
        return new AfterMergeReport(result, branch, commit, pullRequest, archived, reason);
    }

    /**
     * The machine-readable report: plain {@link LinkedHashMap}s and {@link ArrayList}s of strings, numbers, booleans
     * and nulls, keys in the order above.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("result", result.json());
        map.put("branch", branch);
        map.put("commit", commit);
        Map<String, Object> pr = null;
        if (pullRequest != null) {
            pr = new LinkedHashMap<>();
            pr.put("number", pullRequest.number());
            pr.put("url", pullRequest.url());
            pr.put("created", pullRequest.created());
        }
        map.put("pullRequest", pr);
        map.put("archived", new ArrayList<>(archived));
        map.put("reason", reason);
        return map;
    }

    /** {@link #toMap()} as a single-line JSON object. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings, numbers and lists is always JSON", e);
        }
    }
}
