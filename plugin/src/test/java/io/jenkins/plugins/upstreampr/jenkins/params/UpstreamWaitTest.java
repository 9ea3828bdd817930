package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.upstreampr.followup.WatchPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpstreamWaitTest {

    @Test
    void readsTheArgumentsOfTheIssueExample() {
        UpstreamWait wait = UpstreamWait.of("upstream-org/kvstore#1347", "yourusername/kvstore#12", "merged", 60);

        assertThat(wait.upstream().toString()).isEqualTo("upstream-org/kvstore#1347");
        assertThat(wait.staging().toString()).isEqualTo("yourusername/kvstore#12");
        assertThat(wait.policy().until()).isEqualTo(WatchPolicy.Until.MERGED);
        assertThat(wait.policy().timeout()).isEqualTo(Duration.ofHours(1));
        assertThat(wait.policy().firstInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(wait.policy().maxInterval()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void stagingIsOptionalAndUntilDefaultsToMerged() {
        UpstreamWait wait = UpstreamWait.of(" upstream-org/kvstore#1347 ", "  ", null,
                UpstreamWait.DEFAULT_TIMEOUT_MINUTES);

        assertThat(wait.staging()).isNull();
        assertThat(wait.policy().until()).isEqualTo(WatchPolicy.Until.MERGED);
        assertThat(wait.policy().timeout()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void stagingChecksAreJudgedAsThePreflightJudgesThem() {
        UpstreamWait plain = UpstreamWait.of("upstream-org/kvstore#1347", "yourusername/kvstore#12", "merged", 60);
        assertThat(plain.stagingPolicy().required().isEmpty()).isTrue();
        assertThat(plain.stagingPolicy().allowNone()).isFalse();

        UpstreamWait wait = plain.withStagingChecks("build (*),\n lint ,build (*)", true);

        assertThat(wait.stagingPolicy().required().patterns()).containsExactly("build (*)", "lint");
        assertThat(wait.stagingPolicy().allowNone()).isTrue();
        assertThat(wait.upstream()).isEqualTo(plain.upstream());
        assertThat(wait.staging()).isEqualTo(plain.staging());
        assertThat(wait.policy()).isEqualTo(plain.policy());
    }

    @Test
    void untilTakesTheThreeChoicesInAnyCase() {
        assertThat(UpstreamWait.until("closed")).isEqualTo(WatchPolicy.Until.CLOSED);
        assertThat(UpstreamWait.until("Review")).isEqualTo(WatchPolicy.Until.REVIEW);
        assertThat(UpstreamWait.until(" MERGED ")).isEqualTo(WatchPolicy.Until.MERGED);
    }

    @Test
    void anUnknownUntilNamesTheArgumentAndTheChoices() {
        assertThatThrownBy(() -> UpstreamWait.until("approved"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("until is 'approved': use merged (the default), closed (merged or closed without merge) "
                        + "or review (the next review submitted)");
    }

    @Test
    void aMissingOrMalformedPullRequestNamesTheArgument() {
        assertThatThrownBy(() -> UpstreamWait.of("", null, "merged", 60))
                .hasMessageStartingWith("upstream is required: the upstream pull request as OWNER/REPO#NUMBER");
        assertThatThrownBy(() -> UpstreamWait.of("upstream-org/kvstore", null, "merged", 60))
                .hasMessageStartingWith("upstream: Invalid pull request 'upstream-org/kvstore': expected "
                        + "OWNER/REPO#NUMBER");
        assertThatThrownBy(() -> UpstreamWait.of("upstream-org/kvstore#1", "yourusername/kvstore#x", "merged", 60))
                .hasMessageStartingWith("staging: Invalid pull request 'yourusername/kvstore#x'");
    }

    @Test
    void theTimeoutIsBoundedAndTheMessageSaysTheRange() {
        assertThatThrownBy(() -> UpstreamWait.of("o/r#1", null, "merged", 0))
                .hasMessage("timeoutMinutes is 0: use 1 up to 129600 (90 days); the default is 10080 (a week)");
        assertThatThrownBy(() -> UpstreamWait.of("o/r#1", null, "merged", UpstreamWait.MAX_TIMEOUT_MINUTES + 1))
                .hasMessageStartingWith("timeoutMinutes is 129601");
        assertThat(UpstreamWait.of("o/r#1", null, "merged", UpstreamWait.MAX_TIMEOUT_MINUTES).policy().timeout())
                .isEqualTo(Duration.ofDays(90));
    }
}
