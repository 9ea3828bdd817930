package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.chant.ChantTreeReader;
import io.jenkins.plugins.upstreampr.chant.Refusal;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.chant.archive.ArchiveOptions;
import io.jenkins.plugins.upstreampr.chant.archive.ArchivePlan;
import io.jenkins.plugins.upstreampr.chant.archive.ArchiveResult;
import io.jenkins.plugins.upstreampr.chant.archive.SpecArchive;
import io.jenkins.plugins.upstreampr.chant.archive.SpecMove;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Archives the specs of a merged upstream pull request in a git checkout of the fork, commits the move and pushes
 * it to the fork: {@code upstream-pr archive --after-merge}.
 *
 * <ol>
 * <li>Refuses unless the upstream pull request was merged, and unless the checkout is clean (untracked files are
 * fine) with no commit the fork's branch lacks (they would be pushed with the archive).
 * <li>Fetches the branch (named, or the fork's default) and fast-forwards the checkout to it, so the archive is
 * decided on what the fork has now.
 * <li>Archives with the shared {@link SpecArchive} (same eligibility, all or nothing, staged renames); specs that
 * are all archived already make it a no-op.
 * <li>Commits ({@code chant: Archive specs of OWNER/REPO#N}, then chant's {@code chant: Archive <ID>, <ID>}) and
 * pushes, never forced. A branch that moved meanwhile: fetch, rebase the archive commit onto it, push again, at most
 * {@code attempts} pushes in all. A protected branch: the commit goes to {@code chant/archive-upstream-N} and the
 * result says which pull request to open in the fork.
 * </ol>
 * On a refusal or failure the checkout is put back as it was (HEAD, index and tracked files); only the fork's
 * remote-tracking refs may have been updated by the fetch.
 */
public final class AfterMergeArchive {

    /** Pushes tried before giving up on a branch that keeps moving. */
    public static final int DEFAULT_ATTEMPTS = 3;

    private final SpecArchive archive;
    private final int attempts;
    private final Consumer<String> progress;

    /** With the default number of attempts and no progress lines. */
    public AfterMergeArchive(SpecArchive archive) {
        this(archive, DEFAULT_ATTEMPTS, line -> { });
    }

    /**
     * @param archive the archiving step shared with {@code upstream-pr archive}
     * @param attempts how many pushes to try in all when the branch keeps moving (at least 1)
     * @param progress receives one line per step (for a terminal or a build log); never holds the token
     */
    public AfterMergeArchive(SpecArchive archive, int attempts, Consumer<String> progress) {
        this.archive = Objects.requireNonNull(archive, "archive");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        this.attempts = attempts;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The side branch that takes the archive commit when the fork's branch is protected. */
    public static String sideBranch(UpstreamOutcome outcome) {
        return "chant/archive-upstream-" + outcome.number();
    }

    /**
     * Archives {@code specIds} (the trail of the upstream pull request) in the checkout, commits and pushes.
     *
     * @throws ChantException when the input is bad: no spec ID, no git checkout, no such remote, no such branch
     * @throws ArchivePushException when the fork cannot be reached, the archive commit cannot be rebased onto a
     *     branch that moved, the branch keeps moving, or the push is rejected for another reason; the checkout is
     *     put back as it was
     */
    public ArchivePushResult archive(ForkCheckout checkout, ForkToken token, UpstreamOutcome outcome,
            List<String> specIds) {
        Objects.requireNonNull(checkout, "checkout");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(outcome, "outcome");
        if (!outcome.isMerged()) {
            return refused(outcome.describe() + "; specs are archived only when the upstream pull request is "
                    + "merged, so nothing was archived");
        }
        if (specIds == null || specIds.isEmpty()) {
            throw new ChantException("No spec ID given: name the specs of the trail of " + outcome.pullRequest());
        }
        try (ForkGit fork = ForkGit.open(checkout, token)) {
            return new ArchiveInCheckout(fork, checkout, token, outcome, List.copyOf(specIds)).perform();
        }
    }

    private ArchivePushResult refused(String reason) {
        progress.accept("Refused: " + reason);
        return new ArchivePushResult.Refused(reason);
    }

    /**
     * The archive of one merged pull request's specs in one checkout, from fetch to push: it remembers where the
     * checkout started, so that a refusal or a failure at any step puts it back there.
     */
    private final class ArchiveInCheckout {
        private final ForkGit fork;
        private final ForkCheckout checkout;
        private final ForkToken token;
        private final UpstreamOutcome outcome;
        private final List<String> specIds;
        private ForkGit.Position start;

        ArchiveInCheckout(ForkGit fork, ForkCheckout checkout, ForkToken token, UpstreamOutcome outcome, List<String> specIds) {
            this.fork = fork;
            this.checkout = checkout;
            this.token = token;
            this.outcome = outcome;
            this.specIds = specIds;
        }

        ArchivePushResult perform() {
            List<String> unready = fork.unreadiness();
            if (!unready.isEmpty()) {
                return refused("the checkout " + checkout.directory() + " is not ready for an archive commit: "
                        + String.join("; ", unready) + ". Commit, stash or finish that first");
            }
            start = fork.position();
            String branch = checkout.namedBranch().orElseGet(fork::defaultBranch);
            say("Fetching " + branch + " from " + fork.remoteDescription());
            ObjectId tip = fork.fetch(branch);
            if (tip == null) {
                throw new ChantException("The fork " + fork.remoteDescription() + " has no branch '" + branch
                        + "': name an existing branch to push the archive commit to");
            }
            if (!fork.isAncestor(start.commit(), tip)) {
                return refused("the checkout (" + start.describe() + ") has commits that " + branch + " of the fork "
                        + "does not have; they would be pushed with the archive commit. Archive from a checkout of "
                        + branch + " (git checkout " + checkout.remote() + "/" + branch + ")");
            }
            try {
                return archiveAndPush(branch, tip);
            } catch (RuntimeException e) {
                throw restoredAfter(e);
            }
        }

        private ArchivePushResult archiveAndPush(String branch, ObjectId tip) {
            if (!tip.equals(start.commit())) {
                say("Bringing the checkout up to " + branch + " (" + tip.name() + ")");
                fork.fastForward(tip);
            }
            ArchivePlan plan = archive.plan(new ChantTreeReader().read(checkout.directory()), specIds,
                    ArchiveOptions.DEFAULTS);
            if (plan.isRefused()) {
                restore();
                return refused(plan.refusal().getMessage());
            }
            if (plan.moves().isEmpty()) {
                restore();
                List<String> already = plan.skipped().stream().map(s -> s.id() + ": " + s.reason()).toList();
                say("Nothing to do: the specs are already archived on " + branch);
                return new ArchivePushResult.NothingToDo(branch, already);
            }
            List<String> untracked = plan.moves().stream().map(SpecMove::from).filter(p -> !fork.isTracked(p))
                    .toList();
            if (!untracked.isEmpty()) {
                restore();
                return refused("not tracked by git in the checkout: " + String.join(", ", untracked)
                        + " (chant's silent mode?); an archive commit would not contain them, so nothing was "
                        + "archived. Archive them with `upstream-pr archive` instead");
            }
            ArchiveResult result;
            try {
                result = archive.execute(plan);
            } catch (Refusal refusal) {
                restore();
                return refused(refusal.getMessage());
            }
            List<SpecId> archived = result.archived().stream().map(SpecMove::id).toList();
            say("Archived " + String.join(", ", SpecId.values(archived)));
            ObjectId commit = fork.commit(message(archived, result.migrated()));
            return push(branch, commit, archived);
        }

        private ArchivePushResult push(String branch, ObjectId commit, List<SpecId> archived) {
            for (int attempt = 1; ; attempt++) {
                say("Pushing " + commit.name() + " to " + branch + " (attempt " + attempt + " of " + attempts + ")");
                ForkGit.PushOutcome pushed = fork.push(commit, branch);
                switch (pushed.kind()) {
                    case PUSHED -> {
                        say("Pushed the archive commit to " + branch);
                        return new ArchivePushResult.Pushed(branch, commit.name(), archived, attempt);
                    }
                    case PROTECTED -> {
                        return pushToSideBranch(branch, commit, archived, pushed.detail());
                    }
                    case REJECTED -> throw new ArchivePushException("The fork rejected the archive commit for "
                            + branch + " (" + pushed.detail() + "); nothing was pushed", null);
                    case MOVED -> {
                        if (attempt >= attempts) {
                            throw new ArchivePushException(branch + " of the fork kept moving: " + attempts
                                    + " push(es) rejected (last: " + pushed.detail() + "); nothing was pushed. Run "
                                    + "the archive again when the branch is quiet", null);
                        }
                        say(branch + " moved (" + pushed.detail() + "); fetching it and rebasing the archive commit");
                        ObjectId tip = fork.fetch(branch);
                        if (tip == null) {
                            throw new ChantException("The branch '" + branch + "' was deleted from the fork "
                                    + fork.remoteDescription() + " while archiving: name an existing branch");
                        }
                        ObjectId base = fork.parentOf(commit);
                        if (!fork.isAncestor(base, tip)) {
                            throw new ArchivePushException(branch + " of the fork was rewritten (its new head "
                                    + tip.name() + " does not contain " + base.name() + "); nothing was pushed. "
                                    + "Look at the branch, then run the archive again", null);
                        }
                        List<String> conflicts = fork.rebaseOnto(tip);
                        if (!conflicts.isEmpty()) {
                            throw new ArchivePushException("The archive commit does not rebase onto the new head "
                                    + tip.name() + " of " + branch + ": conflict in " + String.join(", ", conflicts)
                                    + " (someone changed those specs meanwhile); nothing was pushed. Look at "
                                    + branch + ", then run the archive again", null);
                        }
                        commit = fork.position().commit();
                        if (fork.treeOf(commit).equals(fork.treeOf(tip))) {
                            restore();
                            say("Nothing to do: " + branch + " already has this archive");
                            return new ArchivePushResult.NothingToDo(branch, SpecId.values(archived).stream()
                                    .map(id -> id + ": archived on " + branch + " meanwhile").toList());
                        }
                    }
                    default -> throw new IllegalStateException(pushed.kind().toString());
                }
            }
        }

        private ArchivePushResult pushToSideBranch(String branch, ObjectId commit, List<SpecId> archived,
                String rejection) {
            String side = sideBranch(outcome);
            say(branch + " is protected (" + rejection + "); pushing the archive commit to " + side);
            ForkGit.PushOutcome pushed = fork.push(commit, side);
            if (pushed.kind() != ForkGit.PushKind.PUSHED) {
                ObjectId existing = pushed.kind() == ForkGit.PushKind.MOVED ? fork.fetch(side) : null;
                if (existing == null || !fork.treeOf(existing).equals(fork.treeOf(commit))) {
                    throw new ArchivePushException(branch + " is protected (" + rejection + ") and the archive "
                            + "commit could not be pushed to " + side + " either (" + pushed.detail() + "); "
                            + "nothing was pushed. If " + side + " is left from an earlier run, merge or delete it, "
                            + "then run the archive again", null);
                }
                say(side + " already holds this archive (" + existing.name() + ")");
                commit = existing;
            }
            restore();
            return new ArchivePushResult.PushedToSideBranch(side, commit.name(), archived,
                    pullRequest(side, branch, archived), rejection);
        }

        private SideBranchPullRequest pullRequest(String side, String base, List<SpecId> archived) {
            String title = "chant: Archive specs of " + outcome.pullRequest();
            String list = archived.stream().map(id -> "- `" + id + "`").collect(Collectors.joining("\n"));
            String body = "The upstream pull request " + outcome.pullRequest() + " (" + outcome.url()
                    + ") was merged, so the specs of its trail move to `.chant/archive/`, as `chant archive` "
                    + "moves them:\n\n" + list + "\n\n`" + base + "` is protected, so the archive commit could not "
                    + "be pushed to it directly; merging this pull request archives them.\n";
            return new SideBranchPullRequest(side, base, title, body);
        }

        private String message(List<SpecId> archived, List<SpecMove> migrated) {
            StringBuilder m = new StringBuilder("chant: Archive specs of ").append(outcome.pullRequest())
                    .append("\n\nchant: Archive ").append(String.join(", ", SpecId.values(archived)))
                    .append("\n\nUpstream pull request ").append(outcome.pullRequest()).append(" was merged: ")
                    .append(outcome.url()).append('\n');
            if (!migrated.isEmpty()) {
                m.append("\nFlat archive files moved into their folders first, as chant does: ")
                        .append(migrated.stream().map(SpecMove::from).collect(Collectors.joining(", ")))
                        .append('\n');
            }
            return m.toString();
        }

        private void restore() {
            fork.restore(start);
        }

        /** The failure, after putting the checkout back; its message says whether that worked. */
        private RuntimeException restoredAfter(RuntimeException e) {
            String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            try {
                restore();
            } catch (RuntimeException restoreFailed) {
                return new ArchivePushException(token.scrub(what) + ". The checkout could NOT be put back "
                        + "to " + start.describe() + " (" + token.scrub(restoreFailed.getMessage())
                        + "): look at it before anything else", token.scrub(e));
            }
            String message = token.scrub(what) + ". The checkout is as it was (" + start.describe() + ")";
            if (e instanceof Refusal) {
                return new Refusal(message);
            }
            if (e instanceof ChantException) {
                return new ChantException(message);
            }
            return new ArchivePushException(message, e instanceof ArchivePushException ? e.getCause() : token.scrub(e));
        }

        private void say(String line) {
            progress.accept(token.scrub(line));
        }
    }

}
