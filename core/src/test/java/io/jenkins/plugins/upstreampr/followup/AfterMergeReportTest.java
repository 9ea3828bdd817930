package io.jenkins.plugins.upstreampr.followup;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.github.HeadRef;
import io.jenkins.plugins.upstreampr.github.RepositoryName;
import io.jenkins.plugins.upstreampr.github.UpstreamPullRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The after-merge report's machine-readable form, which the CLI prints and whose words the Pipeline step uses. */
class AfterMergeReportTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final SpecId SPEC = new SpecId("2026-11-20-002-x7m");

    @Test
    void aPushHasEveryKeyInOrderAndNoPullRequestOrReason() {
        AfterMergeReport report = AfterMergeReport.of(new ArchivePushResult.Pushed("main", COMMIT, List.of(SPEC), 1),
                true, null);

        Map<String, Object> map = report.toMap();

        assertThat(map).isInstanceOf(LinkedHashMap.class);
        assertThat(String.join(",", map.keySet())).isEqualTo("result,branch,commit,pullRequest,archived,reason");
        assertThat(map.get("result")).isEqualTo("pushed");
        assertThat(map.get("archived")).isInstanceOf(ArrayList.class).isEqualTo(List.of(SPEC.value()));
        assertThat(report.toJson()).isEqualTo("{\"result\":\"pushed\",\"branch\":\"main\",\"commit\":\"" + COMMIT
                + "\",\"pullRequest\":null,\"archived\":[\"" + SPEC.value() + "\"],\"reason\":null}");
    }

    @Test
    void aProtectedBranchNamesThePullRequestInTheFork() {
        SideBranchPullRequest side = new SideBranchPullRequest("chant/archive-upstream-5", "main", "Archive", "Body");
        UpstreamPullRequest fork = new UpstreamPullRequest(RepositoryName.parse("octo/fork"), 9,
                "https://github.com/octo/fork/pull/9", true, false, false, "main",
                new HeadRef("octo", "chant/archive-upstream-5"), COMMIT, List.of());

        AfterMergeReport report = AfterMergeReport.of(new ArchivePushResult.PushedToSideBranch(
                "chant/archive-upstream-5", COMMIT, List.of(SPEC), side, "protected branch hook declined"), true, fork);

        assertThat(report.toJson()).isEqualTo("{\"result\":\"pushed_to_side_branch\",\"branch\":"
                + "\"chant/archive-upstream-5\",\"commit\":\"" + COMMIT + "\",\"pullRequest\":{\"number\":9,\"url\":"
                + "\"https://github.com/octo/fork/pull/9\",\"created\":true},\"archived\":[\"" + SPEC.value()
                + "\"],\"reason\":\"main is protected: protected branch hook declined\"}");
    }

    @Test
    void aRefusalOfAPullRequestClosedWithoutMergeSaysSo() {
        ArchivePushResult.Refused refused = new ArchivePushResult.Refused("closed without merge");

        assertThat(AfterMergeReport.of(refused, false, null).toMap().get("result")).isEqualTo("closed_unmerged");
        assertThat(AfterMergeReport.of(refused, true, null).toMap().get("result")).isEqualTo("refused");
        assertThat(AfterMergeReport.of(refused, true, null).toMap().get("reason")).isEqualTo("closed without merge");
    }
}
