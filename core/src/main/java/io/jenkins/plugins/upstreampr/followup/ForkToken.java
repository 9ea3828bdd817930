package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The HTTPS token git pushes to the fork with (GitHub's {@code x-access-token} user), and the one place that knows
 * how to keep it out of text: every message, result and exception of this package goes through {@link #scrub}.
 * {@link #toString()} never shows it.
 */
public final class ForkToken {

    /** The user name GitHub accepts with an installation or personal access token over HTTPS. */
    public static final String USER = "x-access-token";

    private static final String MASK = "****";
    /** {@code scheme://user:secret@} in a URL: whatever the secret is, it is masked. */
    private static final Pattern URL_SECRET = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/@:\\s]*):[^@/\\s]+@");

    private static final ForkToken NONE = new ForkToken(null);

    private final String token;

    private ForkToken(String token) {
        this.token = token;
    }

    /**
     * A token for HTTPS pushes.
     *
     * @throws ChantException when it is empty or contains white space (a pasted line break, two values)
     */
    public static ForkToken of(String token) {
        if (token == null || token.isBlank()) {
            throw new ChantException("The fork token is empty: give the token git pushes to the fork with "
                    + "(a GitHub token with contents: write)");
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new ChantException("The fork token contains white space (a line break pasted with it?): give the "
                    + "token alone");
        }
        return new ForkToken(token);
    }

    /** No token: for remotes that need none (a local path, or credentials git finds by itself). */
    public static ForkToken none() {
        return NONE;
    }

    /** JGit's credentials for this token, or {@code null} without one. */
    CredentialsProvider credentials() {
        return token == null ? null : new UsernamePasswordCredentialsProvider(USER, token);
    }

    /** {@code text} with this token (plain or URL-encoded) and any password written into a URL masked. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = URL_SECRET.matcher(text).replaceAll("$1:" + MASK + "@");
        if (token != null) {
            out = out.replace(token, MASK);
            String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
            if (!encoded.equals(token)) {
                out = out.replace(encoded, MASK);
            }
        }
        return out;
    }

    /**
     * A copy of {@code failure}'s chain safe to keep as a cause: each link is a {@link ScrubbedCause} naming the
     * original type, with its message scrubbed and its stack trace kept.
     */
    Throwable scrub(Throwable failure) {
        if (failure == null) {
            return null;
        }
        ScrubbedCause copy = new ScrubbedCause(failure.getClass().getName() + ": " + scrub(failure.getMessage()),
                failure.getCause() == failure ? null : scrub(failure.getCause()));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    @Override
    public String toString() {
        return token == null ? "ForkToken[none]" : "ForkToken[" + MASK + "]";
    }

    /** A link of a scrubbed cause chain: the original type's name and scrubbed message. */
    static final class ScrubbedCause extends Exception {
        private static final long serialVersionUID = 1L;

        ScrubbedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
