package io.jenkins.plugins.upstreampr.followup;

import io.jenkins.plugins.upstreampr.chant.ChantException;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an upstream pull request ended, as the watcher saw it: merged, or closed without being merged (with the
 * comment that closed it, if there was one). Only a merged pull request lets its specs be archived.
 *
 * @param pullRequest the pull request as {@code OWNER/REPO#NUMBER}, e.g. {@code upstream-org/kvstore#1347}
 * @param url its web address, e.g. {@code https://github.com/upstream-org/kvstore/pull/1347}
 * @param state merged or closed unmerged
 * @param closingComment for a pull request closed unmerged, the comment that closed it, or {@code null}; always
 *     {@code null} for a merged one
 */
public record UpstreamOutcome(String pullRequest, String url, State state, String closingComment)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The two ways a pull request ends. */
    public enum State { MERGED, CLOSED_UNMERGED }

    private static final Pattern REFERENCE = Pattern.compile(
            "([A-Za-z0-9][A-Za-z0-9-]{0,38})/([A-Za-z0-9._-]{1,100})#([1-9][0-9]{0,9})");

    public UpstreamOutcome {
        if (pullRequest == null || !REFERENCE.matcher(pullRequest).matches()) {
            throw new ChantException("Invalid upstream pull request '" + pullRequest + "': expected OWNER/REPO#NUMBER, "
                    + "e.g. upstream-org/kvstore#1347");
        }
        if (url == null || url.isBlank()) {
            throw new ChantException("Missing web address of upstream pull request " + pullRequest
                    + ": give its html_url, e.g. https://github.com/OWNER/REPO/pull/N");
        }
        Objects.requireNonNull(state, "state");
        if (state == State.MERGED && closingComment != null) {
            throw new IllegalArgumentException("a merged pull request has no closing comment");
        }
    }

    /** A merged pull request. */
    public static UpstreamOutcome merged(String pullRequest, String url) {
        return new UpstreamOutcome(pullRequest, url, State.MERGED, null);
    }

    /** A pull request closed without merge, with the comment that closed it ({@code null} if none). */
    public static UpstreamOutcome closedUnmerged(String pullRequest, String url, String closingComment) {
        return new UpstreamOutcome(pullRequest, url, State.CLOSED_UNMERGED,
                closingComment == null || closingComment.isBlank() ? null : closingComment);
    }

    /**
     * How the pull request a watch looked at ended.
     *
     * @throws ChantException when it is still open (the watch has not seen it end)
     */
    public static UpstreamOutcome of(PullRequestSnapshot last) {
        return switch (last.state()) {
            case MERGED -> merged(last.pullRequest().toString(), last.url());
            case CLOSED -> closedUnmerged(last.pullRequest().toString(), last.url(),
                    last.closingComment() == null ? null : last.closingComment().body());
            case OPEN -> throw new ChantException(last.pullRequest() + " is still open: its specs are archived once "
                    + "it is merged (watch it with `upstream-pr watch --until merged`)");
        };
    }

    public boolean isMerged() {
        return state == State.MERGED;
    }

    /** The closing comment of a pull request closed unmerged, if any. */
    public Optional<String> comment() {
        return Optional.ofNullable(closingComment);
    }

    /** The repository part, {@code OWNER/REPO}. */
    public String repository() {
        return pullRequest.substring(0, pullRequest.lastIndexOf('#'));
    }

    /** The pull request number. */
    public int number() {
        Matcher m = REFERENCE.matcher(pullRequest);
        if (!m.matches()) {
            throw new IllegalStateException(pullRequest);
        }
        return Integer.parseInt(m.group(3));
    }

    /** One line for a person: what happened to the pull request. */
    public String describe() {
        if (isMerged()) {
            return pullRequest + " was merged (" + url + ")";
        }
        return pullRequest + " was closed without being merged (" + url + ")"
                + comment().map(c -> "; closing comment: \"" + c.strip() + "\"").orElse("; no closing comment");
    }
}
