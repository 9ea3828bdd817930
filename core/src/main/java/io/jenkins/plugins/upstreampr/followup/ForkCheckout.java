package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * A git checkout of the fork and where its archive commit goes.
 *
 * @param directory the checkout's root, the directory holding {@code .chant/}
 * @param remote the name of the fork's remote in that checkout (usually {@code origin})
 * @param branch the branch of the fork to push the archive commit to, or {@code null} for the fork's default
 *     branch (the remote's {@code HEAD})
 */
public record ForkCheckout(Path directory, String remote, String branch) {

    /** The remote name a clone gives its origin. */
    public static final String DEFAULT_REMOTE = Constants.DEFAULT_REMOTE_NAME;

    public ForkCheckout {
        Objects.requireNonNull(directory, "directory");
        if (remote == null || remote.isBlank()) {
            remote = DEFAULT_REMOTE;
        }
        if (branch != null && (branch.isBlank() || branch.startsWith(Constants.R_REFS)
                || !Repository.isValidRefName(Constants.R_HEADS + branch))) {
            throw new ChantException("Invalid branch '" + branch + "': give a branch name of the fork such as "
                    + "main (not refs/heads/main), or none for the fork's default branch");
        }
    }

    /** The checkout at {@code directory}, pushing to the default branch of remote {@code origin}. */
    public static ForkCheckout of(Path directory) {
        return new ForkCheckout(directory, DEFAULT_REMOTE, null);
    }

    /** The same checkout, pushing to {@code branch}. */
    public ForkCheckout toBranch(String branch) {
        return new ForkCheckout(directory, remote, branch);
    }

    /** The branch named by the user, if any. */
    public Optional<String> namedBranch() {
        return Optional.ofNullable(branch);
    }
}
