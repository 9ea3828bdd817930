package io.jenkins.plugins.upstreampr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.upstreampr.gate.GateJson;
import io.jenkins.plugins.upstreampr.github.GitHubSession;
import io.jenkins.plugins.upstreampr.github.Preflight;
import io.jenkins.plugins.upstreampr.github.PreflightReport;
import io.jenkins.plugins.upstreampr.github.PreflightRequest;
import io.jenkins.plugins.upstreampr.github.StagingCheck;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import io.jenkins.plugins.upstreampr.github.Verdict;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code upstream-pr preflight}: the staging CI verdict and what to know before opening the upstream PR. */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = "Read the staging pull request's CI (combined status and check runs of its head) and report "
                + "GREEN, PENDING, RED or NONE, with each check, plus warnings (existing upstream pull request, "
                + "freeze declared by --freeze, --freeze-file or --freeze-label, upcoming milestone).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:green (or none with --allow-none)", "4:pending", "5:red or none",
            "1:GitHub failed (rate limit, outage, network)", "2:usage error, bad credentials, not found"})
public final class PreflightCommand implements Callable<Integer> {

    static final int EXIT_PENDING = 4;
    static final int EXIT_RED = 5;

    @Spec
    private CommandSpec spec;

    @Mixin
    private GitHubOptions github;

    @Mixin
    private PreflightOptions preflight;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        PreflightRequest request;
        Duration waitFor;
        try {
            request = preflight.request();
            waitFor = preflight.waitFor();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        GitHubSession session = github.session();
        PreflightReport report = new Preflight(session).run(request);
        if (report.ci().verdict() == Verdict.PENDING && !waitFor.isZero()) {
            StagingVerdict awaited = new StagingCheck(session).await(request.staging(), request.policy(), waitFor,
                    Duration.ofSeconds(15), Duration.ofMinutes(2));
            report = new PreflightReport(awaited, report.upstream(), report.base(), report.existing(),
                    report.timing());
        }
        print(report);
        return exitCode(report.ci());
    }

    static int exitCode(StagingVerdict verdict) {
        if (verdict.passes()) {
            return UpstreamPrCommand.EXIT_OK;
        }
        return verdict.verdict() == Verdict.PENDING ? EXIT_PENDING : EXIT_RED;
    }

    private void print(PreflightReport report) {
        PrintWriter out = spec.commandLine().getOut();
        StagingVerdict v = report.ci();
        if (json) {
            out.println(new ObjectMapper().valueToTree(GateJson.preflight(report)).toPrettyString());
        } else {
            out.println(ProposalReport.staging(v) + " at " + v.sha() + ": " + v.verdict()
                    + (v.passes() && v.verdict() == Verdict.NONE ? " (allowed)" : ""));
            ProposalReport.printChecks(v, out);
            out.println("Upstream " + report.upstream() + ", base " + report.base());
            for (String w : report.warnings()) {
                out.println("warning: " + w);
            }
        }
        out.flush();
    }
}
