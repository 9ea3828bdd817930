package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.gate.GateRequest;
import io.jenkins.plugins.upstreampr.github.FreezeWindow;
import org.junit.jupiter.api.Test;

class GateArgumentsTest {

    private static GateArguments arguments(String upstream, String head, String staging, String spec) {
        return new GateArguments("upstreamPullRequestPreflight", upstream, head, staging, spec, "", "", false,
                TimingArguments.none(), "");
    }

    @Test
    void theIssueExampleBecomesTheEngineRequestWithDefaults() {
        GateRequest request = arguments(" upstream-org/kvstore ", "yourusername:fix/issue-1234",
                "yourusername/kvstore#12", " 010 ").toRequest();

        assertThat(request.upstream().toString()).isEqualTo("upstream-org/kvstore");
        assertThat(request.head().owner()).isEqualTo("yourusername");
        assertThat(request.head().branch()).isEqualTo("fix/issue-1234");
        assertThat(request.staging().toString()).isEqualTo("yourusername/kvstore#12");
        assertThat(request.spec()).isEqualTo("010");
        assertThat(request.base()).isNull();
        assertThat(request.stagingPolicy().required().isEmpty()).isTrue();
        assertThat(request.stagingPolicy().allowNone()).isFalse();
    }

    @Test
    void baseRequiredChecksAndAllowNoChecksReachThePolicy() {
        GateRequest request = new GateArguments("createUpstreamPullRequest", "up/proj", "me:fix", "me/proj#3", "005",
                " release-2.x ", "build (*),\nlint", true, new TimingArguments(
                        "2026-12-20..2027-01-06:holiday freeze, all hands\n\n2027-03-01..2027-03-02", "", "", 7),
                "").toRequest();

        assertThat(request.base()).isEqualTo("release-2.x");
        assertThat(request.stagingPolicy().required().patterns()).containsExactly("build (*)", "lint");
        assertThat(request.stagingPolicy().allowNone()).isTrue();
        assertThat(request.timing().freezes()).extracting(FreezeWindow::reason)
                .containsExactly("holiday freeze, all hands", "");
        assertThat(request.timing().milestoneDays()).isEqualTo(7);
    }

    @Test
    void aMalformedFreezeOrANegativeMilestoneLookAheadIsNamed() {
        assertThatThrownBy(() -> new GateArguments("createUpstreamPullRequest", "up/proj", "me:fix", "me/proj#3",
                "005", "", "", false, new TimingArguments("2026-12-20", "", "", 0), "").toRequest())
                .hasMessageStartingWith("createUpstreamPullRequest: freezes '2026-12-20': ")
                .hasMessageContaining("FROM..TO[:REASON]");
        assertThatThrownBy(() -> new GateArguments("createUpstreamPullRequest", "up/proj", "me:fix", "me/proj#3",
                "005", "", "", false, new TimingArguments("", "", "", -1), "").toRequest())
                .hasMessageStartingWith("createUpstreamPullRequest: milestoneDays: ");
    }

    @Test
    void assigneesReachTheRequestAsLogins() {
        GateRequest request = new GateArguments("createUpstreamPullRequest", "up/proj", "me:fix", "me/proj#3", "005",
                "", "", false, TimingArguments.none(), "alice, @bob\ncarol-1").toRequest();

        assertThat(request.assignees()).containsExactly("alice", "@bob", "carol-1");
        assertThat(arguments("up/proj", "me:fix", "me/proj#3", "005").toRequest().assignees()).isEmpty();
    }

    @Test
    void aMalformedAssigneeFailsBeforeAnyoneIsAskedNamingTheArgument() {
        assertThatThrownBy(() -> new GateArguments("upstreamPullRequestPreflight", "up/proj", "me:fix", "me/proj#3",
                "005", "", "", false, TimingArguments.none(), "alice, bob smith").toRequest())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("upstreamPullRequestPreflight: assignees: Invalid assignee 'bob smith'")
                .hasMessageContaining("GitHub login");
    }

    @Test
    void theFreezeFileAndLabelReachTheSameTimingPolicy() {
        GateRequest request = new GateArguments("createUpstreamPullRequest", "up/proj", "me:fix", "me/proj#3", "005",
                "", "", false, new TimingArguments("", " .github/FREEZE ", " release-freeze ", 0), "").toRequest();

        assertThat(request.timing().freezeFile()).isEqualTo(".github/FREEZE");
        assertThat(request.timing().freezeLabel()).isEqualTo("release-freeze");
        assertThat(request.timing().readsUpstream()).isTrue();
        assertThat(arguments("up/proj", "me:fix", "me/proj#3", "005").toRequest().timing().readsUpstream())
                .isFalse();
    }

    @Test
    void aMissingArgumentIsNamedWithTheStepAndTheExpectedForm() {
        assertThatThrownBy(() -> arguments("", "me:fix", "me/proj#3", "005").toRequest())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("upstreamPullRequestPreflight: upstream is required, as owner/repo");
        assertThatThrownBy(() -> arguments("up/proj", "me:fix", null, "005").toRequest())
                .hasMessage("upstreamPullRequestPreflight: staging is required, as owner/repo#number");
        assertThatThrownBy(() -> arguments("up/proj", "me:fix", "me/proj#3", " ").toRequest())
                .hasMessageStartingWith("upstreamPullRequestPreflight: spec is required");
    }

    @Test
    void aMalformedArgumentIsNamedWithTheValueAndTheEngineExplanation() {
        assertThatThrownBy(() -> arguments("up/proj", "me/fix", "me/proj#3", "005").toRequest())
                .hasMessageStartingWith("upstreamPullRequestPreflight: head 'me/fix': ")
                .hasMessageContaining("OWNER:BRANCH");
        assertThatThrownBy(() -> arguments("up/proj", "me:fix", "me/proj", "005").toRequest())
                .hasMessageStartingWith("upstreamPullRequestPreflight: staging 'me/proj': ");
    }

    @Test
    void theUpstreamOwnerIsTheGitHubAppContext() {
        assertThat(arguments("upstream-org/kvstore", "me:fix", "me/kvstore#1", "005").upstreamOwner())
                .isEqualTo("upstream-org");
    }
}
