package io.jenkins.plugins.upstreampr.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the human decides on, recorded on the run by {@code upstreamPullRequestPreflight}: the staging verdict with
 * each check, the proposed title and body, the changed files, the specs trail with unchecked criteria, and timing
 * warnings. Shown on the build page (summary) and on its own page ({@code upstream-pr-proposal}), which the input
 * prompt links to. Immutable; a later preflight in the same run replaces it.
 */
public final class UpstreamProposalAction implements Action, Serializable {

    private static final long serialVersionUID = 1L;

    /** The page's URL name, relative to the build. */
    public static final String URL_NAME = "upstream-pr-proposal";

    private final String upstream;
    private final String head;
    private final String staging;
    private final String stagingUrl;
    private final String verdict;
    private final String sha;
    private final List<Check> checks;
    private final String title;
    private final String body;
    private final List<String> changedFiles;
    private final List<TrailSpec> trail;
    private final List<String> warnings;

    UpstreamProposalAction(String upstream, String head, String staging, String stagingUrl, String verdict,
            String sha, List<Check> checks, String title, String body, List<String> changedFiles,
            List<TrailSpec> trail, List<String> warnings) {
        this.upstream = upstream;
        this.head = head;
        this.staging = staging;
        this.stagingUrl = stagingUrl;
        this.verdict = verdict;
        this.sha = sha;
        this.checks = List.copyOf(checks);
        this.title = title;
        this.body = body;
        this.changedFiles = List.copyOf(changedFiles);
        this.trail = List.copyOf(trail);
        this.warnings = List.copyOf(warnings);
    }

    /** One CI check of the staging pull request's head commit. */
    public static final class Check implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final String state;
        private final String url;

        Check(String name, String state, String url) {
            this.name = name;
            this.state = state;
            this.url = url;
        }

        public String getName() {
            return name;
        }

        public String getState() {
            return state;
        }

        public String getUrl() {
            return url;
        }
    }

    /** One spec of the trail, with its acceptance criteria count. */
    public static final class TrailSpec implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String title;
        private final String path;
        private final int checked;
        private final int total;

        TrailSpec(String id, String title, String path, int checked, int total) {
            this.id = id;
            this.title = title;
            this.path = path;
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
        return checks;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public List<String> getChangedFiles() {
        return changedFiles;
    }

    public List<TrailSpec> getTrail() {
        return trail;
    }

    public List<String> getWarnings() {
        return warnings;
    }

    /** The trail's specs whose acceptance criteria are not all checked, as "ID (checked/total)". */
    public List<String> getUncheckedCriteria() {
        List<String> unchecked = new ArrayList<>();
        for (TrailSpec spec : trail) {
            if (!spec.isComplete()) {
                unchecked.add(spec.getId() + " (" + spec.getChecked() + "/" + spec.getTotal() + ")");
            }
        }
        return unchecked;
    }

    /**
     * The step's return value: plain strings, numbers, lists and maps only, so that it is safe in the
     * Pipeline program state and readable from a sandboxed Jenkinsfile.
     */
    @NonNull
    Map<String, Object> toStepResult() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("verdict", verdict);
        result.put("sha", sha);
        List<Map<String, Object>> checkList = new ArrayList<>();
        for (Check check : checks) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", check.getName());
            c.put("state", check.getState());
            c.put("url", check.getUrl());
            checkList.add(c);
        }
        result.put("checks", checkList);
        result.put("staging", staging);
        result.put("stagingUrl", stagingUrl);
        result.put("title", title);
        result.put("body", body);
        result.put("changedFiles", new ArrayList<>(changedFiles));
        List<Map<String, Object>> trailList = new ArrayList<>();
        for (TrailSpec spec : trail) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", spec.getId());
            s.put("title", spec.getTitle());
            s.put("path", spec.getPath());
            s.put("checked", spec.getChecked());
            s.put("total", spec.getTotal());
            trailList.add(s);
        }
        result.put("trail", trailList);
        result.put("uncheckedCriteria", getUncheckedCriteria());
        result.put("warnings", new ArrayList<>(warnings));
        return result;
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    @Override
    public String getDisplayName() {
        return Messages.ProposalAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }
}
