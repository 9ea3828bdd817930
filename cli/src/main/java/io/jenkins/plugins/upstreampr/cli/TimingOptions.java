package io.jenkins.plugins.upstreampr.cli;

import io.jenkins.plugins.upstreampr.github.FreezeWindow;
import io.jenkins.plugins.upstreampr.github.TimingPolicy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The timing guard's options, shared by {@code preflight} and {@code gate}: declared freeze windows, a freeze file or
 * label in the upstream repository, and how far ahead to look for milestones.
 */
final class TimingOptions {

    @Option(names = "--freeze", paramLabel = "FROM..TO[:REASON]",
            description = "A declared upstream freeze window (ISO dates, inclusive); repeatable.")
    private List<String> freezes = new ArrayList<>();

    @Option(names = "--freeze-file", paramLabel = "PATH",
            description = "A file of the upstream repository declaring a freeze (e.g. .github/FREEZE), read from the "
                    + "base branch (one more request): absent means no freeze; lines FROM..TO[: REASON] are freeze "
                    + "windows; a file without such lines freezes as long as it exists, its first line the reason.")
    private String freezeFile;

    @Option(names = "--freeze-label", paramLabel = "NAME",
            description = "Frozen while an open upstream issue or pull request carries this label (one more "
                    + "request); the reason is that issue's title and address.")
    private String freezeLabel;

    @Option(names = "--milestone-days", paramLabel = "N", defaultValue = "0",
            description = "Warn about open upstream milestones due within N days (one more request). A release "
                    + "due is read from milestones only: GitHub releases have no due date, and draft releases are "
                    + "listed only to users with push access.")
    private int milestoneDays;

    /**
     * The policy these options describe.
     *
     * @throws IllegalArgumentException for a malformed window, path or label (a usage error)
     */
    TimingPolicy policy() {
        return new TimingPolicy(freezes.stream().map(FreezeWindow::parse).toList(), milestoneDays, freezeFile,
                freezeLabel);
    }
}
