package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateNamesTest {

    @Test
    void theDefaultGateKeepsTheNamesABuildWithOneGateAlwaysHad() {
        GateNames names = new GateNames(null);

        assertThat(names.isDefault()).isTrue();
        assertThat(names).isEqualTo(GateNames.ofDefault()).isEqualTo(new GateNames("upstreamPullRequest"));
        assertThat(names.proposalPage()).isEqualTo("upstream-pr-proposal");
        assertThat(names.artifact("upstream-pr/gate-record.json")).isEqualTo("upstream-pr/gate-record.json");
        assertThat(names.artifact("upstream-pr/chant/specs/X.md")).isEqualTo("upstream-pr/chant/specs/X.md");
    }

    @Test
    void anotherIdPutsItsOwnSegmentInTheArtifactNamesAndThePage() {
        GateNames names = new GateNames("backport-1.x");

        assertThat(names.id()).isEqualTo("Backport-1.x");
        assertThat(names.isDefault()).isFalse();
        assertThat(names.proposalPage()).isEqualTo("upstream-pr-proposal-Backport-1.x");
        assertThat(names.artifact("upstream-pr/gate-record.json")).isEqualTo("upstream-pr/Backport-1.x/gate-record.json");
        assertThat(names.artifact("upstream-pr/chant/specs/X.md")).isEqualTo("upstream-pr/Backport-1.x/chant/specs/X.md");
    }

    @Test
    void twoIdsNeverShareAName() {
        GateNames first = new GateNames("first");
        GateNames second = new GateNames("second");

        assertThat(first.proposalPage()).isNotEqualTo(second.proposalPage())
                .isNotEqualTo(GateNames.ofDefault().proposalPage());
        assertThat(first.artifact("upstream-pr/pull-request.md"))
                .isNotEqualTo(second.artifact("upstream-pr/pull-request.md"))
                .isNotEqualTo(GateNames.ofDefault().artifact("upstream-pr/pull-request.md"));
    }

    @Test
    void theArtifactsKeepTheirPathsInTheOutboxAndGetTheGatesNames() {
        Map<String, String> engine = new LinkedHashMap<>();
        engine.put("upstream-pr/gate-record.json", "upstream-pr/gate-record.json");
        engine.put("upstream-pr/tests/regression/test_issue.py", "upstream-pr/tests/regression/test_issue.py");

        assertThat(new GateNames("Second").artifacts(engine)).containsExactly(
                Map.entry("upstream-pr/Second/gate-record.json", "upstream-pr/gate-record.json"),
                Map.entry("upstream-pr/Second/tests/regression/test_issue.py",
                        "upstream-pr/tests/regression/test_issue.py"));
        assertThat(GateNames.ofDefault().artifacts(engine)).isEqualTo(engine);
    }

    @Test
    void anIdTheInputStepOrAFileSystemWouldRefuseIsRefusedNamingItAndWhatIsAllowed() {
        for (String bad : new String[] {"..", ".", "a/b", "two words", "x&y", "it's", "Ärger", "semi;colon", "a:b",
            "a*", "a~b", "(x)", "a+b", "a,b", "a@b", "a=b", "a!", "a$", ".hidden", "trailing.", "CON", "nul", "Com1",
            "aux.txt", "lpt9"}) {
            assertThatThrownBy(() -> new GateNames(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("id '" + OpenGates.normalize(bad) + "': ")
                    .hasMessageContaining("URL safe")
                    .hasMessageContaining("for example id: 'backport-1.x'");
        }
        assertThat(new GateNames("a-z_0.9").id()).isEqualTo("A-z_0.9");
        assertThat(new GateNames("backport-1.x").id()).isEqualTo("Backport-1.x");
        assertThat(new GateNames("console").id()).isEqualTo("Console");
    }

    @Test
    void onlyTheEnginesArtifactsAreRenamed() {
        assertThatThrownBy(() -> new GateNames("x").artifact("archive/gate-record.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("archive/gate-record.json");
    }
}
