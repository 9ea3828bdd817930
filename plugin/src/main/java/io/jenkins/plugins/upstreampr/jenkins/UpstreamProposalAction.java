package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.upstreampr.body.ChangedFile;
import io.jenkins.plugins.upstreampr.gate.BranchChanges;
import io.jenkins.plugins.upstreampr.chant.AcceptanceCriteria;
import io.jenkins.plugins.upstreampr.chant.Spec;
import io.jenkins.plugins.upstreampr.gate.CriteriaGap;
import io.jenkins.plugins.upstreampr.gate.GateProposal;
import io.jenkins.plugins.upstreampr.gate.OverridableBlock;
import io.jenkins.plugins.upstreampr.github.CheckResult;
import io.jenkins.plugins.upstreampr.github.StagingVerdict;
import io.jenkins.plugins.upstreampr.jenkins.params.GateNames;
import io.jenkins.plugins.upstreampr.jenkins.params.OpenGates;
import io.jenkins.plugins.upstreampr.jenkins.params.WebLinks;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the human decides on, recorded on the run by {@code upstreamPullRequestPreflight} from the engine's
 * {@link GateProposal}: the staging verdict with each check, the upstream base, the proposed title and body, the
 * changed files, the specs trail with unchecked criteria, warnings, and the blocks an approval must override. Shown on
 * the build page (summary) and on its own page, which the input prompt links to. One per gate id
 * ({@link GateActions}): the page is {@code upstream-pr-proposal} for the default id and
 * {@code upstream-pr-proposal-ID} for another ({@link GateNames}), so gates in {@code parallel} branches each show
 * their own. Immutable; a later preflight with the same id in the same run replaces it. Its lists are plain
 * {@code ArrayList}s and its id and copy plain strings, which XStream stores in {@code build.xml} without reflective
 * access to JDK internals.
 */
public final class UpstreamProposalAction implements Action, Serializable {

    private static final long serialVersionUID = 2L;

    /** The page's URL name for the default gate id, relative to the build. */
    public static final String URL_NAME = GateNames.PROPOSAL_PAGE;

    /** The gate's input id, normalized; null in a {@code build.xml} of an older version (the default id). */
    private final String gateId;
    /**
     * The name of the controller copy of {@code .chant/} the preflight read ({@link ControllerChantCopy#named}), for
     * {@code createUpstreamPullRequest} to read the same; null when there was none by name.
     */
    private final String copy;
    private final String upstream;
    private final String head;
    private final String base;
    private final String staging;
    private final String stagingUrl;
    private final String verdict;
    private final String sha;
    private final List<Check> checks;
    private final String title;
    private final String body;
    private final List<FileChange> changedFiles;
    /** What the branch actually changes since its merge base; null when it could not be read (see the warnings). */
    private final List<BranchFileChange> actualChangedFiles;
    private final List<TrailSpec> trail;
    private final List<String> uncheckedCriteria;
    private final List<String> warnings;
    private final List<String> overridableBlocks;

    private UpstreamProposalAction(GateProposal proposal, String stagingUrl, String gateId, String copy) {
        this.gateId = gateId;
        this.copy = copy;
        StagingVerdict staging = proposal.ci();
        this.upstream = proposal.request().upstream().toString();
        this.head = proposal.request().head().toString();
        this.base = proposal.preflight().base();
        this.staging = proposal.request().staging().toString();
        this.stagingUrl = stagingUrl;
        this.verdict = staging.verdict().json();
        this.sha = staging.sha();
        List<Check> checkList = new ArrayList<>();
        for (CheckResult check : staging.checks()) {
            checkList.add(new Check(check.name(), check.state().json(), check.url(), check.required(),
                    check.conclusion(), check.shownState()));
        }
        this.checks = checkList;
        this.title = proposal.text().title();
        this.body = proposal.text().body();
        List<FileChange> files = new ArrayList<>();
        for (ChangedFile file : proposal.text().changedFiles()) {
            files.add(new FileChange(file.path(), file.why()));
        }
        this.changedFiles = files;
        if (proposal.changes().known()) {
            List<BranchFileChange> actual = new ArrayList<>();
            for (BranchChanges.Change change : proposal.changes().files()) {
                actual.add(new BranchFileChange(change.kind().json(), change.path(), change.previousPath()));
            }
            this.actualChangedFiles = actual;
        } else {
            this.actualChangedFiles = null;
        }
        List<TrailSpec> specs = new ArrayList<>();
        for (Spec spec : proposal.trail().specs()) {
            AcceptanceCriteria criteria = AcceptanceCriteria.of(spec);
            specs.add(new TrailSpec(spec.id().value(), spec.title(), spec.path(), spec.status().yamlName(),
                    criteria.checked(), criteria.total()));
        }
        this.trail = specs;
        this.uncheckedCriteria = new ArrayList<>();
        proposal.uncheckedCriteria().stream().map(CriteriaGap::describe).forEach(uncheckedCriteria::add);
        this.warnings = new ArrayList<>(proposal.warnings());
        this.overridableBlocks = OverridableBlock.ids(proposal.overridableBlocks());
    }

    /**
     * The action of gate {@code gateId} for {@code proposal}, prepared against the GitHub at {@code apiUri} (for the
     * web links) from the controller copy {@code copy}.
     */
    static UpstreamProposalAction of(@NonNull GateProposal proposal, String apiUri, @NonNull String gateId,
            String copy) {
        return new UpstreamProposalAction(proposal,
                WebLinks.pullRequest(GitHubConnection.api(apiUri), proposal.request().staging()), gateId, copy);
    }

    /** Shows {@code action} on {@code run} in place of the proposal of the same gate id. */
    static void record(@NonNull Run<?, ?> run, @NonNull UpstreamProposalAction action) {
        GateActions.put(run, UpstreamProposalAction.class, action, UpstreamProposalAction::getGateId);
    }

    /** The proposal of gate {@code id} on {@code run}, or null. */
    static UpstreamProposalAction of(@NonNull Run<?, ?> run, String id) {
        return GateActions.of(run, UpstreamProposalAction.class, id, UpstreamProposalAction::getGateId);
    }

    /** The name of the controller copy the proposal of gate {@code id} was prepared from; null when unknown. */
    static String copyOf(@NonNull Run<?, ?> run, String id) {
        UpstreamProposalAction proposal = of(run, id);
        return proposal == null ? null : proposal.copy;
    }

    /** The gate's input id ({@code UpstreamPullRequest} unless the step was given another). */
    public String getGateId() {
        return OpenGates.normalize(gateId);
    }

    /** One CI check of the staging pull request's head commit. */
    public static final class Check implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final String state;
        private final String url;
        private final boolean required;
        /** GitHub's own word ({@link CheckResult#conclusion()}); null when not reported, or in a build kept before. */
        private final String conclusion;
        /** The state as shown ({@link CheckResult#shownState()}); null in a build kept before it was recorded. */
        private final String shownState;

        Check(String name, String state, String url, boolean required, String conclusion, String shownState) {
            this.name = name;
            this.state = state;
            this.url = WebLinks.webAddressOrNull(url);
            this.required = required;
            this.conclusion = conclusion;
            this.shownState = shownState;
        }

        public String getName() {
            return name;
        }

        /** success, pending, failure or missing. */
        public String getState() {
            return state;
        }

        /**
         * GitHub's own conclusion ({@code skipped}, {@code neutral}, {@code success}...), which {@link #getState()}
         * folds into one word; {@code null} when GitHub reported none.
         */
        public String getConclusion() {
            return conclusion;
        }

        /** The state as a person reads it: {@code success (skipped)} for a skipped check that counts as passing. */
        public String getShownState() {
            return shownState != null ? shownState : state;
        }

        public String getUrl() {
            return url;
        }

        /** Whether it decides the verdict. */
        public boolean isRequired() {
            return required;
        }
    }

    /** One file the pull request changes, with the reason the specs give. */
    public static final class FileChange implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final String why;

        FileChange(String path, String why) {
            this.path = path;
            this.why = why;
        }

        public String getPath() {
            return path;
        }

        /** Why it changes; null when the specs do not say. */
        public String getWhy() {
            return why;
        }
    }

    /** One file the branch actually changes, as git reports it since the merge base with the base branch. */
    public static final class BranchFileChange implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String kind;
        private final String path;
        private final String previousPath;

        BranchFileChange(String kind, String path, String previousPath) {
            this.kind = kind;
            this.path = path;
            this.previousPath = previousPath;
        }

        /** added, modified, deleted, renamed or copied. */
        public String getKind() {
            return kind;
        }

        public String getPath() {
            return path;
        }

        /** The path before a rename or copy, else null. */
        public String getPreviousPath() {
            return previousPath;
        }
    }

    /** One spec of the trail, with its acceptance criteria count. */
    public static final class TrailSpec implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String title;
        private final String path;
        private final String status;
        private final int checked;
        private final int total;

        TrailSpec(String id, String title, String path, String status, int checked, int total) {
            this.id = id;
            this.title = title;
            this.path = path;
            this.status = status;
            this.checked = checked;
            this.total = total;
        }

        public String getId() {
            return id;
        }

        public String getTitle() {
            return title;
        }

        public String getPath() {
            return path;
        }

        public String getStatus() {
            return status;
        }

        public int getChecked() {
            return checked;
        }

        public int getTotal() {
            return total;
        }

        public boolean isComplete() {
            return checked == total;
        }
    }

    public String getUpstream() {
        return upstream;
    }

    public String getHead() {
        return head;
    }

    public String getBase() {
        return base;
    }

    public String getStaging() {
        return staging;
    }

    public String getStagingUrl() {
        return stagingUrl;
    }

    public String getVerdict() {
        return verdict;
    }

    public String getSha() {
        return sha;
    }

    public List<Check> getChecks() {
        return Collections.unmodifiableList(checks);
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public List<FileChange> getChangedFiles() {
        return Collections.unmodifiableList(changedFiles);
    }

    /** What the branch actually changes, or null when git could not tell (a warning says why). */
    public List<BranchFileChange> getActualChangedFiles() {
        return actualChangedFiles == null ? null : Collections.unmodifiableList(actualChangedFiles);
    }

    public List<TrailSpec> getTrail() {
        return Collections.unmodifiableList(trail);
    }

    /** The engine's unchecked-criteria gaps, one line each. */
    public List<String> getUncheckedCriteria() {
        return Collections.unmodifiableList(uncheckedCriteria);
    }

    public List<String> getWarnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** What an approval must override, with a reason: {@code freeze}, {@code unchecked-criteria}. */
    public List<String> getOverridableBlocks() {
        return Collections.unmodifiableList(overridableBlocks);
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    @Override
    public String getDisplayName() {
        GateNames names = new GateNames(gateId);
        return names.isDefault() ? Messages.ProposalAction_DisplayName()
                : Messages.ProposalAction_DisplayNameOfGate(names.id());
    }

    /** {@code upstream-pr-proposal}, or {@code upstream-pr-proposal-ID} for a gate with another id. */
    @Override
    public String getUrlName() {
        return new GateNames(gateId).proposalPage();
    }
}
