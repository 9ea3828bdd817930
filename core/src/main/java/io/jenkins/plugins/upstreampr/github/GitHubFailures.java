package io.jenkins.plugins.upstreampr.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The one place where a failed GitHub call becomes a {@link GitHubException} of its {@link GitHubException.Kind}
 * (the role github-api's {@code GitHubConnectorResponseErrorHandler} and its rate-limit and abuse-limit handlers have
 * for {@code GitHubClient}): an answer outside 2xx, no answer, an answer that is not GitHub's JSON, an interruption.
 * It classifies and explains; whether the failure is tried again is {@link RetryRule}'s decision, taken on the kind.
 *
 * <p>Messages name the operation, GitHub's own {@code message} and {@code errors} and a remedy, never a request
 * header, so they cannot carry a token.
 */
final class GitHubFailures {

    private final URI apiUrl;

    /** Failures of calls to {@code apiUrl} (named in the messages that point at a wrong endpoint). */
    GitHubFailures(URI apiUrl) {
        this.apiUrl = apiUrl;
    }

    /**
     * An answer outside 2xx: {@link GitHubException.Kind#RATE_LIMITED} when it shows rate-limit signs, else the kind
     * its status says.
     *
     * @param error the answer's body parsed as JSON, or null when it is none
     * @param now when the answer came (a reset given as a delay counts from it)
     * @param maxWait the bound of the effort's waits, named when a rate limit resets later
     * @param attempts how many times the call was sent in a row, this one included
     */
    GitHubException answered(String what, GitHubConnectorResponse response, JsonNode error, Instant now,
            Duration maxWait, int attempts) {
        int status = response.statusCode();
        Instant reset = rateLimitReset(response, error, status, now);
        GitHubException.Kind kind = reset != null ? GitHubException.Kind.RATE_LIMITED : kindOf(status);
        return failure(kind, status, what, error, reset, maxWait, attempts);
    }

    /** No answer (timeout, refused or dropped connection, an interrupted send). */
    GitHubException unreachable(String what, int attempts, IOException e) {
        return new GitHubException(GitHubException.Kind.UNREACHABLE, -1,
                "No answer from " + apiUrl + " while " + what + (attempts > 1 ? " after " + attempts + " attempts" : "")
                        + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). "
                        + "Check the API URL (--api-url), the network and any proxy, then try again.",
                null, List.of(), e);
    }

    /** A 2xx answer whose body is not JSON: the API URL most likely points elsewhere than a GitHub REST API. */
    GitHubException notJson(String what, int status) {
        return new GitHubException(GitHubException.Kind.UNEXPECTED, status,
                "GitHub answered " + what + " (HTTP " + status + ") with a body that is not JSON. "
                        + "Check that the API URL (" + apiUrl + ") points to a GitHub REST API "
                        + "(https://api.github.com or https://HOST/api/v3).",
                null, List.of(), null);
    }

    /** A next-page link to another host than the API URL's: not followed, so credentials never go elsewhere. */
    GitHubException foreignNextLink(int status, String host) {
        return new GitHubException(GitHubException.Kind.UNEXPECTED, status,
                "GitHub's next-page link points to another host (" + host + ") than the API URL ("
                        + apiUrl.getHost() + "); refusing to follow it.",
                null, List.of(), null);
    }

    /**
     * An interruption (an abort) while waiting or before sending: {@link GitHubException.Kind#UNREACHABLE} with the
     * interruption as its cause, which {@link #interrupted} recognises.
     */
    static GitHubException interruption(String message, InterruptedException cause) {
        return new GitHubException(GitHubException.Kind.UNREACHABLE, -1, message, null, List.of(), cause);
    }

    /** Whether {@code failure} is an interruption (an abort): never retried, never followed by another request. */
    static boolean interrupted(GitHubException failure) {
        Throwable cause = failure.getCause();
        return cause instanceof InterruptedException
                || cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException);
    }

    /**
     * When the rate limit that refused this answer resets, or null when the answer shows no rate-limit sign. Primary
     * limit: {@code X-RateLimit-Remaining: 0}, until {@code X-RateLimit-Reset}; secondary: 403 or 429 with
     * {@code Retry-After}, or GitHub's documented message, a minute when it says no time.
     */
    private static Instant rateLimitReset(GitHubConnectorResponse response, JsonNode error, int status, Instant now) {
        if (status != 403 && status != 429) {
            return null;
        }
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            try {
                return now.plusSeconds(Long.parseLong(retryAfter.trim()));
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall through to the other signs
            }
        }
        if ("0".equals(response.header("X-RateLimit-Remaining"))) {
            String reset = response.header("X-RateLimit-Reset");
            try {
                return reset == null ? now.plusSeconds(60) : Instant.ofEpochSecond(Long.parseLong(reset.trim()));
            } catch (NumberFormatException e) {
                return now.plusSeconds(60);
            }
        }
        String message = error == null ? "" : error.path("message").asText("");
        if (status == 429 || message.toLowerCase(Locale.ROOT).contains("rate limit")) {
            return now.plusSeconds(60);
        }
        return null;
    }

    private static GitHubException.Kind kindOf(int status) {
        if (status == 401) {
            return GitHubException.Kind.BAD_CREDENTIALS;
        } else if (status == 403) {
            return GitHubException.Kind.FORBIDDEN;
        } else if (status == 404 || status == 410) {
            return GitHubException.Kind.NOT_FOUND;
        } else if (status == 422) {
            return GitHubException.Kind.VALIDATION;
        } else if (status >= 500) {
            return GitHubException.Kind.SERVER_ERROR;
        }
        return GitHubException.Kind.UNEXPECTED;
    }

    private GitHubException failure(GitHubException.Kind kind, int status, String what, JsonNode error,
            Instant reset, Duration maxWait, int attempts) {
        String githubMessage = error == null ? "" : error.path("message").asText("");
        List<String> details = new ArrayList<>();
        if (error != null) {
            for (JsonNode e : error.path("errors")) {
                if (e.isTextual()) {
                    details.add(e.asText());
                } else if (e.hasNonNull("message")) {
                    details.add(e.get("message").asText());
                } else {
                    details.add((e.path("resource").asText("") + " " + e.path("field").asText("") + " "
                            + e.path("code").asText("")).trim().replaceAll("\\s+", " "));
                }
            }
        }
        String said = "HTTP " + status + (githubMessage.isEmpty() ? "" : ": " + githubMessage)
                + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")");
        String message = switch (kind) {
            case BAD_CREDENTIALS -> "GitHub rejected the credentials while " + what + " (" + said + "). "
                    + "Check the token (GITHUB_TOKEN, --token-file or the Jenkins credential): it may be mistyped, "
                    + "expired or revoked, or meant for another GitHub (API URL " + apiUrl + ").";
            case FORBIDDEN -> "GitHub refused " + what + " (" + said + "). The credentials lack a permission: "
                    + "they need read access to the staging repository and 'Pull requests: write' on the upstream "
                    + "repository (classic token: 'public_repo' or 'repo' scope); an organization may also require "
                    + "SSO authorization of the token.";
            case RATE_LIMITED -> "GitHub's rate limit stopped " + what + " (" + said + "); it resets at "
                    + reset.truncatedTo(ChronoUnit.SECONDS)
                    + ", later than this run waits for (at most " + RetryProgress.Retry.seconds(maxWait)
                    + " in all). Wait until then, allow a longer wait (upstream-pr --max-wait), or use credentials "
                    + "with a higher limit (a GitHub App installation).";
            case NOT_FOUND -> "Not found while " + what + " (" + said + "). Check the name; GitHub also answers 404 "
                    + "when the credentials cannot see a private repository.";
            case VALIDATION -> "GitHub refused " + what + " (" + said + ").";
            case SERVER_ERROR -> "GitHub failed while " + what + " (" + said + ")"
                    + (attempts > 1 ? " " + attempts + " times in a row" : "")
                    + ". GitHub may be having an incident (https://www.githubstatus.com); try again later.";
            default -> "Unexpected answer from GitHub while " + what + " (" + said + ").";
        };
        return new GitHubException(kind, status, message, reset, details, null);
    }
}
