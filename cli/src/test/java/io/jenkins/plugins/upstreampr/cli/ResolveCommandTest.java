package io.jenkins.plugins.upstreampr.cli;

import static io.jenkins.plugins.upstreampr.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upstream-pr resolve} run in-process against copies of the real chant trees. */
class ResolveCommandTest {

    @TempDir
    Path temp;

    private String tree(String name) {
        return CommandRun.copyFixture(name, temp.resolve(name)).toString();
    }

    @Test
    void printsTheFullIdOfALegacyNumber() {
        CommandRun r = run("resolve", "--dir", tree(CommandRun.TDD), "001");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("001-coverage-analysis" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void printsTheFullIdOfARandomSuffix() {
        CommandRun r = run("resolve", "x5v", "--dir", tree(CommandRun.CHANT_ROOT));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("2026-02-07-00x-x5v");
    }

    @Test
    void todaysSequenceUsesTheCommandsClock() {
        Clock feb7 = Clock.fixed(Instant.parse("2026-02-07T10:00:00Z"), ZoneOffset.UTC);
        CommandRun r = run(feb7, "resolve", "--dir", tree(CommandRun.CHANT_ROOT), "00b");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("2026-02-07-00b-m5g");
    }

    @Test
    void defaultDirectoryIsTheCurrentOne() {
        // the module directory has no .chant/: the error names the directory and the option
        CommandRun r = run("resolve", "001");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("upstream-pr resolve: No .chant/ directory in .: run this in the root of a "
                + "repository that uses chant, or pass its root with --dir" + System.lineSeparator());
    }

    @Test
    void ambiguousIdIsRefusedWithTheCandidatesOnOneLine() {
        CommandRun r = run("resolve", "--dir", tree(CommandRun.TDD), "002-test-suite");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("upstream-pr resolve: Ambiguous spec ID '002-test-suite': it matches 4 active "
                + "specs: 002-test-suite-driver, 002-test-suite-driver.1, 002-test-suite-driver.2, "
                + "002-test-suite-driver.3. Give more of the ID (the full ID always works)." + System.lineSeparator());
    }

    @Test
    void archivedIdIsRefusedSayingWhereItIs() {
        CommandRun r = run("resolve", "--dir", tree(CommandRun.OSS_MAINTAINER), "fork-fix");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("upstream-pr resolve: Spec not found: fork-fix. It is archived: 005-fork-fix "
                + "at .chant/archive/005-fork-f/005-fork-fix.md. Only active specs in .chant/specs/ are resolved; "
                + "archived specs are done." + System.lineSeparator());
    }

    @Test
    void unknownIdIsRefused() {
        CommandRun r = run("resolve", "--dir", tree(CommandRun.TDD), "nothing-like-this");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("upstream-pr resolve: Spec not found: nothing-like-this. ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void pathAsIdIsBadInput() {
        CommandRun r = run("resolve", "--dir", tree(CommandRun.TDD), "../../etc/passwd");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("upstream-pr resolve: '../../etc/passwd' cannot be a spec ID: it starts with "
                + "'..'. Give a spec ID or a unique part of one, as `upstream-pr specs` lists them."
                + System.lineSeparator());
    }

    @Test
    void unreadableSpecMessageStaysOnOneLine() throws IOException {
        String dir = tree(CommandRun.TDD);
        Files.writeString(Path.of(dir, ".chant/specs/003-broken.md"), "---\nstatus: [pending\n---\n# Broken\n");
        CommandRun r = run("resolve", "--dir", dir, "broken");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("upstream-pr resolve: Spec not found: broken. It matches a file that cannot "
                + "be read: .chant/specs/003-broken.md (malformed YAML frontmatter, line ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void debugAddsTheStackTrace() {
        CommandRun r = run("resolve", "--debug", "--dir", tree(CommandRun.TDD), "002-test-suite");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().lines().findFirst()).contains("upstream-pr resolve: Ambiguous spec ID '002-test-suite': "
                + "it matches 4 active specs: 002-test-suite-driver, 002-test-suite-driver.1, 002-test-suite-driver.2, "
                + "002-test-suite-driver.3. Give more of the ID (the full ID always works).");
        assertThat(r.err()).contains("io.jenkins.plugins.upstreampr.chant.Refusal: Ambiguous spec ID")
                .contains("\tat io.jenkins.plugins.upstreampr.chant.SpecResolver.resolve(");

        CommandRun before = run("--debug", "resolve", "--dir", temp.resolve("missing").toString(), "001");
        assertThat(before.exitCode()).isEqualTo(2);
        assertThat(before.err()).contains("\tat io.jenkins.plugins.upstreampr.chant.ChantTreeReader.read(");
    }

    @Test
    void missingIdIsAUsageError() {
        CommandRun r = run("resolve", "--dir", tree(CommandRun.TDD));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("upstream-pr resolve: Missing required parameter: 'ID' (see upstream-pr "
                + "resolve --help)" + System.lineSeparator());
    }

    @Test
    void dirWithoutValueIsAUsageError() {
        CommandRun r = run("resolve", "001", "--dir");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("upstream-pr resolve: Missing required parameter for option '--dir' (D)");
    }
}
