package io.jenkins.plugins.upstreampr.chant.archive;

import io.jenkins.plugins.upstreampr.chant.ChantConfig;
import io.jenkins.plugins.upstreampr.chant.ChantTree;
import io.jenkins.plugins.upstreampr.chant.Spec;
import io.jenkins.plugins.upstreampr.chant.SpecId;
import io.jenkins.plugins.upstreampr.chant.SpecStatus;
import io.jenkins.plugins.upstreampr.chant.UnreadableSpec;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * chant's archive eligibility for one tree and one set of flags (chant-format.md §6, §7.2–§7.7): which specs go
 * together (a driver after its members), which may not go and why (status, unmerged branch, source outside
 * {@code specs/}, no or an occupied destination), where each goes, and which flat archived files are migrated
 * first. Answers are computed once per spec; nothing is written.
 */
final class ArchiveRules implements AutoCloseable {

    static final String SPECS = ".chant/specs/";
    static final String ARCHIVE = ".chant/archive/";

    /** Specs that go together, in the order they move, and what stops them from going. */
    record Group(List<Spec> specs, List<SkippedSpec> problems) {
    }

    /** The flat-archive migration: files to move, files that cannot move (refusals), files left in place. */
    record Migration(List<SpecMove> moves, List<SkippedSpec> problems, List<String> warnings) {
    }

    private final ChantTree tree;
    private final ArchiveOptions options;
    private final Optional<GitWorkTree> git;
    private final Map<String, List<Spec>> membersByDriver = new HashMap<>();
    private final Map<String, List<UnreadableSpec>> unreadableMembersByDriver = new HashMap<>();
    private final Map<SpecId, List<String>> problems = new HashMap<>();
    private final Map<Path, String> folderProblems = new HashMap<>();
    private Migration migration;

    private ArchiveRules(ChantTree tree, ArchiveOptions options, Optional<GitWorkTree> git) {
        this.tree = tree;
        this.options = options;
        this.git = git;
        for (Spec s : tree.active()) {
            forEachDriverPrefix(s.id().value(), prefix -> membersByDriver.computeIfAbsent(prefix,
                    k -> new ArrayList<>()).add(s));
        }
        for (UnreadableSpec u : tree.unreadable()) {
            if (!u.archived() && u.id() != null) {
                forEachDriverPrefix(u.id().value(), prefix -> unreadableMembersByDriver.computeIfAbsent(prefix,
                        k -> new ArrayList<>()).add(u));
            }
        }
    }

    static ArchiveRules open(ChantTree tree, ArchiveOptions options) {
        return new ArchiveRules(tree, options, GitWorkTree.find(tree.root()));
    }

    Optional<GitWorkTree> git() {
        return git;
    }

    /** chant's member test, indexed: {@code X} is a member of every prefix that ends before a '.' of X. */
    private static void forEachDriverPrefix(String id, Consumer<String> action) {
        for (int i = id.indexOf('.'); i > 0 && i + 1 < id.length(); i = id.indexOf('.', i + 1)) {
            action.accept(id.substring(0, i));
        }
    }

    /** Where chant archives this ID ({@code .chant/archive/<first 10 bytes>/<ID>.md}), or null without one. */
    static String destination(SpecId id) {
        return id.archiveFolder().map(folder -> ARCHIVE + folder + "/" + id.fileName()).orElse(null);
    }

    /**
     * What {@code archive ID} queues for this spec: a member alone (its driver and siblings are not looked at);
     * a driver after all its members sorted by member number, only when every member is completed or cancelled
     * (even {@code --force} does not lift that, as in chant); anything else alone.
     */
    Group group(Spec spec) {
        SpecId id = spec.id();
        List<Spec> specs = new ArrayList<>();
        if (!id.isMember()) {
            List<Spec> members = membersByDriver.getOrDefault(id.value(), List.of());
            List<UnreadableSpec> unreadable = unreadableMembersByDriver.getOrDefault(id.value(), List.of());
            List<String> unfinished = members.stream()
                    .filter(m -> m.status() != SpecStatus.COMPLETED && m.status() != SpecStatus.CANCELLED)
                    .map(m -> m.id() + " is " + m.status().yamlName()).collect(Collectors.toList());
            unreadable.forEach(u -> unfinished.add(u.path() + " cannot be read (" + u.reason() + ")"));
            if (!unfinished.isEmpty()) {
                return new Group(List.of(), List.of(new SkippedSpec(id.value(), "driver spec " + id + " goes with "
                        + "its members, and not all of them are completed or cancelled: " + String.join(", ",
                                unfinished) + "; finish them first (--force does not lift this, as in chant)")));
            }
            members.stream()
                    .sorted(Comparator.comparingLong(m -> m.id().memberNumber() < 0 ? Long.MAX_VALUE
                            : m.id().memberNumber()))
                    .forEach(specs::add);
        }
        specs.add(spec);
        List<SkippedSpec> found = new ArrayList<>();
        for (Spec s : specs) {
            List<String> p = problems(s);
            if (!p.isEmpty()) {
                found.add(new SkippedSpec(s.id().value(), String.join("; ", p)));
            }
        }
        return new Group(specs, found);
    }

    /** Why this one spec cannot be archived with these flags (empty when it can). */
    List<String> problems(Spec spec) {
        return problems.computeIfAbsent(spec.id(), k -> computeProblems(spec));
    }

    private List<String> computeProblems(Spec spec) {
        List<String> found = new ArrayList<>();
        SpecId id = spec.id();
        if (!options.force() && spec.status() != SpecStatus.COMPLETED) {
            found.add("Spec '" + id + "' must be completed to archive (current: " + spec.status().chantName()
                    + "); finish it, or pass --force to archive it anyway");
        }
        if (!options.force()) {
            branchProblem(spec).ifPresent(found::add);
        }
        String expected = SPECS + id.fileName();
        if (!spec.path().equals(expected)) {
            found.add("the spec is at " + spec.path() + ", in a sub-folder of " + SPECS + "; chant archives only "
                    + expected + ": move the file there first");
        }
        String destination = destination(id);
        if (destination == null) {
            found.add(noFolderProblem(id.value()));
        } else {
            destinationProblem(spec.path(), destination).ifPresent(found::add);
            linkProblem(spec.path(), destination).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    /**
     * Why the spec at {@code from} cannot be moved to {@code destination} as it is: it is a symbolic link whose
     * relative target would no longer lead to the same file from the archive folder (one level deeper), so the
     * archived spec would be a dangling link. chant moves the link as it is; refusing keeps the spec readable, and
     * nothing moves.
     */
    Optional<String> linkProblem(String from, String destination) {
        Path source = tree.root().resolve(from);
        if (!Files.isSymbolicLink(source)) {
            return Optional.empty();
        }
        try {
            Path target = Files.readSymbolicLink(source);
            Path real = source.toRealPath();
            Path moved = tree.root().resolve(destination).getParent().resolve(target).normalize();
            if (target.isAbsolute() || Files.exists(moved) && moved.toRealPath().equals(real)) {
                return Optional.empty();
            }
            String shown = tree.root().toRealPath().relativize(real).toString()
                    .replace(File.separatorChar, '/');
            return Optional.of(from + " is a symbolic link to " + shown + " (" + target + "); moved to "
                    + destination + " it would no longer lead there: replace the link by the file itself (cp "
                    + "--remove-destination " + shown + " " + from + "), or by a link that is absolute, then archive"
                    + " again");
        } catch (IOException e) {
            return Optional.of(from + " is a symbolic link that cannot be followed (" + e.getClass().getSimpleName()
                    + "): replace it by the file itself, then archive again");
        }
    }

    static String noFolderProblem(String id) {
        return id.getBytes(StandardCharsets.UTF_8).length < SpecId.ARCHIVE_FOLDER_BYTES
                ? "ID '" + id + "' is shorter than " + SpecId.ARCHIVE_FOLDER_BYTES + " bytes, so it has no archive "
                        + "folder (" + ARCHIVE + "<first " + SpecId.ARCHIVE_FOLDER_BYTES + " bytes of the ID>/; chant "
                        + "crashes on it): rename the spec to a longer ID"
                : "byte " + SpecId.ARCHIVE_FOLDER_BYTES + " of ID '" + id + "' falls inside a multi-byte "
                        + "character, so it has no archive folder (chant crashes on it): rename the spec";
    }

    private Optional<String> branchProblem(Spec spec) {
        String branch = spec.frontmatter().branch();
        if (branch == null || branch.isEmpty()) {
            return Optional.empty();
        }
        ChantConfig config = tree.config();
        if (config.problem() != null) {
            return Optional.of("it names work branch '" + branch + "', and checking that the branch is merged "
                    + "needs the main branch from .chant/config.md, which cannot be used: " + config.problem()
                    + "; fix the configuration, or pass --force");
        }
        String main = config.mainBranch();
        if (!spec.frontmatter().hasWorkBranchOtherThan(main)) {
            return Optional.empty();
        }
        if (git.isEmpty()) {
            return Optional.of("it names work branch '" + branch + "', but the repository is not inside a git work "
                    + "tree, so archive cannot check that the branch is merged to " + main + " (chant fails "
                    + "here too): archive from a clone of the repository, or pass --force");
        }
        return switch (git.get().branchState(branch, main)) {
            case ABSENT, MERGED -> Optional.empty();
            case NOT_MERGED -> Optional.of("feature branch '" + branch + "' has not been merged to " + main
                    + ": merge it first (chant merge " + spec.id() + ", or chant finalize " + spec.id()
                    + " --merge), or pass --force");
            case MAIN_MISSING -> Optional.of("cannot check that feature branch '" + branch + "' is merged: the main "
                    + "branch '" + main + "' (defaults.main_branch in .chant/config.md) does not exist in this "
                    + "repository; set defaults.main_branch, or pass --force");
        };
    }

    /** Why {@code destination} cannot receive {@code from}: it exists, its folder cannot be made, git holds it. */
    Optional<String> destinationProblem(String from, String destination) {
        Path target = tree.root().resolve(destination);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("destination " + destination + " already exists (an earlier archive may have stopped "
                    + "halfway): compare it with " + from + " and remove one; archive never overwrites");
        }
        String folder = folderProblems.computeIfAbsent(target.getParent(), this::folderProblem);
        if (!folder.isEmpty()) {
            return Optional.of(folder);
        }
        if (git.isPresent() && !options.noStage() && git.get().isInIndex(destination)) {
            return Optional.of("destination " + destination + " is gone from disk but still in the git index: "
                    + "commit or undo that deletion first (git rm --cached, or git restore)");
        }
        return Optional.empty();
    }

    private String folderProblem(Path folder) {
        for (Path p = folder; p != null && p.startsWith(tree.chantDir()); p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? ""
                        : tree.root().relativize(p).toString().replace(File.separatorChar, '/')
                                + " exists and is not a folder, so the archive folder cannot be made: move it away";
            }
        }
        return "";
    }

    /**
     * chant's flat-archive migration (§7.7): every {@code *.md} file directly in {@code .chant/archive/} whose name
     * without {@code .md} has at least 10 bytes moves to {@code archive/<first 10 bytes>/<same name>}. Shorter names
     * stay where they are, as in chant; a destination that exists refuses the batch instead of being replaced.
     */
    Migration migration() {
        if (migration == null) {
            migration = computeMigration();
        }
        return migration;
    }

    private Migration computeMigration() {
        Path archive = tree.chantDir().resolve("archive");
        List<SpecMove> moves = new ArrayList<>();
        List<SkippedSpec> found = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!Files.isDirectory(archive, LinkOption.NOFOLLOW_LINKS)) {
            return new Migration(moves, found, warnings);
        }
        List<Path> flat;
        try (Stream<Path> list = Files.list(archive)) {
            flat = list.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + archive, e);
        }
        for (Path file : flat) {
            String name = file.getFileName().toString();
            String from = ARCHIVE + name;
            String stem = name.substring(0, name.length() - 3);
            if (stem.getBytes(StandardCharsets.UTF_8).length < SpecId.ARCHIVE_FOLDER_BYTES) {
                warnings.add(from + " stays where it is: its name is shorter than " + SpecId.ARCHIVE_FOLDER_BYTES
                        + " bytes (chant leaves it too)");
                continue;
            }
            Optional<SpecId> id = SpecId.fromFileName(name);
            if (id.isEmpty() || id.get().archiveFolder().isEmpty()) {
                warnings.add(from + " stays where it is: its name gives no usable archive folder; rename it");
                continue;
            }
            String to = destination(id.get());
            destinationProblem(from, to).ifPresentOrElse(
                    p -> found.add(new SkippedSpec(id.get().value(), "the flat archived file " + from + " must first "
                            + "move to " + to + ", and cannot: " + p)),
                    () -> moves.add(new SpecMove(id.get(), from, to)));
        }
        return new Migration(moves, found, warnings);
    }

    /** Destinations the migration will occupy, to keep specs from being archived onto them. */
    Set<String> migrationDestinations() {
        return migration().moves().stream().map(SpecMove::to).collect(Collectors.toSet());
    }

    /**
     * chant's target-files check (§7.5), as warnings: for each spec with {@code target_files}, the target files
     * that no commit of the current branch whose message contains {@code chant(<ID>):} changed. Runs only inside
     * git and without {@code --force}, as in chant; chant asks "Archive anyway?" here, we report and go on.
     */
    List<String> targetFileWarnings(List<Spec> specs) {
        if (options.force() || git.isEmpty()) {
            return List.of();
        }
        Map<SpecId, Predicate<String>> matchers = new LinkedHashMap<>();
        specs.stream().filter(s -> !s.frontmatter().targetFiles().isEmpty())
                .forEach(s -> matchers.put(s.id(), commitMarker(s.id()).asPredicate()));
        if (matchers.isEmpty()) {
            return List.of();
        }
        Map<SpecId, Set<String>> touched = git.get().filesTouchedByCommits(matchers);
        List<String> warnings = new ArrayList<>();
        for (Spec s : specs) {
            if (!matchers.containsKey(s.id())) {
                continue;
            }
            Set<String> changed = touched.getOrDefault(s.id(), Set.of());
            List<String> without = s.frontmatter().targetFiles().stream().filter(f -> !changed.contains(f)).toList();
            if (!without.isEmpty()) {
                warnings.add("spec " + s.id() + " has target_files without changes in commits marked 'chant("
                        + s.id() + "):': " + String.join(", ", without) + " (changed: "
                        + (changed.isEmpty() ? "none" : changed.stream().sorted().collect(Collectors.joining(", ")))
                        + ")");
            }
        }
        return warnings;
    }

    /** {@code git log --grep 'chant(<ID>):'}: a basic regular expression, so '.' matches any character. */
    static Pattern commitMarker(SpecId id) {
        StringBuilder regex = new StringBuilder(Pattern.quote("chant("));
        String[] parts = id.value().split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.append(Pattern.quote("):")).toString());
    }

    @Override
    public void close() {
        git.ifPresent(GitWorkTree::close);
    }
}
