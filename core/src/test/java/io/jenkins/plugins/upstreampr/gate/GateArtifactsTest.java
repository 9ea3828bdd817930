package io.jenkins.plugins.upstreampr.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.upstreampr.chant.ChantException;
import io.jenkins.plugins.upstreampr.chant.FixtureTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class GateArtifactsTest {

    @TempDir
    Path tmp;

    private final Path repo = FixtureTrees.tree(FixtureTrees.OSS_MAINTAINER);

    private static GateDecision approval() {
        return new GateDecision(GateDecision.Outcome.APPROVE, " Fix lost concurrent writes ", "Body text", true, null,
                "alice", Instant.parse("2026-11-24T10:15:30Z"),
                List.of(new GateOverride("freeze", "security fix, release manager agreed")));
    }

    private static GateRecord record(GateDecision decision) {
        return GateRecord.of(decision,
                new GateRecord.Staging("yourusername/kvstore#12", "6dcb09b5b57875f334f61aebed695e2e4193db5e", "green",
                        List.of(new GateRecord.Check("build", "success", "https://ci.example/1"))),
                new GateRecord.Upstream("upstream-org/kvstore", "yourusername:fix/issue-1234", "main", 1347,
                        "https://github.com/upstream-org/kvstore/pull/1347", true),
                List.of("release 2.4.0 due in 3 days"),
                List.of(new GateRecord.SpecEntry("005-fork-fix", ".chant/archive/005-fork-f/005-fork-fix.md",
                        "completed")),
                GateRecord.Retries.none());
    }

    @Test
    void writesTheRecordTheBodyAndACopyOfEachTrailFile() throws Exception {
        GateDecision decision = approval();
        Path out = tmp.resolve("artifacts");

        Map<String, String> artifacts = GateArtifacts.write(out, record(decision), decision.title(), "Body text",
                repo, List.of(".chant/archive/005-fork-f/005-fork-fix.md", ".chant/research/issue-42-root-cause.md"));

        assertThat(artifacts).containsOnlyKeys("upstream-pr/gate-record.json", "upstream-pr/pull-request.md",
                "upstream-pr/chant/archive/005-fork-f/005-fork-fix.md",
                "upstream-pr/chant/research/issue-42-root-cause.md");
        artifacts.values().forEach(rel -> assertThat(out.resolve(rel)).isRegularFile());
        assertThat(out.resolve("upstream-pr/chant/archive/005-fork-f/005-fork-fix.md"))
                .hasSameBinaryContentAs(repo.resolve(".chant/archive/005-fork-f/005-fork-fix.md"));
        assertThat(Files.readString(out.resolve("upstream-pr/pull-request.md")))
                .isEqualTo("# Fix lost concurrent writes\n\nBody text\n");

        JsonNode json = new ObjectMapper().readTree(out.resolve("upstream-pr/gate-record.json").toFile());
        assertThat(json.get("decision").asText()).isEqualTo("approve");
        assertThat(json.get("decidedBy").asText()).isEqualTo("alice");
        assertThat(json.get("decidedAt").asText()).isEqualTo("2026-11-24T10:15:30Z");
        assertThat(json.get("draft").asBoolean()).isTrue();
        assertThat(json.at("/overrides/0/check").asText()).isEqualTo("freeze");
        assertThat(json.at("/staging/headSha").asText()).isEqualTo("6dcb09b5b57875f334f61aebed695e2e4193db5e");
        assertThat(json.at("/staging/checks/0/name").asText()).isEqualTo("build");
        assertThat(json.at("/upstream/url").asText()).isEqualTo("https://github.com/upstream-org/kvstore/pull/1347");
        assertThat(json.at("/upstream/created").asBoolean()).isTrue();
        assertThat(json.at("/specs/0/id").asText()).isEqualTo("005-fork-fix");
    }

    @Test
    void theTrailAloneIsCopiedUnderTheSameNamesWithoutRecordOrBody() throws Exception {
        Path out = tmp.resolve("trail");

        Map<String, String> artifacts = GateArtifacts.writeTrail(out, repo,
                List.of(".chant/archive/005-fork-f/005-fork-fix.md", ".chant/research/issue-42-root-cause.md"));

        assertThat(artifacts).containsOnlyKeys("upstream-pr/chant/archive/005-fork-f/005-fork-fix.md",
                "upstream-pr/chant/research/issue-42-root-cause.md");
        assertThat(out.resolve("upstream-pr/chant/research/issue-42-root-cause.md"))
                .hasSameBinaryContentAs(repo.resolve(".chant/research/issue-42-root-cause.md"));
        assertThat(out.resolve("upstream-pr/gate-record.json")).doesNotExist();
        assertThat(out.resolve("upstream-pr/pull-request.md")).doesNotExist();
        assertThatThrownBy(() -> GateArtifacts.writeTrail(tmp.resolve("b"), repo, List.of("../outside.md")))
                .isInstanceOf(ChantException.class)
                .hasMessageContaining("not a file inside the repository");
    }

    @Test
    void refusesAPathOutsideTheRepositoryAndWritesNothingFromOutside() {
        assertThatThrownBy(() -> GateArtifacts.write(tmp.resolve("a"), record(approval()), "t", "b", repo,
                List.of("../" + FixtureTrees.TDD + "/.chant/config.md")))
                .isInstanceOf(ChantException.class)
                .hasMessageContaining("../" + FixtureTrees.TDD + "/.chant/config.md")
                .hasMessageContaining("not a file inside the repository");
        assertThat(tmp.resolve("a/upstream-pr/chant")).doesNotExist();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege on Windows")
    void refusesASymbolicLinkLeadingOutOfTheRepository() throws Exception {
        Path own = FixtureTrees.copy(FixtureTrees.OSS_MAINTAINER, tmp.resolve("repo"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "not for artifacts");
        Files.createSymbolicLink(own.resolve(".chant/research/leak.md"), secret);

        assertThatThrownBy(() -> GateArtifacts.write(tmp.resolve("b"), record(approval()), "t", "b", own,
                List.of(".chant/research/leak.md")))
                .isInstanceOf(ChantException.class)
                .hasMessageContaining(".chant/research/leak.md");
        assertThat(tmp.resolve("b/upstream-pr/chant/research/leak.md")).doesNotExist();
    }
}
