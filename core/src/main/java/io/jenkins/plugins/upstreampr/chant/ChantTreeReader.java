package io.jenkins.plugins.upstreampr.chant;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a repository's {@code .chant/} tree into a {@link ChantTree}. Nothing is dropped silently: a file chant
 * could not load (bad YAML, unknown {@code type}, not UTF-8...) is listed in {@link ChantTree#unreadable()} with
 * the reason, and so is anything unsafe (a symbolic link leading outside the repository, two files with one ID).
 * The reader never writes.
 */
public final class ChantTreeReader {

    /** Spec files larger than this are refused rather than read into memory. */
    public static final long MAX_SPEC_BYTES = 64L * 1024 * 1024;

    private final FrontmatterParser parser = new FrontmatterParser();
    private final SpecCache cache;

    /** A reader that reads every spec file it needs. */
    public ChantTreeReader() {
        this(null);
    }

    /**
     * A reader that takes what a spec file gives from {@code cache} when the file is the one the cache saw (see
     * {@link SpecCache}), and keeps there what a full listing read (call {@link SpecCache#finish()} before the
     * process exits); {@code null} for none.
     */
    public ChantTreeReader(SpecCache cache) {
        this.cache = cache;
    }

    /** Reads the tree of the repository whose root (the directory holding {@code .chant/}) is {@code root}. */
    public ChantTree read(Path root) {
        Path repo = root.toAbsolutePath().normalize();
        Path chant = repo.resolve(".chant");
        if (!Files.isDirectory(repo)) {
            throw new ChantException((Files.exists(repo) ? root + " is not a directory" : "Directory " + root
                    + " does not exist") + ": pass the root of a repository that uses chant (--dir)");
        }
        if (!Files.isDirectory(chant)) {
            throw new ChantException("No .chant/ directory in " + root + ": run this in the root of a repository "
                    + "that uses chant, or pass its root with --dir");
        }
        Path realRepo = realPath(repo);
        long readStart = System.currentTimeMillis(); // before any file is looked at (see SpecCache)
        List<SpecFiles.SpecFile> files = new ArrayList<>();
        List<UnreadableSpec> unnamed = new ArrayList<>();
        boolean stamped = cache != null;
        // archive/: flat files and dated or legacy folders, links to directories only directly in it
        walk(repo, chant.resolve("specs"), false, Integer.MAX_VALUE, Integer.MAX_VALUE, stamped, files, unnamed);
        walk(repo, chant.resolve("archive"), true, 2, 1, stamped, files, unnamed);
        SpecFiles specFiles;
        if (cache == null) {
            specFiles = new SpecFiles(files, f -> load(realRepo, f), () -> { });
        } else {
            Map<String, SpecCache.Entry> previous = cache.read(realRepo);
            Map<String, SpecCache.Entry> next = new ConcurrentHashMap<>();
            AtomicBoolean missed = new AtomicBoolean();
            specFiles = new SpecFiles(files, f -> loadCached(realRepo, f, previous, next, missed, readStart), () -> {
                if (missed.get() || next.size() != previous.size()) {
                    cache.writeInBackground(realRepo, List.copyOf(next.values()));
                }
            });
        }
        return new ChantTree(repo, specFiles, unnamed, researchDocuments(repo, chant), readConfig(chant, realRepo));
    }

    /**
     * What a file gives: from the cache when its entry has the file's stamp, else read (and kept for the next
     * cache file when the cache can trust it).
     */
    private SpecFiles.Loaded loadCached(Path realRepo, SpecFiles.SpecFile f, Map<String, SpecCache.Entry> previous,
            Map<String, SpecCache.Entry> next, AtomicBoolean missed, long readStart) {
        SpecCache.Stamp stamp = f.stamp();
        SpecCache.Entry e = stamp == null ? null : previous.get(f.path());
        // still readable by this user: permissions are not in the stamp on every system (a chmod keeps the times)
        if (e != null && e.stamp().equals(stamp) && e.archived() == f.archived() && f.id().equals(e.id())
                && Files.isReadable(f.file())) {
            next.put(f.path(), e);
            return fromEntry(realRepo, f, e);
        }
        missed.set(true);
        SpecFiles.Loaded l = load(realRepo, f);
        if (stamp != null && l.fromContent() && stamp.settledBefore(readStart)) {
            SpecCache.Entry made = l.spec() != null ? SpecCache.Entry.of(stamp, l.spec())
                    : SpecCache.Entry.of(stamp, l.problem());
            next.put(f.path(), made);
            // the body is let go (read again if asked for): a listing of 10,000 specs then keeps 30 MB less alive
            return fromEntry(realRepo, f, made);
        }
        return l;
    }

    /** The spec (its body read when asked for) or the problem an entry of the cache gives for a file. */
    private SpecFiles.Loaded fromEntry(Path realRepo, SpecFiles.SpecFile f, SpecCache.Entry e) {
        if (e.problem() != null) {
            return unreadable(f.path(), f.id(), f.archived(), e.problem());
        }
        return new SpecFiles.Loaded(new Spec(f.id(), f.path(), f.archived(), e.frontmatter(), e.title(),
                () -> bodyOf(realRepo, f, e), e.criteria(), e.warnings()), null);
    }

    /** The body of a spec that came from the cache, read now: only if the file still gives what the cache said. */
    private String bodyOf(Path realRepo, SpecFiles.SpecFile f, SpecCache.Entry e) {
        Spec now = load(realRepo, f).spec();
        if (now != null && now.frontmatter().equals(e.frontmatter()) && Objects.equals(now.title(),
                e.title()) && now.warnings().equals(e.warnings()) && AcceptanceCriteria.of(now).equals(e.criteria())) {
            return now.body();
        }
        throw new ChantException(f.path() + " changed while upstream-pr was using it (its frontmatter, title or "
                + "criteria are no longer those listed a moment ago); run the command again");
    }

    /** Reads, checks and parses one spec file: a spec, or why it cannot be one. */
    private SpecFiles.Loaded load(Path realRepo, SpecFiles.SpecFile f) {
        String rel = f.path();
        SpecId id = f.id();
        Path file = f.file();
        boolean archived = f.archived();
        try {
            if (Files.isSymbolicLink(file)) {
                if (!Files.exists(file)) {
                    return unreadable(rel, id, archived, "symbolic link to a file that does not exist; "
                            + "restore the file or remove the link");
                }
                Path target = file.toRealPath();
                if (!target.startsWith(realRepo)) {
                    return unreadable(rel, id, archived, "symbolic link to a file outside the repository; "
                            + "replace the link with the spec file itself");
                }
                if (!Files.isRegularFile(target)) {
                    return unreadable(rel, id, archived, "symbolic link that does not lead to a file; "
                            + "replace the link with the spec file itself");
                }
            }
            long size = Files.size(file);
            if (size > MAX_SPEC_BYTES) {
                return unreadable(rel, id, archived, "file is " + size / (1024 * 1024)
                        + " MiB, more than the " + MAX_SPEC_BYTES / (1024 * 1024) + " MiB a spec may have");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = decodeUtf8(bytes);
            if (text == null) {
                return unreadable(rel, id, archived, "not valid UTF-8 text (" + firstBadByte(bytes)
                        + "; chant cannot read it); save the file as UTF-8");
            }
            return new SpecFiles.Loaded(toSpec(id, rel, archived, text), null);
        } catch (FrontmatterParser.FrontmatterException e) {
            return unreadable(rel, id, archived, e.getMessage());
        } catch (AccessDeniedException e) {
            return notRead(rel, id, archived, "cannot be read: permission denied; make the file readable");
        } catch (IOException e) {
            return notRead(rel, id, archived, "cannot be read (" + e.getClass().getSimpleName()
                    + "); check the file");
        }
    }

    /**
     * The text of {@code bytes} if they are valid UTF-8, else {@code null}. Decoding with replacement is the JDK's
     * fast path (no copy through a char buffer for ASCII); it puts U+FFFD wherever the bytes are not UTF-8, so only
     * text that contains U+FFFD (bad bytes, or the character itself) is checked again with a strict decoder.
     */
    static String decodeUtf8(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Where the first byte that is not UTF-8 is, for a person who wants to fix it. */
    private static String firstBadByte(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (!result.isError()) {
            return "an invalid byte sequence";
        }
        int at = in.position();
        return String.format("byte 0x%02X at offset %d", bytes[at] & 0xFF, at);
    }

    private Spec toSpec(SpecId id, String rel, boolean archived, String text)
            throws FrontmatterParser.FrontmatterException {
        List<String> warnings = new ArrayList<>();
        if (text.startsWith("\uFEFF")) {
            warnings.add("starts with a byte-order mark, so chant sees no frontmatter: remove the mark");
        }
        SpecText parts = SpecText.split(text);
        Frontmatter fm;
        if (parts.frontmatter() != null) {
            fm = parser.parse(parts.frontmatter(), parts.frontmatterLine());
        } else {
            fm = Frontmatter.DEFAULTS;
            warnings.add(parts.unterminated()
                    ? "frontmatter opens with '---' but is never closed; chant ignores it and treats the spec as "
                            + "a pending code spec: add the closing '---' line"
                    : "no frontmatter; chant treats the spec as a pending code spec");
        }
        return new Spec(id, rel, archived, fm, parts.title(), parts.body(), warnings);
    }

    /** A file that cannot be a spec because of what it holds (or where its link leads). */
    private static SpecFiles.Loaded unreadable(String rel, SpecId id, boolean archived, String reason) {
        return new SpecFiles.Loaded(null, new UnreadableSpec(rel, id, archived, reason));
    }

    /** A file that could not be read at all (permissions, I/O): nothing to keep about its content. */
    private static SpecFiles.Loaded notRead(String rel, SpecId id, boolean archived, String reason) {
        return new SpecFiles.Loaded(null, new UnreadableSpec(rel, id, archived, reason), false);
    }

    /**
     * Walks {@code dir} without following links, in one pass: every {@code .md} regular file or symbolic link at most
     * {@code depth} levels down becomes a spec file (or, when its name is no usable ID, an unreadable entry), and
     * every symbolic link to a directory at most {@code linkDepth} levels down is listed: chant would descend into
     * it, we do not (it may lead anywhere). Nothing is read here.
     */
    private static void walk(Path repo, Path dir, boolean archived, int depth, int linkDepth, boolean stamped,
            List<SpecFiles.SpecFile> files, List<UnreadableSpec> unreadable) {
        String linkReason = "symbolic link to a directory; its specs are not read (chant would read them): move the "
                + "specs into " + relative(repo, dir) + "/ instead of linking";
        if (Files.isSymbolicLink(dir)) {
            if (Files.isDirectory(dir)) {
                unreadable.add(new UnreadableSpec(relative(repo, dir), null, archived, linkReason));
            }
            return;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        int base = dir.getNameCount();
        // repository-relative paths by text: the walk's paths all start with dir's (relativize costs more, per file)
        String dirText = dir.toString();
        String dirRel = relative(repo, dir);
        try {
            Files.walkFileTree(dir, Set.of(), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".md") && (attrs.isRegularFile() || attrs.isSymbolicLink())) {
                        String text = p.toString();
                        String rel = text.startsWith(dirText) ? dirRel + text.substring(dirText.length())
                                .replace(File.separatorChar, '/') : relative(repo, p);
                        Optional<SpecId> id = SpecId.fromFileName(name);
                        if (id.isPresent()) {
                            files.add(new SpecFiles.SpecFile(p, rel, id.get(), archived,
                                    stamped ? SpecCache.Stamp.of(attrs) : null));
                        } else {
                            unreadable.add(new UnreadableSpec(rel, null, archived, "file name '" + name
                                    + "' is not a usable spec ID (" + SpecId.problemWith(name.substring(0,
                                            name.length() - 3)) + "); rename the file"));
                        }
                    }
                    if (attrs.isSymbolicLink() && p.getNameCount() - base <= linkDepth && Files.isDirectory(p)) {
                        unreadable.add(new UnreadableSpec(relative(repo, p), null, archived, linkReason));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static List<String> researchDocuments(Path repo, Path chant) {
        Path research = chant.resolve("research");
        if (!Files.isDirectory(research, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(research)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> relative(repo, p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + research, e);
        }
    }

    private static ChantConfig readConfig(Path chant, Path realRepo) {
        Path file = chant.resolve("config.md");
        if (Files.isSymbolicLink(file) && Files.exists(file) && !realPath(file).startsWith(realRepo)) {
            return ChantConfig.unreadable(".chant/config.md is a symbolic link to a file outside the repository, "
                    + "which is not read; replace the link with the file itself");
        }
        if (!Files.isRegularFile(file)) {
            return ChantConfig.unreadable(".chant/config.md is missing; chant needs it (run `chant init`)");
        }
        try {
            if (Files.size(file) > MAX_SPEC_BYTES) {
                return ChantConfig.unreadable(".chant/config.md is larger than " + MAX_SPEC_BYTES / (1024 * 1024)
                        + " MiB; it is not read");
            }
            byte[] bytes = Files.readAllBytes(file);
            String content = decodeUtf8(bytes);
            if (content == null) {
                return ChantConfig.unreadable(".chant/config.md is not valid UTF-8 text (" + firstBadByte(bytes)
                        + "); save it as UTF-8");
            }
            SpecText parts = SpecText.split(content);
            if (parts.frontmatter() == null) {
                return ChantConfig.unreadable(".chant/config.md has no YAML frontmatter between '---' lines");
            }
            Object loaded = new Load(LoadSettings.builder().build()).loadFromString(parts.frontmatter());
            Map<?, ?> top = loaded instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> defaults = top.get("defaults") instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> project = top.get("project") instanceof Map<?, ?> m ? m : Map.of();
            return new ChantConfig(
                    text(defaults.get("main_branch"), ChantConfig.DEFAULTS.mainBranch()),
                    text(defaults.get("branch_prefix"), ChantConfig.DEFAULTS.branchPrefix()),
                    text(project.get("name"), null),
                    Boolean.TRUE.equals(project.get("silent")),
                    null);
        } catch (YamlEngineException e) {
            return ChantConfig.unreadable(".chant/config.md has malformed YAML frontmatter ("
                    + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ") + "); fix it");
        } catch (IOException e) {
            return ChantConfig.unreadable(".chant/config.md cannot be read (" + e.getClass().getSimpleName()
                    + "); check the file");
        }
    }

    private static String text(Object value, String absent) {
        return value == null ? absent : value.toString();
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve " + p, e);
        }
    }

    static String relative(Path repo, Path file) {
        return repo.relativize(file).toString().replace(File.separatorChar, '/');
    }
}
