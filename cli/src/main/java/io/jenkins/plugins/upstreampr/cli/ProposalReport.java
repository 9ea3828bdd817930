package io.jenkins.plugins.upstreampr.cli;

import io.jenkins.plugins.upstreampr.body.ChangedFile;
import io.jenkins.plugins.upstreampr.chant.Spec;
import io.jenkins.plugins.upstreampr.gate.BranchChanges;
import io.jenkins.plugins.upstreampr.gate.CriteriaGap;
import io.jenkins.plugins.upstreampr.gate.GateProposal;
import io.jenkins.plugins.upstreampr.github.BaseCommit;
import io.jenkins.plugins.upstreampr.github.CheckResult;
import io.jenkins.plugins.upstreampr.github.PreflightReport;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import io.jenkins.plugins.upstreampr.github.Verdict;
import java.io.PrintWriter;

/**
 * What the terminal gate shows before it asks: the staging pull request and each CI check (state and link) on the
 * judged commit, the upstream base, the files the specs declare and those the branch actually changes, the specs
 * trail with its unchecked acceptance criteria, every warning, and the proposed title and body.
 */
final class ProposalReport {

    private ProposalReport() {
    }

    static void print(GateProposal proposal, PrintWriter out) {
        StagingVerdict v = proposal.ci();
        PreflightReport preflight = proposal.preflight();
        out.println(staging(v) + (v.head() == null ? "" : " (" + v.head() + ")") + " at " + v.sha()
                + ": " + v.verdict() + (v.passes() && v.verdict() == Verdict.NONE ? " (allowed)" : ""));
        printChecks(v, out);
        out.println("Upstream " + preflight.upstream() + ", base " + preflight.base() + ", from "
                + proposal.request().head());
        if (!proposal.text().changedFiles().isEmpty()) {
            out.println("Changed files:");
            for (ChangedFile f : proposal.text().changedFiles()) {
                out.println("  " + f.path() + (f.why() == null ? "" : ": " + f.why()));
            }
        }
        BranchChanges changes = proposal.changes();
        if (changes.known()) {
            BaseCommit base = v.base();
            out.println("Changed by the branch (since its merge base with " + base.ref() + "):"
                    + (changes.files().isEmpty() ? " nothing" : ""));
            for (BranchChanges.Change c : changes.files()) {
                out.println("  " + c.kind().json() + "  " + (c.previousPath() == null ? c.path()
                        : c.previousPath() + " -> " + c.path()));
            }
        }
        out.println("Specs trail:");
        for (Spec s : proposal.trail().specs()) {
            out.println("  " + s.id() + "  " + s.status().yamlName() + (s.archived() ? " (archived)" : "")
                    + (s.title() == null ? "" : "  " + s.title()));
        }
        if (!proposal.uncheckedCriteria().isEmpty()) {
            out.println("Unchecked acceptance criteria:");
            for (CriteriaGap gap : proposal.uncheckedCriteria()) {
                out.println("  " + gap.describe());
            }
        }
        for (String w : proposal.warnings()) {
            out.println("warning: " + w);
        }
        out.println("Proposed title: " + proposal.text().title());
        out.println("Proposed body:");
        out.println(indent(proposal.text().body()));
        out.flush();
    }

    /**
     * What was checked, starting a line: "Staging pull request o/r#12", or "Staging o/r branch b" for a branch (the
     * verdict's subject already says "staging pull request").
     */
    static String staging(StagingVerdict v) {
        return v.pullRequest() != null ? "Staging pull request " + v.pullRequest() : "Staging " + v.subject();
    }

    /**
     * One line per check: whether it decides, its state as shown (GitHub's own conclusion next to it when that says
     * more, {@code success (skipped)}), its name and link.
     */
    static void printChecks(StagingVerdict v, PrintWriter out) {
        for (CheckResult c : v.checks()) {
            out.println("  " + (c.required() ? "" : "(not required) ") + c.shownState() + "  " + c.name()
                    + (c.url() == null ? "" : "  " + c.url()));
        }
    }

    /** The text with every line indented by four spaces (blank lines stay blank), without the final newline. */
    static String indent(String text) {
        return text.stripTrailing().lines().map(l -> l.isBlank() ? "" : "    " + l)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
