package io.jenkins.plugins.upstreampr.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of the names users type, and the small policies. */
class NamesTest {

    @Test
    void parsesRepositoriesPullRequestsAndHeads() {
        assertThat(RepositoryName.parse("octo/hello-world.js")).isEqualTo(new RepositoryName("octo", "hello-world.js"));
        assertThat(PullRequestRef.parse("octo/fork#12")).isEqualTo(
                new PullRequestRef(new RepositoryName("octo", "fork"), 12));
        assertThat(HeadRef.parse("octo:fix/issue-1234")).isEqualTo(new HeadRef("octo", "fix/issue-1234"));
    }

    @Test
    void badNamesSayWhatIsExpected() {
        assertThatThrownBy(() -> RepositoryName.parse("octo")).hasMessageContaining("'octo'")
                .hasMessageContaining("OWNER/REPO");
        assertThatThrownBy(() -> PullRequestRef.parse("octo/fork#x")).hasMessageContaining("'octo/fork#x'")
                .hasMessageContaining("must be a number");
        assertThatThrownBy(() -> PullRequestRef.parse("octo/fork")).hasMessageContaining("OWNER/REPO#NUMBER");
        assertThatThrownBy(() -> HeadRef.parse("fix/issue")).hasMessageContaining("OWNER:BRANCH");
        assertThatThrownBy(() -> HeadRef.parse("octo:bad..name")).hasMessageContaining("bad..name");
        assertThatThrownBy(() -> FreezeWindow.parse("2026-13-01..2026-01-02")).hasMessageContaining("FROM..TO");
        assertThatThrownBy(() -> FreezeWindow.parse("2026-02-01..2026-01-02")).hasMessageContaining("before it starts");
    }

    @Test
    void globsAndExactNames() {
        RequiredChecks required = new RequiredChecks(List.of("build (*)", "ci/jenkins?pr"));
        assertThat(required.anyMatches("build (ubuntu-latest, 17)")).isTrue();
        assertThat(required.anyMatches("ci/jenkins/pr")).isTrue();
        assertThat(required.anyMatches("build")).isFalse();
        assertThat(RequiredChecks.matches("a.b", "axb")).isFalse();
        assertThat(RequiredChecks.matches("a.b", "a.b")).isTrue();
    }

    @Test
    void freezeWindowsIncludeBothEnds() {
        FreezeWindow w = FreezeWindow.parse("2026-12-20..2027-01-05: holidays");
        assertThat(w.reason()).isEqualTo("holidays");
        assertThat(w.contains(LocalDate.parse("2026-12-20"))).isTrue();
        assertThat(w.contains(LocalDate.parse("2027-01-05"))).isTrue();
        assertThat(w.contains(LocalDate.parse("2027-01-06"))).isFalse();
    }

    @Test
    void backoffDoublesUpToItsBound() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(2));
        assertThat(List.of(p.backoffAfter(1), p.backoffAfter(2), p.backoffAfter(3), p.backoffAfter(4)))
                .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(2));
    }

    @Test
    void reviewersAreSplitIntoUsersAndTeams() {
        PullRequestProposal p = PullRequestProposal.builder(RepositoryName.parse("up/p"), HeadRef.parse("o:b"), "t", null)
                .reviewers(List.of("alice", "@up/core", "up/docs"))
                .build();
        assertThat(p.reviewers()).containsExactly("alice");
        assertThat(p.teamReviewers()).containsExactly("core", "docs");
        assertThat(p.body()).isEmpty();
        assertThat(p.maintainerCanModify()).isTrue();
    }

    @Test
    void theApiUrlMustNotCarryCredentials() {
        assertThatThrownBy(() -> GitHubSession.connect(URI.create("https://user:pw@ghe.example.com/api/v3"),
                "t")).hasMessageNotContaining("pw").hasMessageContaining("must not carry credentials");
        assertThatThrownBy(() -> GitHubSession.connect(URI.create("ftp://x"), "t"))
                .hasMessageContaining("https://HOST/api/v3");
    }
}
