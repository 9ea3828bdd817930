package io.jenkins.plugins.upstreampr.jenkins.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromptAnswerTest {

    @Test
    void approvalKeepsTheEditedTitleAndBodyAndWhoApproved() {
        PromptAnswer answer = PromptAnswer.of("approve", "  Fix off-by-one in compaction  ", "Fixes #1234\n", true,
                null, " alice ");

        assertThat(answer.approved()).isTrue();
        assertThat(answer.title()).isEqualTo("Fix off-by-one in compaction");
        assertThat(answer.body()).isEqualTo("Fixes #1234\n");
        assertThat(answer.draft()).isTrue();
        assertThat(answer.reason()).isEmpty();
        assertThat(answer.approver()).isEqualTo("alice");
    }

    @Test
    void approvalNeedsATitle() {
        assertThatThrownBy(() -> PromptAnswer.of("approve", "   ", "body", false, "", "alice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("title is empty");
    }

    @Test
    void aTitleIsOneLineOfBoundedLength() {
        assertThatThrownBy(() -> PromptAnswer.of("approve", "Fix\nthe bug", "", false, "", "alice"))
                .hasMessageContaining("several lines");
        String longTitle = "x".repeat(PromptAnswer.MAX_TITLE_LENGTH + 1);
        assertThatThrownBy(() -> PromptAnswer.of("approve", longTitle, "", false, "", "alice"))
                .hasMessageContaining("257 characters");
        assertThat(PromptAnswer.of("approve", "x".repeat(PromptAnswer.MAX_TITLE_LENGTH), "", false, "", "a").title())
                .hasSize(PromptAnswer.MAX_TITLE_LENGTH);
    }

    @Test
    void deferAndRejectNeedAReasonAndNeedNoTitle() {
        assertThatThrownBy(() -> PromptAnswer.of("defer", "t", "", false, " ", "bob"))
                .hasMessageContaining("reason is empty")
                .hasMessageContaining("deferred");
        assertThatThrownBy(() -> PromptAnswer.of("reject", "t", "", false, null, "bob"))
                .hasMessageContaining("rejected");

        PromptAnswer deferred = PromptAnswer.of("defer", "", "", false, "upstream release freeze until June", "bob");
        assertThat(deferred.approved()).isFalse();
        assertThat(deferred.choice()).isEqualTo(GateChoice.DEFER);
        assertThat(deferred.reason()).isEqualTo("upstream release freeze until June");
    }

    @Test
    void anUnknownDecisionIsRefusedBeforeAnythingElse() {
        assertThatThrownBy(() -> PromptAnswer.of("yes", "t", "", false, "", "a"))
                .hasMessageContaining("decision 'yes'");
    }
}
