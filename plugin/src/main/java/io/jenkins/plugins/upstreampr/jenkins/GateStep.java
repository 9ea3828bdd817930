package io.jenkins.plugins.upstreampr.jenkins;

import io.jenkins.plugins.upstreampr.jenkins.params.GateArguments;
import io.jenkins.plugins.upstreampr.jenkins.params.OpenGates;
import io.jenkins.plugins.upstreampr.jenkins.params.TimingArguments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The parameters {@code upstreamPullRequestPreflight} and {@code createUpstreamPullRequest} share: what to propose
 * ({@code upstream}, {@code head}, {@code staging}, {@code spec}) and the gate's policy ({@code base},
 * {@code requiredChecks}, {@code allowNoChecks}, the timing parameters, {@code assignees}), plus {@code draft} and the
 * gate's input {@code id}. The one-liner passes the preflight's values on to the create step ({@code p.create}), so
 * both judge alike and the create step closes the gate the preflight opened.
 */
abstract class GateStep extends StagingChecksStep {

    private static final long serialVersionUID = 1L;

    private final String upstream;
    private final String head;
    private final String staging;
    private final String spec;
    private String base = "";
    private String freezes = "";
    private String freezeFile = "";
    private String freezeLabel = "";
    private int milestoneDays;
    private String assignees = "";
    private boolean draft;
    private String id = OpenGates.DEFAULT_ID;
    private boolean gateStatus;
    private boolean dryRun;
    private ArrayList<String> approvers = new ArrayList<>();

    GateStep(String upstream, String head, String staging, String spec) {
        this.upstream = trim(upstream);
        this.head = trim(head);
        this.staging = trim(staging);
        this.spec = trim(spec);
    }

    /** The upstream repository, {@code owner/repo}. */
    public String getUpstream() {
        return upstream;
    }

    /** The fork branch to propose, {@code forkOwner:branch}. */
    public String getHead() {
        return head;
    }

    /** The staging pull request inside the fork, {@code owner/repo#number}. */
    public String getStaging() {
        return staging;
    }

    /** The implementation spec whose trail feeds the body, the record and the archived specs. */
    public String getSpec() {
        return spec;
    }

    public String getBase() {
        return base;
    }

    @DataBoundSetter
    public void setBase(String base) {
        this.base = trim(base);
    }

    public String getFreezes() {
        return freezes;
    }

    /** Declared upstream freeze windows, one per line: {@code FROM..TO[:REASON]} with ISO dates, both inclusive. */
    @DataBoundSetter
    public void setFreezes(String freezes) {
        this.freezes = trim(freezes);
    }

    public String getFreezeFile() {
        return freezeFile;
    }

    /** A file of the upstream repository declaring a freeze (e.g. {@code .github/FREEZE}); empty: none. */
    @DataBoundSetter
    public void setFreezeFile(String freezeFile) {
        this.freezeFile = trim(freezeFile);
    }

    public String getFreezeLabel() {
        return freezeLabel;
    }

    /** Frozen while an open upstream issue or pull request carries this label; empty: none. */
    @DataBoundSetter
    public void setFreezeLabel(String freezeLabel) {
        this.freezeLabel = trim(freezeLabel);
    }

    public int getMilestoneDays() {
        return milestoneDays;
    }

    /** Warn about open upstream milestones due within this many days; 0 (default) reads none. */
    @DataBoundSetter
    public void setMilestoneDays(int milestoneDays) {
        this.milestoneDays = milestoneDays;
    }

    public String getAssignees() {
        return assignees;
    }

    /** GitHub logins to assign the opened pull request to, separated by commas or new lines; empty: none. */
    @DataBoundSetter
    public void setAssignees(String assignees) {
        this.assignees = trim(assignees);
    }

    public boolean isDraft() {
        return draft;
    }

    /** Open the pull request as a draft (for the preflight: the prompt's default). */
    @DataBoundSetter
    public void setDraft(boolean draft) {
        this.draft = draft;
    }

    /** The gate's input id, as the input step stores it ({@link OpenGates#normalize}). */
    public String getId() {
        return OpenGates.normalize(id);
    }

    /**
     * The id of the gate's input prompt ({@code input/ID/proceed}); default {@value OpenGates#DEFAULT_ID}. Two gates
     * open at the same time in one build need different ids ({@link OpenGates}); the create step closes the gate
     * with its id.
     */
    @DataBoundSetter
    public void setId(String id) {
        this.id = OpenGates.normalize(id);
    }

    public boolean isGateStatus() {
        return gateStatus;
    }

    /**
     * Show the gate on GitHub: the commit status {@code upstream-pr/gate} on the staging head, pending (linking to the
     * input page) while the gate waits, then the decision
     * ({@link io.jenkins.plugins.upstreampr.gate.GateRequest#gateStatus()}).
     */
    @DataBoundSetter
    public void setGateStatus(boolean gateStatus) {
        this.gateStatus = gateStatus;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** Read everything as usual, but only log and return the writes that would be sent to GitHub; send none. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** The roles that must each approve, in order; empty for the one-role gate ({@code submitter}). */
    public List<String> getApprovers() {
        return Collections.unmodifiableList(approvers);
    }

    /**
     * Approvals by several roles ({@link io.jenkins.plugins.upstreampr.gate.Approvals}): each role a {@code
     * submitter} value (users or groups, comma-separated), e.g. {@code ['maintainers', 'ospo']}, each to be approved by
     * a different person. Not in the Snippet Generator's form (a list of texts has no form control there).
     */
    @DataBoundSetter
    public void setApprovers(List<String> approvers) {
        this.approvers = approvers == null ? new ArrayList<>() : new ArrayList<>(approvers);
    }

    /** These parameters as the Jenkins-free {@link GateArguments} of the step named {@code function}. */
    GateArguments arguments(String function) {
        return new GateArguments(function, upstream, head, staging, spec, base, getRequiredChecks(),
                isAllowNoChecks(), new TimingArguments(freezes, freezeFile, freezeLabel, milestoneDays), assignees);
    }
}
