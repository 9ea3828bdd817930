package io.jenkins.plugins.upstreampr.chant;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * What reading each spec file of a repository gave (its frontmatter, title, warnings and criteria, or why it cannot
 * be read; never its body), kept between runs in one file per repository outside the repository, so that a listing
 * of an unchanged tree does not read and parse 10,000 files again.
 *
 * <p>An entry is used only for a file whose path, size, modification time (to the nanosecond the file system
 * keeps), file key (device and inode) and, where the walk's attributes carry them, permission bits are those the
 * entry was made from (the walk of the tree gives these without reading any file), and that this user can still
 * read (the reader checks that, since a change of permissions keeps the times). A changed, added, removed or renamed file is therefore read again. What the
 * check cannot see is a file rewritten in place to the same size and then given back its old modification time
 * ({@code touch -r}, some copy tools): delete the cache directory, or run without the cache, after such a tool.
 *
 * <p>Entries are made only where that check is sound: never for a symbolic link (its target can change behind it),
 * never for a file that could not be read for a reason other than its content (permissions, I/O errors), and never
 * for a file modified less than {@link #SETTLED_MILLIS} before the read began: a file written again within the same
 * tick of the file system's clock (one or two seconds on some file systems) would otherwise keep its stamp. The
 * cache file is written whole to a temporary file and renamed into place, so concurrent runs each see a complete
 * file (the last rename wins); a file that is damaged, truncated, of another format or made by another build of the
 * code is ignored and replaced. Deleting the directory is always safe.
 */
public final class SpecCache {

    /** How long before a read a file must have been last modified for what it gave to be kept. */
    static final long SETTLED_MILLIS = 3_000;

    private static final int MAGIC = 0x55505243; // "UPRC"
    private static final int FORMAT = 1;
    private static final int MAX_CACHE_BYTES = 512 * 1024 * 1024;

    private final Path directory;
    private final String code;
    private final List<Thread> writers = new ArrayList<>();

    /** A cache in {@code directory} (created when first written). */
    public SpecCache(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        this.code = codeIdentity();
    }

    /**
     * The user's cache: {@code $XDG_CACHE_HOME/upstream-pr/specs}, else {@code ~/.cache/upstream-pr/specs}; none
     * when {@code UPSTREAM_PR_CACHE} is {@code off} or no home directory is known.
     */
    public static Optional<SpecCache> forUser(UnaryOperator<String> environment) {
        if ("off".equals(environment.apply("UPSTREAM_PR_CACHE"))) {
            return Optional.empty();
        }
        String xdg = environment.apply("XDG_CACHE_HOME");
        String home = environment.apply("HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home != null && !home.isBlank() ? Path.of(home, ".cache") : null;
        return base == null ? Optional.empty() : Optional.of(new SpecCache(base.resolve("upstream-pr/specs")));
    }

    /** The directory the cache files are in. */
    public Path directory() {
        return directory;
    }

    /** What the walk knows of a file without reading it; an entry is used only for a file with the same stamp. */
    record Stamp(long size, long modifiedNanos, String fileKey, int mode) {

        /** The stamp of a regular file, or {@code null} when it has none the cache can trust (a link). */
        static Stamp of(BasicFileAttributes attrs) {
            if (!attrs.isRegularFile() || attrs.fileKey() == null) {
                return null;
            }
            int mode = -1;
            if (attrs instanceof PosixFileAttributes posix) {
                mode = 0;
                for (PosixFilePermission p : posix.permissions()) {
                    mode |= 1 << p.ordinal();
                }
            }
            return new Stamp(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    attrs.fileKey().toString(), mode);
        }

        /** Whether the file was last modified long enough before {@code readStartMillis}, and not after it. */
        boolean settledBefore(long readStartMillis) {
            return modifiedNanos <= TimeUnit.MILLISECONDS.toNanos(readStartMillis - SETTLED_MILLIS);
        }
    }

    /**
     * What one file gave when it was read: a spec without its body (as read, before the checks across files:
     * duplicates, "also archived"), or why it cannot be one ({@code problem} not {@code null}; then {@code id} may be
     * {@code null} and the spec's parts are).
     */
    record Entry(String path, Stamp stamp, SpecId id, boolean archived, Frontmatter frontmatter, String title,
            List<String> warnings, AcceptanceCriteria criteria, String problem) {

        /** The entry of a spec as read (its criteria are counted now, if they were not yet). */
        static Entry of(Stamp stamp, Spec spec) {
            return new Entry(spec.path(), stamp, spec.id(), spec.archived(), spec.frontmatter(), spec.title(),
                    spec.warnings(), AcceptanceCriteria.of(spec), null);
        }

        /** The entry of a file that cannot be a spec because of what it holds. */
        static Entry of(Stamp stamp, UnreadableSpec problem) {
            return new Entry(problem.path(), stamp, problem.id(), problem.archived(), null, null, List.of(), null,
                    problem.reason());
        }
    }

    /** The entries of the cache file of the repository at {@code realRepo}; empty when there is none to trust. */
    Map<String, Entry> read(Path realRepo) {
        Path file = file(realRepo);
        try {
            if (code == null || !Files.isRegularFile(file) || Files.size(file) > MAX_CACHE_BYTES) {
                return Map.of();
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 8) {
                return Map.of();
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            // a ByteBuffer, not a DataInputStream: ByteArrayInputStream locks at every byte read
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 8);
            if (ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() != crc.getValue()) {
                return Map.of();
            }
            if (in.getInt() != MAGIC || in.getInt() != FORMAT || !code.equals(string(in))
                    || !realRepo.toString().equals(string(in))) {
                return Map.of();
            }
            int count = in.getInt();
            Map<String, Entry> entries = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                Entry e = entry(in);
                entries.put(e.path(), e);
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // damaged or unreadable: ignored, and replaced by the next write
        }
    }

    /**
     * Writes {@link #write} on a thread of its own, so that a listing prints while its cache is written; see
     * {@link #finish()}.
     */
    void writeInBackground(Path realRepo, Collection<Entry> entries) {
        Thread writer = new Thread(() -> write(realRepo, entries), "upstream-pr spec cache");
        synchronized (writers) {
            writers.add(writer);
        }
        writer.start();
    }

    /**
     * Waits until every cache file this cache was given to write is written (or given up): a command calls it before
     * it exits. A write cut short by the end of the process leaves at most a temporary file, never a damaged cache.
     */
    public void finish() {
        List<Thread> pending;
        synchronized (writers) {
            pending = List.copyOf(writers);
            writers.clear();
        }
        for (Thread t : pending) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Replaces the cache file of the repository at {@code realRepo} by {@code entries}. Best effort: a cache that
     * cannot be written (read-only or full disk) only means the next run reads every file again.
     */
    void write(Path realRepo, Collection<Entry> entries) {
        if (code == null) {
            return;
        }
        Path tmp = null;
        try {
            Buffer buffer = new Buffer(entries.size() * 400 + 256);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            string(out, code);
            string(out, realRepo.toString());
            out.writeInt(entries.size());
            for (Entry e : entries) {
                entry(out, e);
            }
            CRC32 crc = new CRC32();
            crc.update(buffer.bytes, 0, buffer.size);
            out.writeLong(crc.getValue());
            Files.createDirectories(directory);
            tmp = Files.createTempFile(directory, "specs-", ".tmp"); // owner-only on POSIX: specs may be private
            try (var file = Files.newOutputStream(tmp)) {
                file.write(buffer.bytes, 0, buffer.size);
            }
            Path target = file(realRepo);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            // best effort, see above
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file in the cache directory is harmless
                }
            }
        }
    }

    /** The cache file of one repository: named by a digest of its real path. */
    Path file(Path realRepo) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(realRepo.toString()
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                name.append(String.format("%02x", digest[i] & 0xFF));
            }
            return directory.resolve(name + ".bin");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Which build of the reading code made a cache file: entries made by other code (another version, another
     * build) are not used, since what a file gives may have changed. The jar's path, size and time, or for classes
     * in a directory (tests, an IDE) the newest time of this package's class files; {@code null} (no cache) when
     * it cannot be known.
     */
    private static String codeIdentity() {
        try {
            CodeSource source = SpecCache.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path where = Path.of(source.getLocation().toURI());
            BasicFileAttributes attrs = Files.readAttributes(where, BasicFileAttributes.class);
            if (attrs.isRegularFile()) {
                return where + " " + attrs.size() + " " + attrs.lastModifiedTime().toMillis();
            }
            Path classes = where.resolve(SpecCache.class.getPackageName().replace('.', '/'));
            try (Stream<Path> list = Files.list(classes)) {
                long newest = 0;
                for (Path p : (Iterable<Path>) list::iterator) {
                    newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
                }
                return where + " " + newest;
            }
        } catch (IOException | RuntimeException | URISyntaxException e) {
            return null;
        }
    }

    private static void entry(DataOutputStream out, Entry e) throws IOException {
        string(out, e.path());
        out.writeLong(e.stamp().size());
        out.writeLong(e.stamp().modifiedNanos());
        string(out, e.stamp().fileKey());
        out.writeInt(e.stamp().mode());
        if (e.problem() == null) {
            out.writeByte(0);
            string(out, e.id().value());
            out.writeBoolean(e.archived());
            frontmatter(out, e.frontmatter());
            string(out, e.title());
            strings(out, e.warnings());
            out.writeInt(e.criteria().checked());
            out.writeInt(e.criteria().total());
        } else {
            out.writeByte(1);
            string(out, e.id() == null ? null : e.id().value());
            out.writeBoolean(e.archived());
            string(out, e.problem());
        }
    }

    private static Entry entry(ByteBuffer in) throws IOException {
        String path = string(in);
        Stamp stamp = new Stamp(in.getLong(), in.getLong(), string(in), in.getInt());
        byte kind = in.get();
        if (kind == 0) {
            SpecId id = new SpecId(string(in));
            boolean archived = in.get() != 0;
            Frontmatter fm = frontmatter(in);
            String title = string(in);
            List<String> warnings = strings(in);
            AcceptanceCriteria criteria = new AcceptanceCriteria(in.getInt(), in.getInt());
            return new Entry(path, stamp, id, archived, fm, title, warnings, criteria, null);
        }
        if (kind == 1) {
            String id = string(in);
            boolean archived = in.get() != 0;
            return new Entry(path, stamp, id == null ? null : new SpecId(id), archived, null, null, List.of(), null,
                    Objects.requireNonNull(string(in), "reason"));
        }
        throw new IOException("unknown entry kind " + kind);
    }

    private static void frontmatter(DataOutputStream out, Frontmatter f) throws IOException {
        string(out, f.type().yamlName());
        string(out, f.status().yamlName());
        for (List<String> list : List.of(f.dependsOn(), f.labels(), f.targetFiles(), f.context(), f.commits(),
                f.tracks(), f.informedBy(), f.origin(), f.members())) {
            strings(out, list);
        }
        string(out, f.prompt());
        string(out, f.branch());
        string(out, f.completedAt());
        string(out, f.model());
        Approval a = f.approval();
        out.writeBoolean(a != null);
        if (a != null) {
            out.writeBoolean(a.required());
            string(out, a.status().name());
            string(out, a.by());
            string(out, a.at());
        }
        out.writeByte(f.isPublic() == null ? -1 : f.isPublic() ? 1 : 0);
        strings(out, List.copyOf(f.unknownKeys()));
    }

    private static Frontmatter frontmatter(ByteBuffer in) throws IOException {
        SpecType type = SpecType.fromYaml(string(in)).orElseThrow(() -> new IOException("type"));
        SpecStatus status = SpecStatus.fromYaml(string(in)).orElseThrow(() -> new IOException("status"));
        List<List<String>> lists = new ArrayList<>(9);
        for (int i = 0; i < 9; i++) {
            lists.add(strings(in));
        }
        String prompt = string(in);
        String branch = string(in);
        String completedAt = string(in);
        String model = string(in);
        Approval approval = null;
        if (in.get() != 0) {
            boolean required = in.get() != 0;
            approval = new Approval(required, Approval.Status.valueOf(string(in)), string(in), string(in));
        }
        byte isPublic = in.get();
        Set<String> unknown = new LinkedHashSet<>(strings(in));
        return new Frontmatter(type, status, lists.get(0), lists.get(1), lists.get(2), lists.get(3), prompt, branch,
                lists.get(4), completedAt, model, lists.get(5), lists.get(6), lists.get(7), lists.get(8), approval,
                isPublic < 0 ? null : isPublic == 1, unknown);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            string(out, s);
        }
    }

    private static List<String> strings(ByteBuffer in) throws IOException {
        int n = in.getInt();
        if (n == 0) {
            return List.of();
        }
        if (n < 0 || n > in.remaining()) {
            throw new IOException("bad list length");
        }
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(string(in));
        }
        return list;
    }

    /** A string of any length (writeUTF stops at 64 KiB), {@code null} as length -1. */
    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(ByteBuffer in) throws IOException {
        int n = in.getInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.remaining()) {
            throw new IOException("bad string length");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    /** A growable byte array without ByteArrayOutputStream's lock at every write (a cache file is 10^6 writes). */
    private static final class Buffer extends OutputStream {
        private byte[] bytes;
        private int size;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
