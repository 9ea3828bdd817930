package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.chant.SpecId;
import java.util.List;
import java.util.Objects;

/**
 * What {@link AfterMergeArchive} did: the archive commit pushed to the branch, pushed to a side branch that needs a
 * pull request in the fork, nothing to do, or refused (nothing touched).
 */
public sealed interface ArchivePushResult {

    /** One line for a person. */
    String summary();

    /**
     * The archive commit is on the fork's branch.
     *
     * @param branch the fork's branch it was pushed to
     * @param commit the full SHA of the archive commit on that branch
     * @param archived the specs it archives, in the order they were moved
     * @param attempts how many pushes it took (more than one when the branch moved and the commit was rebased)
     */
    record Pushed(String branch, String commit, List<SpecId> archived, int attempts) implements ArchivePushResult {
        public Pushed {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
            archived = List.copyOf(archived);
        }

        @Override
        public String summary() {
            return "Archived " + archived.size() + " spec(s) in commit " + commit.substring(0, 12) + ", pushed to "
                    + branch + (attempts > 1 ? " (after " + (attempts - 1) + " rebase(s): the branch moved)" : "");
        }
    }

    /**
     * The fork's branch is protected: the archive commit was pushed to a side branch, and a pull request from it
     * must be opened in the fork ({@link #pullRequest()} says with what). The checkout is left as it was.
     *
     * @param branch the side branch holding the archive commit
     * @param commit the full SHA of the archive commit on the side branch
     * @param archived the specs it archives
     * @param pullRequest the pull request to open in the fork
     * @param rejection what the fork said when the push to the protected branch was rejected
     */
    record PushedToSideBranch(String branch, String commit, List<SpecId> archived, SideBranchPullRequest pullRequest,
            String rejection) implements ArchivePushResult {
        public PushedToSideBranch {
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(pullRequest, "pullRequest");
            archived = List.copyOf(archived);
        }

        @Override
        public String summary() {
            return pullRequest.base() + " is protected: archive commit " + commit.substring(0, 12) + " pushed to "
                    + branch + "; open a pull request in the fork from " + branch + " into " + pullRequest.base();
        }
    }

    /**
     * Nothing to commit: every spec is already archived on the branch. Nothing was committed or pushed.
     *
     * @param branch the fork's branch that was looked at
     * @param alreadyArchived the specs found archived, with where (as {@code ID at PATH} or the archive's reason)
     */
    record NothingToDo(String branch, List<String> alreadyArchived) implements ArchivePushResult {
        public NothingToDo {
            Objects.requireNonNull(branch, "branch");
            alreadyArchived = List.copyOf(alreadyArchived);
        }

        @Override
        public String summary() {
            return "Nothing to do: the specs are already archived on " + branch;
        }
    }

    /**
     * Nothing was archived, committed or pushed, and the checkout is as it was.
     *
     * @param reason why, and what to do about it
     */
    record Refused(String reason) implements ArchivePushResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String summary() {
            return "Refused: " + reason;
        }
    }
}
