package io.jenkins.plugins.upstreampr.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.upstreampr.chant.ExampleRepository;
import io.jenkins.plugins.upstreampr.chant.FixtureTrees;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.chant.SpecResolver;
import io.jenkins.plugins.upstreampr.chant.archive.SpecArchive;
import io.jenkins.plugins.upstreampr.github.PullRequestRef;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The archive-commit-push path against real git repositories: a bare fork made by the test (see
 * {@link ForkRepositories} for how hooks are run), seeded with the real tdd-workflow chant tree.
 */
class AfterMergeArchiveTest {

    static final String SPEC = "001-coverage-analysis";
    static final String DRIVER = "002-test-suite-driver";
    static final UpstreamOutcome MERGED = UpstreamOutcome.merged(PullRequestRef.parse("upstream-org/kvstore#1347"),
            "https://github.com/upstream-org/kvstore/pull/1347");

    @TempDir
    Path base;

    ForkRepositories fork;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void fork() throws Exception {
        fork = ForkRepositories.create(base, FixtureTrees.TDD, "main");
    }

    AfterMergeArchive archiver() {
        return new AfterMergeArchive(new SpecArchive(new SpecResolver(Clock.systemDefaultZone())::resolve),
                AfterMergeArchive.DEFAULT_ATTEMPTS, progress::add);
    }

    ArchivePushResult archive(Git checkout, String... ids) {
        return archiver().archive(ForkCheckout.of(checkout.getRepository().getWorkTree().toPath()), ForkToken.none(),
                MERGED, List.of(ids));
    }

    static ObjectId head(Git git) throws Exception {
        return git.getRepository().resolve(Constants.HEAD);
    }

    @Test
    void archivesCommitsAndPushesToTheForksDefaultBranch() throws Exception {
        ObjectId before = fork.head("main");
        try (Git checkout = fork.cloneAs("checkout")) {
            ArchivePushResult result = archive(checkout, SPEC, DRIVER);

            assertThat(result).isInstanceOf(ArchivePushResult.Pushed.class);
            ArchivePushResult.Pushed pushed = (ArchivePushResult.Pushed) result;
            assertThat(pushed.branch()).isEqualTo("main");
            assertThat(pushed.attempts()).isEqualTo(1);
            assertThat(SpecId.values(pushed.archived())).containsExactly(SPEC, DRIVER + ".1", DRIVER + ".2",
                    DRIVER + ".3", DRIVER);
            ObjectId remote = fork.head("main");
            assertThat(remote.name()).isEqualTo(pushed.commit());
            assertThat(head(checkout)).isEqualTo(remote);

            RevCommit commit = fork.commitIn(remote);
            assertThat(commit.getParent(0).getId()).isEqualTo(before);
            assertThat(commit.getShortMessage()).isEqualTo("chant: Archive specs of upstream-org/kvstore#1347");
            assertThat(commit.getFullMessage()).contains("\n\nchant: Archive " + SPEC + ", " + DRIVER + ".1, "
                    + DRIVER + ".2, " + DRIVER + ".3, " + DRIVER + "\n")
                    .contains("https://github.com/upstream-org/kvstore/pull/1347");

            List<String> files = fork.files(remote);
            assertThat(files).contains(".chant/archive/001-covera/" + SPEC + ".md",
                    ".chant/archive/002-test-s/" + DRIVER + ".md", ".chant/archive/002-test-s/" + DRIVER + ".3.md")
                    .noneMatch(f -> f.startsWith(".chant/specs/"));
            List<DiffEntry> changes = fork.changes(remote);
            assertThat(changes).hasSize(5).allSatisfy(c -> {
                assertThat(c.getChangeType()).isEqualTo(DiffEntry.ChangeType.RENAME);
                assertThat(c.getScore()).isEqualTo(100);
            });
            assertThat(changes).anySatisfy(c -> {
                assertThat(c.getOldPath()).isEqualTo(".chant/specs/" + SPEC + ".md");
                assertThat(c.getNewPath()).isEqualTo(".chant/archive/001-covera/" + SPEC + ".md");
            });
            assertThat(checkout.status().call().isClean()).isTrue();
        }
        assertThat(progress).anyMatch(l -> l.startsWith("Pushed the archive commit to main"));
    }

    @Test
    void theDefaultBranchIsTheForksHeadNotMain() throws Exception {
        ForkRepositories trunkFork = ForkRepositories.create(base.resolve("t"), FixtureTrees.TDD, "trunk");
        try (Git checkout = trunkFork.cloneAs("checkout")) {
            ArchivePushResult result = archive(checkout, SPEC);

            assertThat(result).isInstanceOfSatisfying(ArchivePushResult.Pushed.class,
                    p -> assertThat(p.branch()).isEqualTo("trunk"));
            assertThat(trunkFork.files(trunkFork.head("trunk"))).contains(".chant/archive/001-covera/" + SPEC + ".md");
        }
    }

    @Test
    void pushesToTheBranchTheUserNames() throws Exception {
        try (Git seed = Git.open(base.resolve("seed").toFile())) {
            seed.push().setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/specs")).call();
        }
        ObjectId main = fork.head("main");
        try (Git checkout = fork.cloneAs("checkout")) {
            checkout.checkout().setName("origin/specs").call();
            ArchivePushResult result = archiver().archive(
                    ForkCheckout.of(checkout.getRepository().getWorkTree().toPath()).toBranch("specs"),
                    ForkToken.none(), MERGED, List.of(SPEC));

            assertThat(result).isInstanceOfSatisfying(ArchivePushResult.Pushed.class,
                    p -> assertThat(p.branch()).isEqualTo("specs"));
        }
        assertThat(fork.head("main")).isEqualTo(main);
        assertThat(fork.files(fork.head("specs"))).contains(".chant/archive/001-covera/" + SPEC + ".md");
    }

    @Test
    void aCheckoutBehindTheForkIsBroughtUpToItFirst() throws Exception {
        try (Git checkout = fork.cloneAs("checkout"); Git other = fork.cloneAs("other")) {
            Files.writeString(base.resolve("other/NOTES.md"), "pushed by someone else\n");
            other.add().addFilepattern("NOTES.md").call();
            RevCommit theirs = ForkRepositories.commit(other, "someone else's change");
            other.push().call();

            ArchivePushResult result = archive(checkout, SPEC);

            assertThat(result).isInstanceOfSatisfying(ArchivePushResult.Pushed.class,
                    p -> assertThat(p.attempts()).isEqualTo(1));
            RevCommit archiveCommit = fork.commitIn(fork.head("main"));
            assertThat(archiveCommit.getParent(0).getId()).isEqualTo(theirs.getId());
            assertThat(fork.files(archiveCommit)).contains("NOTES.md", ".chant/archive/001-covera/" + SPEC + ".md");
        }
    }

    /**
     * Another clone pushes between the fork's advertisement and our update: the fork rejects ours (the ref is no
     * longer where we were told), we fetch, rebase the archive commit and push again. Both receive-packs: JGit's
     * in-process one ("failed to lock") and git's ("cannot lock ref ... but expected ...").
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aPushRejectedBecauseTheBranchMovedIsRebasedAndRetried(boolean gitCliReceivePack) throws Exception {
        try (Git checkout = fork.cloneAs("checkout"); Git other = fork.cloneAs("other")) {
            if (gitCliReceivePack) {
                ForkRepositories.useGitCliReceivePack(checkout);
            }
            Files.writeString(base.resolve("other/NOTES.md"), "pushed while we push\n");
            other.add().addFilepattern("NOTES.md").call();
            RevCommit theirs = ForkRepositories.commit(other, "someone else's change");
            Path once = base.resolve("raced");
            ForkRepositories.raceBeforePush(checkout, "if [ ! -e '" + once + "' ]; then touch '" + once + "'; "
                    + fork.cliPush(base.resolve("other"), "main") + "; fi\nexit 0\n");

            ArchivePushResult result = archive(checkout, SPEC);

            assertThat(result).isInstanceOf(ArchivePushResult.Pushed.class);
            ArchivePushResult.Pushed pushed = (ArchivePushResult.Pushed) result;
            assertThat(pushed.attempts()).isEqualTo(2);
            RevCommit archiveCommit = fork.commitIn(fork.head("main"));
            assertThat(archiveCommit.name()).isEqualTo(pushed.commit());
            assertThat(archiveCommit.getParent(0).getId()).isEqualTo(theirs.getId());
            assertThat(archiveCommit.getShortMessage()).isEqualTo("chant: Archive specs of upstream-org/kvstore#1347");
            assertThat(fork.changes(archiveCommit)).singleElement().satisfies(c -> {
                assertThat(c.getChangeType()).isEqualTo(DiffEntry.ChangeType.RENAME);
                assertThat(c.getNewPath()).isEqualTo(".chant/archive/001-covera/" + SPEC + ".md");
            });
            assertThat(head(checkout)).isEqualTo(archiveCommit.getId());
            assertThat(checkout.status().call().isClean()).isTrue();
            assertThat(progress).anyMatch(l -> l.startsWith("main moved"));
        }
    }

    @Test
    void aConflictingChangeFailsClearlyAndLeavesTheCheckoutAsItWas() throws Exception {
        try (Git checkout = fork.cloneAs("checkout"); Git other = fork.cloneAs("other")) {
            Path spec = base.resolve("checkout/.chant/specs/" + SPEC + ".md");
            String original = Files.readString(spec);
            Files.writeString(base.resolve("other/.chant/specs/" + SPEC + ".md"), original + "\nA late note.\n");
            other.add().addFilepattern(".chant").call();
            RevCommit theirs = ForkRepositories.commit(other, "a late note in the spec");
            Path once = base.resolve("raced");
            ForkRepositories.raceBeforePush(checkout, "if [ ! -e '" + once + "' ]; then touch '" + once + "'; "
                    + fork.cliPush(base.resolve("other"), "main") + "; fi\nexit 0\n");
            ObjectId start = head(checkout);

            assertThatThrownBy(() -> archive(checkout, SPEC))
                    .isInstanceOf(ArchivePushException.class)
                    .hasMessageContaining("does not rebase onto the new head " + theirs.name())
                    .hasMessageContaining(".chant/specs/" + SPEC + ".md")
                    .hasMessageContaining("nothing was pushed")
                    .hasMessageContaining("The checkout is as it was (main at " + start.name() + ")");

            assertThat(fork.head("main")).isEqualTo(theirs.getId());
            assertThat(head(checkout)).isEqualTo(start);
            assertThat(checkout.getRepository().getFullBranch()).isEqualTo("refs/heads/main");
            assertThat(checkout.getRepository().getRepositoryState().canCommit()).isTrue();
            assertThat(checkout.status().call().isClean()).isTrue();
            assertThat(spec).hasContent(original);
            assertThat(base.resolve("checkout/.chant/archive/001-covera/" + SPEC + ".md")).doesNotExist();
        }
    }

    @Test
    void aBranchThatKeepsMovingGivesUpAfterTheAttempts() throws Exception {
        try (Git checkout = fork.cloneAs("checkout"); Git other = fork.cloneAs("other")) {
            ForkRepositories.raceBeforePush(checkout, "git -C '" + base.resolve("other") + "' -c user.name=other "
                    + "-c user.email=" + ForkRepositories.EMAIL + " commit -q --allow-empty -m meanwhile >&2 && "
                    + fork.cliPush(base.resolve("other"), "main") + "\nexit 0\n");
            ObjectId start = head(checkout);

            assertThatThrownBy(() -> archive(checkout, SPEC))
                    .isInstanceOf(ArchivePushException.class)
                    .hasMessageContaining("main of the fork kept moving: 3 push(es) rejected")
                    .hasMessageContaining("The checkout is as it was");

            assertThat(head(checkout)).isEqualTo(start);
            assertThat(checkout.status().call().isClean()).isTrue();
            ObjectId remote = fork.head("main");
            assertThat(fork.commitIn(remote).getShortMessage()).isEqualTo("meanwhile");
            assertThat(fork.files(remote)).contains(".chant/specs/" + SPEC + ".md");
        }
    }

    @Test
    void aProtectedBranchGetsTheCommitOnASideBranchAndAPullRequestToOpen() throws Exception {
        // a second run from another clone (another author, so another commit with the same tree) finds it there
        fork.protect("main");
        ObjectId main = fork.head("main");
        try (Git checkout = fork.cloneAs("checkout")) {
            ForkRepositories.useGitCliReceivePack(checkout);
            ObjectId start = head(checkout);

            ArchivePushResult result = archive(checkout, SPEC);

            assertThat(result).isInstanceOf(ArchivePushResult.PushedToSideBranch.class);
            ArchivePushResult.PushedToSideBranch side = (ArchivePushResult.PushedToSideBranch) result;
            assertThat(side.branch()).isEqualTo("chant/archive-upstream-1347");
            assertThat(side.rejection()).contains("GH006: Protected branch update failed for refs/heads/main");
            assertThat(side.pullRequest().head()).isEqualTo("chant/archive-upstream-1347");
            assertThat(side.pullRequest().base()).isEqualTo("main");
            assertThat(side.pullRequest().title()).isEqualTo("chant: Archive specs of upstream-org/kvstore#1347");
            assertThat(side.pullRequest().body()).contains("https://github.com/upstream-org/kvstore/pull/1347")
                    .contains("`" + SPEC + "`").contains("`main` is protected");
            assertThat(side.summary()).contains("open a pull request in the fork from chant/archive-upstream-1347");

            assertThat(fork.head("main")).isEqualTo(main);
            ObjectId sideHead = fork.head("chant/archive-upstream-1347");
            assertThat(sideHead.name()).isEqualTo(side.commit());
            assertThat(fork.commitIn(sideHead).getParent(0).getId()).isEqualTo(main);
            assertThat(fork.changes(sideHead)).singleElement()
                    .satisfies(c -> assertThat(c.getChangeType()).isEqualTo(DiffEntry.ChangeType.RENAME));
            assertThat(head(checkout)).isEqualTo(start);
            assertThat(checkout.status().call().isClean()).isTrue();
            assertThat(base.resolve("checkout/.chant/specs/" + SPEC + ".md")).exists();

        }
        try (Git later = fork.cloneAs("later")) {
            ForkRepositories.useGitCliReceivePack(later);
            ObjectId sideHead = fork.head("chant/archive-upstream-1347");

            ArchivePushResult again = archive(later, SPEC);

            assertThat(again).isInstanceOfSatisfying(ArchivePushResult.PushedToSideBranch.class,
                    s -> assertThat(s.commit()).isEqualTo(sideHead.name()));
            assertThat(fork.head("chant/archive-upstream-1347")).isEqualTo(sideHead);
            assertThat(progress).anyMatch(l -> l.startsWith("chant/archive-upstream-1347 already holds this archive"));
            assertThat(fork.head("main")).isEqualTo(main);
        }
    }

    @Test
    void specsAlreadyArchivedAreANoOp() throws Exception {
        try (Git first = fork.cloneAs("first")) {
            assertThat(archive(first, SPEC)).isInstanceOf(ArchivePushResult.Pushed.class);
        }
        ObjectId archived = fork.head("main");
        try (Git checkout = fork.cloneAs("checkout")) {
            ArchivePushResult result = archive(checkout, SPEC);

            assertThat(result).isInstanceOfSatisfying(ArchivePushResult.NothingToDo.class, n -> {
                assertThat(n.branch()).isEqualTo("main");
                assertThat(n.alreadyArchived()).singleElement().asString().contains(SPEC)
                        .contains(".chant/archive/001-covera/" + SPEC + ".md");
            });
            assertThat(fork.head("main")).isEqualTo(archived);
            assertThat(head(checkout)).isEqualTo(archived);
            assertThat(checkout.status().call().isClean()).isTrue();
        }
    }

    @Test
    void aCheckoutBehindAForkThatArchivedTheSpecsIsANoOpToo() throws Exception {
        try (Git stale = fork.cloneAs("stale")) {
            ObjectId start = head(stale);
            try (Git first = fork.cloneAs("first")) {
                assertThat(archive(first, SPEC)).isInstanceOf(ArchivePushResult.Pushed.class);
            }
            ObjectId archived = fork.head("main");

            assertThat(archive(stale, SPEC)).isInstanceOf(ArchivePushResult.NothingToDo.class);

            assertThat(fork.head("main")).isEqualTo(archived);
            assertThat(head(stale)).isEqualTo(start);
            assertThat(stale.status().call().isClean()).isTrue();
        }
    }

    @Test
    void aPullRequestClosedWithoutMergeArchivesNothing() throws Exception {
        ObjectId main = fork.head("main");
        try (Git checkout = fork.cloneAs("checkout")) {
            UpstreamOutcome closed = UpstreamOutcome.closedUnmerged(MERGED.pullRequest(),
                    "https://github.com/upstream-org/kvstore/pull/1347", "Superseded by #1350, thanks!");

            ArchivePushResult result = archiver().archive(ForkCheckout.of(base.resolve("checkout")),
                    ForkToken.none(), closed, List.of(SPEC));

            assertThat(result).isInstanceOfSatisfying(ArchivePushResult.Refused.class, r -> assertThat(r.reason())
                    .contains("upstream-org/kvstore#1347 was closed without being merged")
                    .contains("\"Superseded by #1350, thanks!\"")
                    .contains("nothing was archived"));
            assertThat(fork.head("main")).isEqualTo(main);
            assertThat(head(checkout)).isEqualTo(main);
            assertThat(base.resolve("checkout/.chant/specs/" + SPEC + ".md")).exists();
            assertThat(checkout.status().call().isClean()).isTrue();
        }
    }

    @Test
    void aSpecChantWouldNotArchiveIsRefusedAndNothingMoves() throws Exception {
        try (Git checkout = fork.cloneAs("checkout")) {
            Path member = base.resolve("checkout/.chant/specs/" + DRIVER + ".2.md");
            Files.writeString(member, Files.readString(member).replace("status: completed", "status: in_progress"));
            checkout.add().addFilepattern(".chant").call();
            ForkRepositories.commit(checkout, "reopen a member");
            checkout.push().call();
            ObjectId start = head(checkout);

            ArchivePushResult result = archive(checkout, SPEC, DRIVER);

            assertThat(result).isInstanceOfSatisfying(ArchivePushResult.Refused.class,
                    r -> assertThat(r.reason()).contains(DRIVER));
            assertThat(fork.head("main")).isEqualTo(start);
            assertThat(head(checkout)).isEqualTo(start);
            assertThat(checkout.status().call().isClean()).isTrue();
            assertThat(base.resolve("checkout/.chant/specs/" + SPEC + ".md")).exists();
        }
    }

    @Test
    void aCheckoutWithUncommittedChangesIsRefused() throws Exception {
        try (Git checkout = fork.cloneAs("checkout")) {
            Files.writeString(base.resolve("checkout/README.md"), "local edit\n");
            ObjectId main = fork.head("main");

            ArchivePushResult result = archive(checkout, SPEC);

            assertThat(result).isInstanceOfSatisfying(ArchivePushResult.Refused.class, r -> assertThat(r.reason())
                    .contains("tracked files have uncommitted changes (README.md)"));
            assertThat(fork.head("main")).isEqualTo(main);
            assertThat(base.resolve("checkout/README.md")).hasContent("local edit");
            assertThat(base.resolve("checkout/.chant/specs/" + SPEC + ".md")).exists();
        }
    }

    @Test
    void aCheckoutWithCommitsTheForkLacksIsRefused() throws Exception {
        try (Git checkout = fork.cloneAs("checkout")) {
            Files.writeString(base.resolve("checkout/LOCAL.md"), "not pushed\n");
            checkout.add().addFilepattern("LOCAL.md").call();
            RevCommit local = ForkRepositories.commit(checkout, "local only");
            ObjectId main = fork.head("main");

            ArchivePushResult result = archive(checkout, SPEC);

            assertThat(result).isInstanceOfSatisfying(ArchivePushResult.Refused.class, r -> assertThat(r.reason())
                    .contains("has commits that main of the fork does not have"));
            assertThat(fork.head("main")).isEqualTo(main);
            assertThat(head(checkout)).isEqualTo(local.getId());
        }
    }

    @Test
    void aDetachedCheckoutAsJenkinsMakesItWorksToo() throws Exception {
        try (Git checkout = fork.cloneAs("checkout"); Git other = fork.cloneAs("other")) {
            checkout.checkout().setName(head(checkout).name()).call();
            Files.writeString(base.resolve("other/NOTES.md"), "pushed while we push\n");
            other.add().addFilepattern("NOTES.md").call();
            RevCommit theirs = ForkRepositories.commit(other, "someone else's change");
            Path once = base.resolve("raced");
            ForkRepositories.raceBeforePush(checkout, "if [ ! -e '" + once + "' ]; then touch '" + once + "'; "
                    + fork.cliPush(base.resolve("other"), "main") + "; fi\nexit 0\n");

            ArchivePushResult result = archive(checkout, SPEC);

            assertThat(result).isInstanceOfSatisfying(ArchivePushResult.Pushed.class,
                    p -> assertThat(p.attempts()).isEqualTo(2));
            assertThat(fork.commitIn(fork.head("main")).getParent(0).getId()).isEqualTo(theirs.getId());
            assertThat(checkout.getRepository().getFullBranch()).isEqualTo(fork.head("main").name());
        }
    }

    static final String FAKE_TOKEN = "ghs_fakeTokenOnlyForThisTest0123456789";

    /**
     * The fork's address points to a closed port on this machine, with the token in the URL (both ways people
     * write it) and in the credentials: every failure, its cause chain and the progress lines must be free of it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"http://x-access-token:%s@127.0.0.1:%d/upstream-org/kvstore.git",
            "http://%s@127.0.0.1:%d/upstream-org/kvstore.git"})
    void theTokenNeverAppearsInMessagesExceptionsOrProgress(String urlFormat) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (Git checkout = fork.cloneAs("checkout")) {
            var config = checkout.getRepository().getConfig();
            config.setString("remote", "origin", "url", String.format(urlFormat, FAKE_TOKEN, closedPort));
            config.save();
            ObjectId start = head(checkout);
            Path dir = base.resolve("checkout");

            for (String branch : new String[] {null, "main"}) {
                Throwable thrown = catchThrowable(() -> archiver().archive(new ForkCheckout(dir, "origin", branch),
                        ForkToken.of(FAKE_TOKEN), MERGED, List.of(SPEC)));

                assertThat(thrown).isInstanceOf(ArchivePushException.class)
                        .hasMessageContaining(branch == null ? "Cannot ask the fork origin" : "Cannot fetch main from")
                        .hasMessageContaining("127.0.0.1:" + closedPort)
                        .hasMessageNotContaining(FAKE_TOKEN);
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain(FAKE_TOKEN).contains("Caused by:");
            }
            assertThat(progress).isNotEmpty().noneMatch(line -> line.contains(FAKE_TOKEN));
            assertThat(head(checkout)).isEqualTo(start);
            assertThat(dir.resolve(".chant/specs/" + SPEC + ".md")).exists();
        }
    }

    static final List<String> KVSTORE_TRAIL = List.of("2026-11-20-001-k3v", "2026-11-20-002-m8q",
            "2026-11-20-003-r4x", "2026-11-20-004-j3n", ExampleRepository.IMPLEMENTATION,
            ExampleRepository.UPSTREAM_PR);

    @Test
    void theExampleTrailIsArchivedInOneCommitWhenTheForkTracksItsSpecs() throws Exception {
        ForkRepositories kvstore = ForkRepositories.create(base.resolve("kv"), ExampleRepository.kvstore(), "main");
        try (Git gate = kvstore.cloneAs("gate")) {
            Path spec = base.resolve("kv/gate/.chant/specs/" + ExampleRepository.UPSTREAM_PR + ".md");
            Files.writeString(spec, Files.readString(spec).replace("status: pending", "status: completed"));
            gate.add().addFilepattern(".chant").call();
            ForkRepositories.commit(gate, "chant(" + ExampleRepository.UPSTREAM_PR + "): upstream PR opened");
            gate.push().call();
        }
        try (Git checkout = kvstore.cloneAs("checkout")) {
            ArchivePushResult result = archive(checkout, KVSTORE_TRAIL.toArray(String[]::new));

            assertThat(result).isInstanceOf(ArchivePushResult.Pushed.class);
            assertThat(SpecId.values(((ArchivePushResult.Pushed) result).archived())).containsExactly(
                    "2026-11-20-001-k3v", "2026-11-20-002-m8q.1", "2026-11-20-002-m8q.2", "2026-11-20-002-m8q",
                    "2026-11-20-003-r4x", "2026-11-20-004-j3n", ExampleRepository.IMPLEMENTATION,
                    ExampleRepository.UPSTREAM_PR);
            ObjectId remote = kvstore.head("main");
            assertThat(kvstore.files(remote)).contains(".chant/archive/2026-11-20/" + ExampleRepository.UPSTREAM_PR
                    + ".md").noneMatch(f -> f.startsWith(".chant/specs/"));
            assertThat(kvstore.changes(remote)).hasSize(8)
                    .allSatisfy(c -> assertThat(c.getChangeType()).isEqualTo(DiffEntry.ChangeType.RENAME));
            assertThat(kvstore.commitIn(remote).getFullMessage()).startsWith(
                    "chant: Archive specs of upstream-org/kvstore#1347\n\nchant: Archive 2026-11-20-001-k3v, ");
        }
    }

    /**
     * The example's chant runs in silent mode: {@code .chant/} is excluded from git, so the fork never has the specs.
     * There is nothing an archive commit could carry: refused, nothing moved.
     */
    @Test
    void inSilentModeTheSpecsAreNotInGitAndNothingIsArchived() throws Exception {
        ForkRepositories kvstore = ForkRepositories.create(base.resolve("kv"), ExampleRepository.kvstore(), "main");
        try (Git seed = Git.open(base.resolve("kv/seed").toFile())) {
            seed.rm().setCached(true).addFilepattern(".chant").call();
            ForkRepositories.commit(seed, "the fork keeps no chant specs");
            seed.push().call();
        }
        try (Git checkout = kvstore.cloneAs("checkout")) {
            Path dir = base.resolve("kv/checkout");
            Files.createDirectories(dir.resolve(".git/info"));
            Files.writeString(dir.resolve(".git/info/exclude"), ".chant/\n");
            try (var walk = Files.walk(ExampleRepository.kvstore().resolve(".chant"))) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path dest = dir.resolve(ExampleRepository.kvstore().relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest);
                    }
                }
            }
            ObjectId main = kvstore.head("main");

            ArchivePushResult result = archive(checkout, ExampleRepository.IMPLEMENTATION);

            assertThat(result).isInstanceOfSatisfying(ArchivePushResult.Refused.class, r -> assertThat(r.reason())
                    .contains("not tracked by git in the checkout: .chant/specs/" + ExampleRepository.IMPLEMENTATION
                            + ".md").contains("silent mode"));
            assertThat(dir.resolve(".chant/specs/" + ExampleRepository.IMPLEMENTATION + ".md")).exists();
            assertThat(dir.resolve(".chant/archive")).doesNotExist();
            assertThat(kvstore.head("main")).isEqualTo(main);
        }
    }
}
