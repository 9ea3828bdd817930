package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenGatesTest {

    @Test
    void idsAreComparedAsTheInputStepStoresThem() {
        assertThat(OpenGates.normalize(null)).isEqualTo("UpstreamPullRequest");
        assertThat(OpenGates.normalize("  ")).isEqualTo("UpstreamPullRequest");
        assertThat(OpenGates.normalize("backport")).isEqualTo("Backport");
        assertThat(OpenGates.normalize(" Backport ")).isEqualTo("Backport");
        assertThat(OpenGates.normalize("2-gate")).isEqualTo("2-gate");
        assertThat(OpenGates.normalize("Ügate")).isEqualTo("Ügate");
    }

    @Test
    void aSecondOpenGateWithTheSameIdIsRefusedNamingIt() {
        OpenGates open = OpenGates.none().open("upstreamPullRequestPreflight", "UpstreamPullRequest");

        assertThatThrownBy(() -> open.open("upstreamPullRequestPreflight", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("upstreamPullRequestPreflight: a gate with id 'UpstreamPullRequest' is already"
                        + " open in this build")
                .hasMessageContaining("id: 'UpstreamPullRequest2'");
        assertThatThrownBy(() -> OpenGates.none().open("p", "backport").open("p", "Backport"))
                .hasMessageContaining("'Backport'");
    }

    @Test
    void gatesWithDifferentIdsAreOpenTogether() {
        OpenGates open = OpenGates.none().open("p", null).open("p", "backport");

        assertThat(open.ids()).containsExactly("UpstreamPullRequest", "Backport");
        assertThat(open.isOpen("backport")).isTrue();
        assertThat(open.isOpen("other")).isFalse();
    }

    @Test
    void aClosedGateFreesItsIdForTheNextGateOfTheBuild() {
        OpenGates open = OpenGates.none().open("p", "backport").open("p", null);

        OpenGates closed = open.close("Backport");

        assertThat(closed.ids()).containsExactly("UpstreamPullRequest");
        assertThat(closed.open("p", "backport").ids()).containsExactly("UpstreamPullRequest", "Backport");
        assertThat(OpenGates.none().close("never-opened").ids()).isEmpty();
    }

    @Test
    void aGateWhoseIdIsARolePromptOfAnOpenGateIsRefusedEitherWay() {
        OpenGates open = OpenGates.none().open("p", null);

        assertThatThrownBy(() -> open.open("upstreamPullRequestPreflight", "UpstreamPullRequest-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("upstreamPullRequestPreflight: gate id 'UpstreamPullRequest-1' and the open "
                        + "gate 'UpstreamPullRequest' could share a prompt");
        assertThatThrownBy(() -> OpenGates.none().open("p", "backport-12").open("p", "backport"))
                .hasMessageContaining("'Backport' and the open gate 'Backport-12'");
        assertThat(open.open("p", "UpstreamPullRequest-next").isOpen("UpstreamPullRequest-next")).isTrue();
        assertThat(open.open("p", "UpstreamPullRequest2").isOpen("UpstreamPullRequest2")).isTrue();
    }
}
