package io.jenkins.plugins.upstreampr.github;

import java.util.Objects;

/**
 * One check on the staging commit.
 *
 * @param name the commit status {@code context} or the check run {@code name} (for a missing required check,
 *        the pattern that matched nothing)
 * @param state its state
 * @param url where a human can see it (status {@code target_url}, check run {@code html_url}); may be null
 * @param source where it came from
 * @param required whether it decides the verdict (every check does when no required checks are named)
 * @param conclusion GitHub's own word for it, kept because {@link #state} folds several into one: a completed check
 *        run's {@code conclusion} ({@code success}, {@code neutral}, {@code skipped}, {@code failure},
 *        {@code cancelled}, {@code timed_out}, {@code action_required}, {@code stale}), a running one's
 *        {@code status} ({@code queued}, {@code in_progress}...), a commit status's {@code state} ({@code success},
 *        {@code pending}, {@code failure}, {@code error}); {@code null} when not reported
 */
public record CheckResult(String name, CheckState state, String url, Source source, boolean required,
        String conclusion) {

    /** Where a check was reported. */
    public enum Source {
        /** A commit status (combined status API). */
        COMMIT_STATUS,
        /** A check run (checks API). */
        CHECK_RUN,
        /** Not reported at all: a required check that is missing. */
        NOT_REPORTED
    }

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(source, "source");
        conclusion = conclusion == null || conclusion.isBlank() ? null : conclusion;
    }

    /** A check without GitHub's own word for it (a required check not reported, or built by hand). */
    public CheckResult(String name, CheckState state, String url, Source source, boolean required) {
        this(name, state, url, source, required, null);
    }

    /** This check with {@code required} set as given, everything else kept. */
    CheckResult withRequired(boolean required) {
        return new CheckResult(name, state, url, source, required, conclusion);
    }

    /**
     * The state as shown to a person: {@code success}, or {@code success (skipped)} when GitHub's own conclusion
     * says more than the state it counts as (a skipped or neutral check run passes, but a person should see that it
     * did not run, or did not judge).
     */
    public String shownState() {
        return conclusion == null || conclusion.equals(state.json()) ? state.json()
                : state.json() + " (" + conclusion + ")";
    }
}
