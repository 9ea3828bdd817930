package io.jenkins.plugins.upstreampr.cli;

import static io.jenkins.plugins.upstreampr.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upstream-pr specs} run in-process against copies of the real chant trees. */
class SpecsCommandTest {

    private static final List<String> KEYS = List.of("id", "title", "status", "type", "path", "archived",
            "archivable", "reason", "destination", "criteria", "error");

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path temp;

    private Path tree(String name) {
        return CommandRun.copyFixture(name, temp.resolve(name));
    }

    private Map<String, JsonNode> byPath(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .collect(Collectors.toMap(n -> n.get("path").asText(), Function.identity()));
    }

    @Test
    void jsonListsActiveArchivedAndUnreadableSpecsWithExactlyTheIssuesKeys() throws IOException {
        Path root = tree(CommandRun.CHANT_ROOT);

        CommandRun r = run("specs", "--dir", root.toString(), "--json");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode array = json.readTree(r.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).as("35 active, 47 archived, 6 unreadable").isEqualTo(35 + 47 + 6);
        array.forEach(n -> {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactlyElementsOf(KEYS);
        });
        Map<String, JsonNode> rows = byPath(array);

        JsonNode done = rows.get(".chant/specs/2026-02-07-00a-ffx.md");
        assertThat(done.get("id").asText()).isEqualTo("2026-02-07-00a-ffx");
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("type").asText()).isEqualTo("code");
        assertThat(done.get("archived").asBoolean()).isFalse();
        assertThat(done.get("archivable").asBoolean()).isTrue();
        assertThat(done.get("reason").isNull()).isTrue();
        assertThat(done.get("destination").asText()).isEqualTo(".chant/archive/2026-02-07/2026-02-07-00a-ffx.md");
        assertThat(done.get("criteria")).isEqualTo(json.readTree("{\"checked\":7,\"total\":7}"));
        assertThat(done.get("error").isNull()).isTrue();

        JsonNode pending = rows.get(".chant/specs/2026-02-07-00y-qqd.md");
        assertThat(pending.get("archivable").asBoolean()).isFalse();
        assertThat(pending.get("reason").asText()).contains("(current: Pending)");
        assertThat(pending.get("criteria")).isEqualTo(json.readTree("{\"checked\":0,\"total\":6}"));

        JsonNode cancelled = rows.get(".chant/specs/2026-02-07-00b-m5g.md");
        assertThat(cancelled.get("archivable").asBoolean()).isFalse();
        assertThat(cancelled.get("reason").asText()).contains("--force");

        JsonNode archived = rows.get(".chant/archive/2026-02-04/2026-02-04-001-29p.md");
        assertThat(archived.get("archived").asBoolean()).isTrue();
        assertThat(archived.get("archivable").asBoolean()).isFalse();
        assertThat(archived.get("destination").isNull()).isTrue();

        JsonNode unreadable = rows.get(".chant/archive/2026-02-03-01r-ke3.md");
        assertThat(unreadable.get("id").asText()).isEqualTo("2026-02-03-01r-ke3");
        assertThat(unreadable.get("error").asText()).contains("conflict");
        assertThat(unreadable.get("status").isNull()).isTrue();
        assertThat(unreadable.get("archived").asBoolean()).isTrue();
        assertThat(unreadable.get("archivable").asBoolean()).isFalse();

        assertThat(StreamSupport.stream(array.spliterator(), false).filter(n -> n.get("archivable").asBoolean()))
                .as("22 completed, less the 3 whose work branch cannot be checked outside git").hasSize(19);
    }

    @Test
    void tableShowsEverySpecAndWhyTheOthersCannotBeArchived() {
        Path root = tree(CommandRun.TDD);

        CommandRun r = run("specs", "--dir", root.toString());

        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("ID\\s+STATUS\\s+TYPE\\s+CRITERIA\\s+ARCHIVE\\s+TITLE");
        assertThat(lines.get(1)).matches("001-coverage-analysis\\s+completed\\s+research\\s+4/4\\s+yes\\s+"
                + "Analyze payment service test coverage gaps");
        assertThat(r.out()).contains("5 active (5 archivable), 0 archived, 0 unreadable");
    }

    @Test
    void treeWithOnlyAnArchiveListsItsArchivedSpecs() throws IOException {
        CommandRun r = run("specs", "--json", "--dir", tree(CommandRun.OSS_MAINTAINER).toString());

        assertThat(r.exitCode()).isZero();
        JsonNode array = json.readTree(r.out());
        assertThat(array.size()).isEqualTo(6);
        array.forEach(n -> assertThat(n.get("archived").asBoolean()).isTrue());
        assertThat(array.get(0).get("path").asText()).isEqualTo(".chant/archive/001-compre/001-comprehension.md");
    }

    @Test
    void missingChantDirectoryIsBadInput() {
        CommandRun r = run("specs", "--dir", temp.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("upstream-pr specs: No .chant/ directory in ");
    }

    @Test
    void aSecondListingOfAnUnchangedTreeComesFromTheCacheAndPrintsTheSameAndAChangedSpecIsReadAgain()
            throws IOException {
        Path root = tree(CommandRun.TDD);
        FileTime anHourAgo = FileTime.fromMillis(
                System.currentTimeMillis() - 3_600_000);
        List<Path> files;
        try (var walk = Files.walk(root.resolve(".chant"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            Files.setLastModifiedTime(f, anHourAgo);
        }
        // the build points XDG_CACHE_HOME at target/test-cache (cli/pom.xml)
        Path cacheDir = Path.of(System.getenv("XDG_CACHE_HOME"), "upstream-pr/specs");

        CommandRun first = run("specs", "--dir", root.toString(), "--json");
        CommandRun second = run("specs", "--dir", root.toString(), "--json");
        Path spec = files.stream().filter(f -> f.toString().contains("/specs/")).findFirst().orElseThrow();
        String text = Files.readString(spec);
        Files.writeString(spec, text.replaceFirst("(?m)^# .*$", "# A title changed since"));
        CommandRun changed = run("specs", "--dir", root.toString(), "--json");

        assertThat(first.exitCode()).isZero();
        assertThat(Files.list(cacheDir).map(p -> p.getFileName().toString()))
                .anyMatch(n -> n.endsWith(".bin"));
        assertThat(second.out()).isEqualTo(first.out());
        String path = root.relativize(spec).toString();
        assertThat(byPath(json.readTree(changed.out())).get(path).get("title").asText())
                .isEqualTo("A title changed since");
        assertThat(byPath(json.readTree(first.out())).get(path).get("title").asText())
                .isNotEqualTo("A title changed since");
    }
}
