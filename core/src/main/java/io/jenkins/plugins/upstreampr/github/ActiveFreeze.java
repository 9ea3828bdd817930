package io.jenkins.plugins.upstreampr.github;

import java.util.Objects;
import java.util.Optional;

/**
 * A freeze of the upstream project in effect now, and where it was declared: while one is in effect the gate
 * refuses to open the upstream pull request unless a human overrides it with a reason.
 *
 * @param source where the freeze was declared
 * @param declaredIn the place in words, for a human ({@code the configuration},
 *        {@code upstream/project:.github/FREEZE on main, line 3}, {@code label 'freeze' on https://...})
 * @param reason why, as declared (a window's reason, the freeze file's first line, the labelled issue's title);
 *        may be empty
 * @param window the freeze window containing today, or empty for a standing freeze (a freeze file without
 *        windows, a label)
 */
public record ActiveFreeze(Source source, String declaredIn, String reason, Optional<FreezeWindow> window) {

    /** Where a freeze is declared. */
    public enum Source {
        /** A window of the step or CLI configuration. */
        CONFIGURATION,
        /** The freeze file in the upstream repository. */
        FILE,
        /** The freeze label on an open upstream issue or pull request. */
        LABEL
    }

    public ActiveFreeze {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(declaredIn, "declaredIn");
        reason = reason == null ? "" : reason.strip();
        Objects.requireNonNull(window, "window");
    }
}
