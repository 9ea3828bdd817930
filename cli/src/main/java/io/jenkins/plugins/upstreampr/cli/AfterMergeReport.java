package io.jenkins.plugins.upstreampr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.followup.ArchivePushResult;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code upstream-pr archive --after-merge} reports, as printed with {@code --json}:
 * {@code {"result", "branch", "commit", "pullRequest": {"number", "url", "created"} | null, "archived": [ids],
 * "reason"}}.
 *
 * @param result what happened
 * @param branch the fork's branch the archive commit went to (or, for nothing to do, the branch looked at); null
 *     when nothing was pushed
 * @param commit the full SHA of the archive commit; null when nothing was pushed
 * @param pullRequest the pull request in the fork from the side branch (protected branch only), else null
 * @param archived the IDs of the specs the archive commit archives
 * @param reason why nothing (or not everything) was done, or what the protected branch said; null when pushed
 */
record AfterMergeReport(Result result, String branch, String commit, UpstreamPullRequest pullRequest,
        List<String> archived, String reason) {

    /** The outcomes of an after-merge archive, as {@code result} in the JSON. */
    enum Result {
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

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    AfterMergeReport {
        Objects.requireNonNull(result, "result");
        archived = List.copyOf(archived);
    }

    /** A result with nothing pushed, for {@code reason}. */
    static AfterMergeReport nothingPushed(Result result, String reason) {
        return new AfterMergeReport(result, null, null, null, List.of(), reason);
    }

    /** The report of what {@link io.jenkins.plugins.upstreampr.followup.AfterMergeArchive} did. */
    static AfterMergeReport of(ArchivePushResult done, boolean merged, UpstreamPullRequest forkPullRequest) {
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
    AfterMergeReport withReason(String reason) {
        return new AfterMergeReport(result, branch, commit, pullRequest, archived, reason);
    }

    /** The single-line JSON object. */
    String toJson() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("result", result.json());
        root.put("branch", branch);
        root.put("commit", commit);
        if (pullRequest == null) {
            root.putNull("pullRequest");
        } else {
            root.putObject("pullRequest").put("number", pullRequest.number()).put("url", pullRequest.url())
                    .put("created", pullRequest.created());
        }
        ArrayNode ids = root.putArray("archived");
        archived.forEach(ids::add);
        root.put("reason", reason);
        return root.toString();
    }
}
