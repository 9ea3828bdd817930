package io.jenkins.plugins.upstreampr.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.upstreampr.chant.Refusal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a gate with several roles, as a front end's loop drives them. */
class ApprovalsTest {

    private static final String SHA_A = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    private static final String SHA_B = "aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd";
    private static final Instant T1 = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-10T13:00:00Z");
    private static final String TEXT = Approvals.digest("Fix the race", "Body\n", false);
    private static final String EDITED = Approvals.digest("Fix the race", "Body, edited\n", false);

    private final Approvals twoRoles = Approvals.of(List.of("maintainers", "ospo"));

    private static GateDecision decision(GateDecision.Outcome outcome, String who, String body) {
        return new GateDecision(outcome, "Fix the race", body, false,
                outcome == GateDecision.Outcome.APPROVE ? null : "not now", who, T2, List.of());
    }

    @Test
    void eachRoleIsAskedInTurnAndTheGateIsCompleteOnceAllApproved() {
        assertThat(twoRoles.next()).hasValueSatisfying(n -> {
            assertThat(n.role()).isEqualTo(1);
            assertThat(n.submitter()).isEqualTo("maintainers");
            assertThat(n.inputId("UpstreamPullRequest")).isEqualTo("UpstreamPullRequest-1");
            assertThat(n.why()).isEqualTo("Approval 1 of 2 (maintainers).");
        });

        Approvals one = twoRoles.record(1, "alice", T1, SHA_A, TEXT);

        assertThat(one.stillNeeded()).containsExactly(2);
        assertThat(one.complete()).isFalse();
        assertThat(one.next()).hasValueSatisfying(n -> {
            assertThat(n.role()).isEqualTo(2);
            assertThat(n.submitter()).isEqualTo("ospo");
            assertThat(n.why()).startsWith("Approval 2 of 2 (ospo); approved so far by alice (role 1)");
        });

        Approvals both = one.record(2, "bob", T2, SHA_A, TEXT);

        assertThat(both.complete()).isTrue();
        assertThat(both.next()).isEmpty();
        assertThat(both.stillNeeded()).isEmpty();
        assertThat(both.lapsed()).isEmpty();
        assertThat(both.standing()).extracting(Approvals.Approval::who).containsExactly("alice", "bob");
    }

    @Test
    void theSamePersonCannotApproveForTwoRolesWhateverTheCase() {
        Approvals one = twoRoles.record(1, "alice", T1, SHA_A, TEXT);

        assertThatThrownBy(() -> one.record(2, "Alice", T2, SHA_A, TEXT)).isInstanceOf(Refusal.class)
                .hasMessage("Alice already approved as role 1 (maintainers); role 2 (ospo) needs a different person.");
        // not even with an edited text, which would make her first approval lapse
        assertThatThrownBy(() -> one.record(2, "alice", T2, SHA_A, EDITED)).isInstanceOf(Refusal.class);
        assertThat(one.stillNeeded()).containsExactly(2);
    }

    @Test
    void aLaterApproverEditingTheTextMakesTheEarlierApprovalsLapseAndTheirRolesAreAskedAgainWithTheReason() {
        Approvals edited = twoRoles.record(1, "alice", T1, SHA_A, TEXT).record(2, "bob", T2, SHA_A, EDITED);

        assertThat(edited.complete()).isFalse();
        assertThat(edited.stillNeeded()).containsExactly(1);
        assertThat(edited.lapsed()).singleElement().satisfies(a -> {
            assertThat(a.who()).isEqualTo("alice");
            assertThat(a.lapsedBecause()).isEqualTo("bob (role 2, ospo) changed the title, body or draft after it");
        });
        assertThat(edited.next()).hasValueSatisfying(n -> {
            assertThat(n.role()).isEqualTo(1);
            assertThat(n.why()).isEqualTo("Approval 1 of 2 (maintainers), asked again: the approval by alice lapsed "
                    + "because bob (role 2, ospo) changed the title, body or draft after it.");
        });

        // alice approves the edited text: complete, and the record keeps her lapsed approval
        Approvals again = edited.record(1, "alice", T2, SHA_A, EDITED);
        assertThat(again.complete()).isTrue();
        assertThat(again.approvals()).extracting(Approvals.Approval::who, Approvals.Approval::lapsed)
                .containsExactly(tuple("alice", true),
                        tuple("bob", false),
                        tuple("alice", false));
    }

    @Test
    void aStagingHeadThatMovedMakesTheApprovalsOfTheOldCommitLapse() {
        Approvals moved = twoRoles.record(1, "alice", T1, SHA_A, TEXT).atHead(SHA_B);

        assertThat(moved.stillNeeded()).containsExactly(1, 2);
        assertThat(moved.next()).hasValueSatisfying(n -> assertThat(n.why())
                .contains("asked again: the approval by alice lapsed because the staging head moved from " + SHA_A
                        + " to " + SHA_B));
        assertThat(moved.atHead(SHA_B)).isEqualTo(moved);
        // an approval given on a new head makes those of the old one lapse too
        Approvals onNew = twoRoles.record(1, "alice", T1, SHA_A, TEXT).record(2, "bob", T2, SHA_B, TEXT);
        assertThat(onNew.lapsed()).extracting(Approvals.Approval::lapsedBecause)
                .containsExactly("the staging head moved from " + SHA_A + " to " + SHA_B);
    }

    @Test
    void aRejectionOrDeferralByAnyRoleEndsTheGate() {
        Approvals one = twoRoles.answer(1, decision(GateDecision.Outcome.APPROVE, "alice", "Body\n"), SHA_A);

        Approvals rejected = one.answer(2, decision(GateDecision.Outcome.REJECT, "bob", "Body\n"), SHA_A);

        assertThat(rejected.ended()).isEqualTo(GateDecision.Outcome.REJECT);
        assertThat(rejected.next()).isEmpty();
        assertThat(rejected.complete()).isFalse();
        assertThat(rejected.stillNeeded()).isEmpty();
        assertThatThrownBy(() -> rejected.record(2, "carol", T2, SHA_A, TEXT)).isInstanceOf(Refusal.class)
                .hasMessageContaining("ended with a reject");
        assertThat(twoRoles.answer(1, decision(GateDecision.Outcome.DEFER, "alice", "Body\n"), SHA_A).ended())
                .isEqualTo(GateDecision.Outcome.DEFER);
    }

    @Test
    void anApprovalIsBoundToTheDigestOfTitleBodyAndDraftAsShown() {
        Approvals one = twoRoles.answer(1, decision(GateDecision.Outcome.APPROVE, "alice", "Body\n"), SHA_A);

        assertThat(one.approvals().get(0).digest()).isEqualTo(TEXT).hasSize(64);
        assertThat(one.approvals().get(0).sha()).isEqualTo(SHA_A);
        assertThat(Approvals.digest("Fix the race", "Body\n", true)).isNotEqualTo(TEXT);
        assertThat(Approvals.digest("a", "b\nc", false)).isNotEqualTo(Approvals.digest("a\nb", "c", false));
    }

    @Test
    void anApprovalMustBeCompleteAndOfExactlyTheTextAndCommitToBeCarriedOut() {
        Approvals both = twoRoles.record(1, "alice", T1, SHA_A, TEXT).record(2, "bob", T2, SHA_A, TEXT);
        GateDecision asApproved = decision(GateDecision.Outcome.APPROVE, "bob", "Body\n");

        both.requireComplete(asApproved, SHA_A);
        assertThatThrownBy(() -> both.requireComplete(decision(GateDecision.Outcome.APPROVE, "bob", "Other\n"), SHA_A))
                .isInstanceOf(Refusal.class).hasMessageContaining("another title, body or draft");
        assertThatThrownBy(() -> both.requireComplete(asApproved, SHA_B)).isInstanceOf(Refusal.class)
                .hasMessageContaining("commit " + SHA_A + ", not " + SHA_B);
        assertThatThrownBy(() -> twoRoles.record(1, "alice", T1, SHA_A, TEXT).requireComplete(asApproved, SHA_A))
                .isInstanceOf(Refusal.class).hasMessageContaining("still needed role 2 (ospo)");
    }

    @Test
    void aRoleAlreadyApprovedOrUnknownOrAnAnonymousApproverIsRefused() {
        Approvals one = twoRoles.record(1, "alice", T1, SHA_A, TEXT);

        assertThatThrownBy(() -> one.record(1, "carol", T2, SHA_A, TEXT)).isInstanceOf(Refusal.class)
                .hasMessage("Role 1 (maintainers) is already approved by alice.");
        assertThatThrownBy(() -> one.record(3, "carol", T2, SHA_A, TEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one of the 2 roles");
        assertThatThrownBy(() -> one.record(2, null, T2, SHA_A, TEXT)).isInstanceOf(Refusal.class)
                .hasMessageContaining("without a name");
        assertThatThrownBy(() -> Approvals.of(List.of("maintainers", " "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("role 2 is empty");
        assertThatThrownBy(() -> Approvals.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void approvalsSurviveSerializationAsAPipelineKeepsThem() throws Exception {
        Approvals state = twoRoles.record(1, "alice", T1, SHA_A, TEXT).record(2, "bob", T2, SHA_A, EDITED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(state);
        }
    }
}
