package io.jenkins.plugins.upstreampr.github;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A GitHub call that failed, classified so callers can react (wait, re-authenticate, stop) and so the
 * message can tell a human which repository or ref was involved and what to do.
 *
 * <p>Messages are built from the operation, GitHub's own {@code message}/{@code errors} fields and a
 * remedy; never from request headers, so they cannot contain a token.
 */
public final class GitHubException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Kind {
        /** 401: the token is invalid, expired or revoked. */
        BAD_CREDENTIALS,
        /** 403 without rate-limit signs: the token lacks a permission or scope. */
        FORBIDDEN,
        /** 403/429 with rate-limit signs (primary or secondary limit). */
        RATE_LIMITED,
        /** 404: the repository, branch or pull request does not exist, or the token cannot see it. */
        NOT_FOUND,
        /** 422: GitHub refused the request's content; see {@link #details()}. */
        VALIDATION,
        /** 5xx, still failing after the bounded retries. */
        SERVER_ERROR,
        /** No answer (timeout, connection refused or reset), still failing after the bounded retries. */
        UNREACHABLE,
        /** Any other unexpected answer (e.g. a body that is not the JSON GitHub documents). */
        UNEXPECTED
    }

    private final Kind kind;
    private final int status;
    private final transient Instant rateLimitReset;
    private final List<String> details;

    GitHubException(Kind kind, int status, String message, Instant rateLimitReset, List<String> details,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.rateLimitReset = rateLimitReset;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    /**
     * An answer from GitHub that is not what its description documents (a field missing, a value out of range).
     *
     * @param status the HTTP status of the answer
     * @param message what was read and what is wrong with it, naming the repository or pull request; never a
     *        header or a token
     */
    public static GitHubException unexpected(int status, String message) {
        return new GitHubException(Kind.UNEXPECTED, status, message, null, List.of(), null);
    }

    /** The classification. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or -1 when no answer was received. */
    public int status() {
        return status;
    }

    /** When the rate limit resets (from {@code X-RateLimit-Reset} or {@code Retry-After}), if known. */
    public Optional<Instant> rateLimitReset() {
        return Optional.ofNullable(rateLimitReset);
    }

    /**
     * GitHub's explanations from a 422 answer's {@code errors} array (its {@code message}, or
     * {@code field code} when there is no message), in order.
     */
    public List<String> details() {
        return details;
    }

    /** True for a 422 whose details contain {@code fragment} (case-insensitive). */
    boolean validationSays(String fragment) {
        if (kind != Kind.VALIDATION) {
            return false;
        }
        String needle = fragment.toLowerCase(Locale.ROOT);
        return details.stream().anyMatch(d -> d.toLowerCase(Locale.ROOT).contains(needle));
    }
}
