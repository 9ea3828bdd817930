package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.RebaseCommand;
import org.eclipse.jgit.api.RebaseResult;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryState;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;

/**
 * The checkout of the fork as {@link AfterMergeArchive} uses it, through JGit: where HEAD is, whether it is clean,
 * fetching and pushing one branch (never forced, with the token), rebasing the archive commit, putting HEAD back.
 * Every failure becomes an {@link ArchivePushException} or {@link ChantException} whose text went through
 * {@link ForkToken#scrub}.
 */
final class ForkGit implements AutoCloseable {

    /** GitHub's words for a push refused by branch protection or a ruleset. */
    private static final Pattern PROTECTED = Pattern.compile(
            "(?i)GH006|GH013|protected branch|repository rule violations");
    /** What servers say when the branch moved between the advertisement and the update. */
    private static final Pattern MOVED = Pattern.compile(
            "(?i)fetch first|non-fast-forward|failed to lock|failed to update ref|cannot lock ref|stale info"
                    + "|incorrect old value");

    /** Where HEAD was: on a branch (its full ref name) or detached ({@code branch} null), at a commit. */
    record Position(String branch, ObjectId commit) {
        String describe() {
            return (branch == null ? "detached HEAD" : Repository.shortenRefName(branch)) + " at " + commit.name();
        }
    }

    /** How a push went. */
    enum PushKind { PUSHED, MOVED, PROTECTED, REJECTED }

    /** How a push went, with what the fork said (scrubbed). */
    record PushOutcome(PushKind kind, String detail) {
    }

    private final Git git;
    private final Repository repository;
    private final ForkToken token;
    private final String remote;
    private final RemoteConfig remoteConfig;
    private final String remoteDescription;
    private final String prefix;

    private ForkGit(Git git, ForkToken token, String remote, RemoteConfig remoteConfig, String prefix) {
        this.git = git;
        this.repository = git.getRepository();
        this.token = token;
        this.remote = remote;
        this.remoteConfig = remoteConfig;
        this.remoteDescription = remote + " (" + token.scrub(remoteConfig.getURIs().get(0).toString()) + ")";
        this.prefix = prefix;
    }

    /**
     * Opens the git checkout holding {@code checkout.directory()}.
     *
     * @throws ChantException when there is none, it is bare, or it has no such remote
     */
    static ForkGit open(ForkCheckout checkout, ForkToken token) {
        Path dir = checkout.directory().toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            throw new ChantException(dir + " is not inside a git checkout: clone the fork and pass the root of that "
                    + "clone (the directory holding .chant/)");
        }
        Repository repository = null;
        try {
            repository = builder.build();
            if (repository.isBare()) {
                throw new ChantException(builder.getGitDir() + " is a bare repository: pass a checkout of the fork "
                        + "with a work tree");
            }
            Path work = repository.getWorkTree().toPath().toRealPath();
            Path real = dir.toRealPath();
            String rel = work.relativize(real).toString().replace(File.separatorChar, '/');
            RemoteConfig config = new RemoteConfig(repository.getConfig(), checkout.remote());
            if (config.getURIs().isEmpty()) {
                throw new ChantException("The checkout " + work + " has no remote named '" + checkout.remote()
                        + "': add the fork as that remote (git remote add " + checkout.remote() + " URL) or name "
                        + "the fork's remote");
            }
            ForkGit fork = new ForkGit(new Git(repository, true), token, checkout.remote(), config,
                    rel.isEmpty() ? "" : rel + "/");
            repository = null;
            return fork;
        } catch (IOException | URISyntaxException e) {
            throw new ChantException("Cannot open the git checkout at " + dir + " (" + token.scrub(e.getMessage())
                    + "): check that it is a clone of the fork");
        } finally {
            if (repository != null) {
                repository.close();
            }
        }
    }

    /** The remote's name and address (without any secret), for messages. */
    String remoteDescription() {
        return remoteDescription;
    }

    /** Where HEAD is now. */
    Position position() {
        try {
            Ref head = repository.exactRef(Constants.HEAD);
            if (head == null || head.getObjectId() == null) {
                throw new ChantException("The checkout " + repository.getWorkTree() + " has no commit yet: clone "
                        + "the fork");
            }
            return new Position(head.isSymbolic() ? head.getTarget().getName() : null, head.getObjectId());
        } catch (IOException e) {
            throw failure("Cannot read HEAD of " + repository.getWorkTree(), e);
        }
    }

    /**
     * Why the checkout is not ready for an archive commit: an operation in progress, or tracked files with
     * uncommitted changes (untracked files are fine). Empty when it is ready.
     */
    List<String> unreadiness() {
        List<String> problems = new ArrayList<>();
        RepositoryState state = repository.getRepositoryState();
        if (state != RepositoryState.SAFE) {
            problems.add("a " + state.getDescription() + " is in progress");
        }
        try {
            Status status = git.status().call();
            TreeSet<String> changed = new TreeSet<>();
            changed.addAll(status.getAdded());
            changed.addAll(status.getChanged());
            changed.addAll(status.getRemoved());
            changed.addAll(status.getMissing());
            changed.addAll(status.getModified());
            changed.addAll(status.getConflicting());
            if (!changed.isEmpty()) {
                List<String> shown = changed.stream().limit(5).toList();
                problems.add("tracked files have uncommitted changes (" + String.join(", ", shown)
                        + (changed.size() > shown.size() ? " and " + (changed.size() - shown.size()) + " more" : "")
                        + ")");
            }
        } catch (GitAPIException e) {
            throw failure("Cannot read the status of " + repository.getWorkTree(), e);
        }
        return problems;
    }

    /**
     * The fork's default branch: the branch its {@code HEAD} points to, as the remote says, else as the remote's
     * {@code HEAD} recorded in the checkout says.
     */
    String defaultBranch() {
        try {
            Map<String, Ref> refs = git.lsRemote().setRemote(remote).setCredentialsProvider(token.credentials())
                    .callAsMap();
            Ref head = refs.get(Constants.HEAD);
            if (head != null && head.isSymbolic() && head.getTarget().getName().startsWith(Constants.R_HEADS)) {
                return head.getTarget().getName().substring(Constants.R_HEADS.length());
            }
            Ref local = repository.exactRef(Constants.R_REMOTES + remote + "/" + Constants.HEAD);
            if (local != null && local.isSymbolic()) {
                String target = local.getTarget().getName();
                String tracking = Constants.R_REMOTES + remote + "/";
                if (target.startsWith(tracking)) {
                    return target.substring(tracking.length());
                }
            }
        } catch (GitAPIException | IOException e) {
            throw failure("Cannot ask the fork " + remoteDescription + " for its default branch", e);
        }
        throw new ChantException("The fork " + remoteDescription + " does not say which branch is its default: "
                + "name the branch to push the archive commit to");
    }

    /** Fetches {@code branch} into the remote-tracking ref; returns its commit, or {@code null} if it does not exist. */
    ObjectId fetch(String branch) {
        String ref = Constants.R_HEADS + branch;
        try {
            FetchResult result = git.fetch().setRemote(remote).setCredentialsProvider(token.credentials())
                    .setTagOpt(TagOpt.NO_TAGS).setRemoveDeletedRefs(false)
                    .setRefSpecs(new RefSpec("+" + ref + ":" + Constants.R_REMOTES + remote + "/" + branch))
                    .call();
            Ref advertised = result.getAdvertisedRef(ref);
            return advertised == null ? null : advertised.getObjectId();
        } catch (GitAPIException | RuntimeException e) {
            throw failure("Cannot fetch " + branch + " from the fork " + remoteDescription, e);
        }
    }

    /** Whether commit {@code a} is {@code b} or one of its ancestors. */
    boolean isAncestor(ObjectId a, ObjectId b) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.isMergedInto(walk.parseCommit(a), walk.parseCommit(b));
        } catch (IOException e) {
            throw failure("Cannot compare commits " + a.name() + " and " + b.name(), e);
        }
    }

    /** The tree of a commit. */
    ObjectId treeOf(ObjectId commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(commit).getTree().getId();
        } catch (IOException e) {
            throw failure("Cannot read commit " + commit.name(), e);
        }
    }

    /** The first parent of a commit. */
    ObjectId parentOf(ObjectId commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit c = walk.parseCommit(commit);
            return c.getParentCount() == 0 ? null : c.getParent(0).getId();
        } catch (IOException e) {
            throw failure("Cannot read commit " + commit.name(), e);
        }
    }

    /**
     * Moves HEAD (its branch, or HEAD itself when detached) forward to {@code tip}, updating the work tree; a
     * conflict with an untracked file fails and changes nothing.
     */
    void fastForward(ObjectId tip) {
        try {
            if (position().branch() != null) {
                MergeResult result = git.merge().include(tip).setFastForward(MergeCommand.FastForwardMode.FF_ONLY)
                        .setCommit(true).call();
                if (!result.getMergeStatus().isSuccessful()) {
                    throw new ArchivePushException("Cannot bring the checkout up to " + tip.name() + " ("
                            + result.getMergeStatus() + (result.getFailingPaths() == null ? ""
                                    : ", failing paths " + result.getFailingPaths().keySet()) + ")", null);
                }
            } else {
                git.checkout().setName(tip.name()).call();
            }
        } catch (GitAPIException e) {
            throw failure("Cannot bring the checkout up to " + tip.name()
                    + " (an untracked file in the way?); move untracked files that the fork's branch now tracks", e);
        }
    }

    /** Whether a path relative to the chant root is tracked (in the index). */
    boolean isTracked(String rootRelative) {
        try {
            return repository.readDirCache().findEntry(prefix + rootRelative) >= 0;
        } catch (IOException e) {
            throw failure("Cannot read the git index of " + repository.getWorkTree(), e);
        }
    }

    /** Commits the index on HEAD. */
    ObjectId commit(String message) {
        try {
            return git.commit().setMessage(message).setAllowEmpty(false).call().getId();
        } catch (GitAPIException e) {
            throw failure("Cannot commit the archive in " + repository.getWorkTree(), e);
        }
    }

    /**
     * Pushes {@code commit} to the fork's {@code branch}, never forced. Uses the remote's configured
     * {@code receivepack} program, as git does (JGit's push command would otherwise ignore it).
     */
    PushOutcome push(ObjectId commit, String branch) {
        try {
            Iterable<PushResult> results = git.push().setRemote(remote).setCredentialsProvider(token.credentials())
                    .setForce(false).setReceivePack(remoteConfig.getReceivePack())
                    .setRefSpecs(new RefSpec(commit.name() + ":" + Constants.R_HEADS + branch)).call();
            for (PushResult result : results) {
                RemoteRefUpdate update = result.getRemoteUpdate(Constants.R_HEADS + branch);
                if (update != null) {
                    return classify(update, result.getMessages());
                }
            }
            return new PushOutcome(PushKind.REJECTED, "the fork reported nothing about " + branch);
        } catch (GitAPIException | RuntimeException e) {
            throw failure("Cannot push to " + branch + " of the fork " + remoteDescription, e);
        }
    }

    private PushOutcome classify(RemoteRefUpdate update, String messages) {
        String said = token.scrub(((update.getMessage() == null ? "" : update.getMessage()) + " "
                + (messages == null ? "" : messages)).strip().replaceAll("\\s*\\R\\s*", " "));
        String detail = update.getStatus() + (said.isEmpty() ? "" : ": " + said);
        return switch (update.getStatus()) {
            case OK, UP_TO_DATE -> new PushOutcome(PushKind.PUSHED, detail);
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> new PushOutcome(PushKind.MOVED, detail);
            case REJECTED_OTHER_REASON -> PROTECTED.matcher(said).find() ? new PushOutcome(PushKind.PROTECTED, detail)
                    : MOVED.matcher(said).find() ? new PushOutcome(PushKind.MOVED, detail)
                    : new PushOutcome(PushKind.REJECTED, detail);
            default -> new PushOutcome(PushKind.REJECTED, detail);
        };
    }

    /**
     * Rebases HEAD onto {@code upstream}. On a conflict (or any other stop) the rebase is aborted and the conflicting
     * paths are returned; empty on success.
     */
    List<String> rebaseOnto(ObjectId upstream) {
        try {
            RebaseResult result = git.rebase().setUpstream(upstream).call();
            if (result.getStatus().isSuccessful()) {
                return List.of();
            }
            List<String> paths = new ArrayList<>();
            if (result.getConflicts() != null) {
                paths.addAll(result.getConflicts());
            }
            if (result.getFailingPaths() != null) {
                paths.addAll(result.getFailingPaths().keySet());
            }
            if (result.getUncommittedChanges() != null) {
                paths.addAll(result.getUncommittedChanges());
            }
            if (paths.isEmpty() && repository.getRepositoryState() != RepositoryState.SAFE) {
                paths.addAll(new TreeSet<>(git.status().call().getConflicting()));
            }
            abortRebase();
            return paths.isEmpty() ? List.of("(rebase " + result.getStatus() + ")") : paths;
        } catch (GitAPIException e) {
            throw failure("Cannot rebase the archive commit onto " + upstream.name(), e);
        }
    }

    private void abortRebase() {
        RepositoryState state = repository.getRepositoryState();
        if (state == RepositoryState.REBASING_MERGE || state == RepositoryState.REBASING_INTERACTIVE
                || state == RepositoryState.REBASING || state == RepositoryState.REBASING_REBASING) {
            try {
                git.rebase().setOperation(RebaseCommand.Operation.ABORT).call();
            } catch (GitAPIException e) {
                throw failure("Cannot abort the rebase in " + repository.getWorkTree(), e);
            }
        }
    }

    /**
     * Puts HEAD back where it was: aborts a rebase left in progress, re-attaches HEAD to its branch, resets the
     * branch (or the detached HEAD), index and tracked files to the commit. Untracked files are not touched.
     */
    void restore(Position start) {
        abortRebase();
        try {
            if (start.branch() != null) {
                Ref head = repository.exactRef(Constants.HEAD);
                if (!head.isSymbolic() || !head.getTarget().getName().equals(start.branch())) {
                    RefUpdate link = repository.updateRef(Constants.HEAD);
                    link.link(start.branch());
                }
            }
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(start.commit().name()).call();
        } catch (GitAPIException | IOException e) {
            throw failure("Cannot put the checkout back to " + start.describe(), e);
        }
    }

    private ArchivePushException failure(String what, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !reason.contains(root.getMessage())) {
            reason = reason + ": " + root.getMessage();
        }
        return new ArchivePushException(token.scrub(what + ": " + reason), token.scrub(e));
    }

    @Override
    public void close() {
        git.close();
    }
}
