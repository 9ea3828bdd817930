package io.jenkins.plugins.upstreampr.gate;

import io.jenkins.plugins.upstreampr.body.ChangedFile;
import io.jenkins.plugins.upstreampr.chant.AcceptanceCriteria;
import io.jenkins.plugins.upstreampr.chant.Spec;
import io.jenkins.plugins.upstreampr.github.CheckResult;
import io.jenkins.plugins.upstreampr.github.PlannedWrite;
import io.jenkins.plugins.upstreampr.github.PreflightReport;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The machine-readable proposal and gate outcome, the one place their keys are written: the CLI prints these maps as
 * JSON ({@code --json}) and the Pipeline steps return them. Every map is a {@link LinkedHashMap} (keys in the order
 * shown) and every list an {@link ArrayList}, holding only strings, numbers, booleans, nulls, lists and maps: what
 * Jackson writes as JSON as it is, and what a Pipeline keeps in its program state and a sandboxed Jenkinsfile reads
 * (no record, no Jackson node, no immutable JDK collection).
 *
 * <p>Where a front end shows a shape differently, it starts from the map here and says what it adds or leaves out
 * next to the call, so that the difference stays deliberate and in sight:
 * <ul>
 *   <li>{@code upstreamPullRequestPreflight} returns {@link #proposal} with {@code stagingUrl} (the staging pull
 *       request's web page) after {@code staging}, and each check's {@code url} only when it is an http(s) address, as
 *       its page links it;</li>
 *   <li>{@code createUpstreamPullRequest} returns {@link #stepOutcome}, the terminal gate prints {@link #outcome}:
 *       the step's {@code created} is {@code false} and the terminal's {@code null} when nothing was opened, the step
 *       says {@code dryRun} and {@code plannedWrites} where the terminal prints the writes instead
 *       ({@link #plannedWrite}, without {@code note}, the body as JSON);</li>
 *   <li>{@code create --json} prints {@link #pullRequest} with GitHub's snake-case keys, the gate's outcome the same
 *       fields in camel case, fewer of them.</li>
 * </ul>
 */
public final class GateJson {

    private GateJson() {
    }

    /**
     * What the person decides on: {@code {verdict, sha, checks, staging, upstream, head, base, title, body,
     * changedFiles: [{path, why}], actualChangedFiles, trail: [{id, title, path, status, checked, total}],
     * uncheckedCriteria, warnings, overridableBlocks}}.
     */
    public static Map<String, Object> proposal(GateProposal proposal) {
        StagingVerdict verdict = proposal.ci();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", verdict.verdict().json());
        map.put("sha", verdict.sha());
        map.put("checks", checks(verdict));
        map.put("staging", proposal.request().staging().toString());
        map.put("upstream", proposal.request().upstream().toString());
        map.put("head", proposal.request().head().toString());
        map.put("base", proposal.preflight().base());
        map.put("title", proposal.text().title());
        map.put("body", proposal.text().body());
        List<Map<String, Object>> files = new ArrayList<>();
        for (ChangedFile file : proposal.text().changedFiles()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", file.path());
            f.put("why", file.why());
            files.add(f);
        }
        map.put("changedFiles", files);
        map.put("actualChangedFiles", actualChangedFiles(proposal.changes()));
        List<Map<String, Object>> trail = new ArrayList<>();
        for (Spec spec : proposal.trail().specs()) {
            AcceptanceCriteria criteria = AcceptanceCriteria.of(spec);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", spec.id().value());
            s.put("title", spec.title());
            s.put("path", spec.path());
            s.put("status", spec.status().yamlName());
            s.put("checked", criteria.checked());
            s.put("total", criteria.total());
            trail.add(s);
        }
        map.put("trail", trail);
        map.put("uncheckedCriteria", new ArrayList<>(proposal.uncheckedCriteria().stream()
                .map(CriteriaGap::describe).toList()));
        map.put("warnings", new ArrayList<>(proposal.warnings()));
        map.put("overridableBlocks", OverridableBlock.ids(proposal.overridableBlocks()));
        return map;
    }

    /** Each check on the judged commit: {@code [{name, state, conclusion, url, required}]}. */
    public static List<Map<String, Object>> checks(StagingVerdict verdict) {
        List<Map<String, Object>> checks = new ArrayList<>();
        for (CheckResult c : verdict.checks()) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("name", c.name());
            check.put("state", c.state().json());
            check.put("conclusion", c.conclusion());
            check.put("url", c.url());
            check.put("required", c.required());
            checks.add(check);
        }
        return checks;
    }

    /**
     * The files the branch actually changes: {@code [{path, kind, previousPath}]}, or null when they could not be read
     * (the warnings say why).
     */
    public static List<Map<String, Object>> actualChangedFiles(BranchChanges changes) {
        if (!changes.known()) {
            return null;
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (BranchChanges.Change c : changes.files()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", c.path());
            file.put("kind", c.kind().json());
            file.put("previousPath", c.previousPath());
            files.add(file);
        }
        return files;
    }

    /**
     * What {@code preflight --json} prints: {@code {verdict, sha, staging, head, upstream, base, checks,
     * existing: {number, url} | null, frozen, warnings}}; {@code staging} is null when no staging pull request was
     * judged (never for the preflight, which always judges one; kept null, not the text {@code "null"}).
     */
    public static Map<String, Object> preflight(PreflightReport report) {
        StagingVerdict v = report.ci();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", v.verdict().json());
        map.put("sha", v.sha());
        map.put("staging", v.pullRequest() == null ? null : v.pullRequest().toString());
        map.put("head", v.head() == null ? null : v.head().toString());
        map.put("upstream", report.upstream().toString());
        map.put("base", report.base());
        map.put("checks", checks(v));
        Map<String, Object> existing = null;
        if (report.existing().isPresent()) {
            existing = new LinkedHashMap<>();
            existing.put("number", report.existing().get().number());
            existing.put("url", report.existing().get().url());
        }
        map.put("existing", existing);
        map.put("frozen", report.timing().frozen());
        map.put("warnings", new ArrayList<>(report.warnings()));
        return map;
    }

    /**
     * The terminal gate's outcome: {@code {decision, number, url, created, draft, artifacts, warnings, verdict, sha,
     * decidedBy, decidedBySource, checks, actualChangedFiles}}, {@code draft} only with a pull request and
     * {@code number}, {@code url}, {@code created} null without. {@code verdict} and {@code sha} are the record's
     * (the staging head re-read after the pause), {@code checks} and {@code actualChangedFiles} those shown before it.
     *
     * @param artifacts the paths of the artifacts written, as the person reads them
     */
    public static Map<String, Object> outcome(GateOutcome outcome, GateProposal proposal, List<String> artifacts) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("decision", outcome.record().decision());
        Optional<UpstreamPullRequest> pr = outcome.pullRequest();
        map.put("number", pr.map(UpstreamPullRequest::number).orElse(null));
        map.put("url", pr.map(UpstreamPullRequest::url).orElse(null));
        map.put("created", pr.map(UpstreamPullRequest::created).orElse(null));
        pr.ifPresent(p -> map.put("draft", p.draft()));
        map.put("artifacts", new ArrayList<>(artifacts));
        map.put("warnings", new ArrayList<>(outcome.warnings()));
        map.put("verdict", outcome.record().staging().verdict());
        map.put("sha", outcome.record().staging().headSha());
        map.put("decidedBy", outcome.record().decidedBy());
        map.put("decidedBySource", outcome.record().decidedBySource());
        map.put("checks", checks(proposal.ci()));
        map.put("actualChangedFiles", actualChangedFiles(proposal.changes()));
        return map;
    }

    /**
     * The terminal gate's outcome when the staging CI did not let it ask: {@link #outcome}'s keys with nothing
     * decided ({@code decision}, {@code number}, {@code url}, {@code created} null, no artifacts), the staging
     * verdict's own warnings, and no {@code decidedBy}, {@code decidedBySource}.
     */
    public static Map<String, Object> notDecided(GateProposal proposal) {
        StagingVerdict verdict = proposal.ci();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("decision", null);
        map.put("number", null);
        map.put("url", null);
        map.put("created", null);
        map.put("artifacts", new ArrayList<>());
        map.put("warnings", new ArrayList<>(verdict.warnings()));
        map.put("verdict", verdict.verdict().json());
        map.put("sha", verdict.sha());
        map.put("checks", checks(verdict));
        map.put("actualChangedFiles", actualChangedFiles(proposal.changes()));
        return map;
    }

    /**
     * What {@code createUpstreamPullRequest} returns: {@code {number, url, created, decision, dryRun, plannedWrites}};
     * {@code number} and {@code url} null and {@code created} false unless a pull request was opened or found (never
     * in a dry run, whose pull request is only the one that would be opened), {@code plannedWrites} empty unless this
     * was a dry run.
     */
    public static Map<String, Object> stepOutcome(GateOutcome outcome) {
        UpstreamPullRequest opened = outcome.dryRun() ? null : outcome.pullRequest().orElse(null);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", opened == null ? null : opened.number());
        map.put("url", opened == null ? null : opened.url());
        map.put("created", opened != null && opened.created());
        map.put("decision", outcome.record().decision());
        map.put("dryRun", outcome.dryRun());
        map.put("plannedWrites", plannedWrites(outcome.plannedWrites()));
        return map;
    }

    /**
     * What {@code create --json} prints of the pull request it opened or found: {@code {number, url, created,
     * maintainer_can_modify, draft, base, head_sha, warnings}}; its two-word keys are GitHub's (snake case), where the
     * gate's outcome ({@link #outcome}) says {@code number}, {@code url}, {@code created} and {@code draft} alike.
     */
    public static Map<String, Object> pullRequest(UpstreamPullRequest pr) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", pr.number());
        map.put("url", pr.url());
        map.put("created", pr.created());
        map.put("maintainer_can_modify", pr.maintainerCanModify());
        map.put("draft", pr.draft());
        map.put("base", pr.base());
        map.put("head_sha", pr.headSha());
        map.put("warnings", new ArrayList<>(pr.warnings()));
        return map;
    }

    /** Each write of a dry run, in order ({@link #plannedWrite}). */
    public static List<Map<String, Object>> plannedWrites(List<PlannedWrite> writes) {
        List<Map<String, Object>> list = new ArrayList<>();
        writes.forEach(w -> list.add(plannedWrite(w)));
        return list;
    }

    /**
     * One write a dry run would have sent: {@code {method, path, body, note}}, the body as the JSON text sent and
     * {@code note} what a placeholder in the path stands for (null when there is none).
     */
    public static Map<String, Object> plannedWrite(PlannedWrite write) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("method", write.method());
        map.put("path", write.path());
        map.put("body", write.body());
        map.put("note", write.note());
        return map;
    }
}
