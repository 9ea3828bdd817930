import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Generates a chant tree for the spec-reading benchmark: {@code java GenerateTree.java OUT N EXAMPLE}.
 *
 * <p>N specs over consecutive days (about 12 a day, chant's base-36 sequence numbers, random suffixes), with the
 * mix a long-lived project has: about 70 % archived, in chant's dated folders (archive/YYYY-MM-DD/ID.md), the
 * oldest 5 % as flat legacy files (archive/ID.md); one spec in 12 is a driver with 2 to 5 members (ID.N); bodies of
 * 1 to 9 KB (a third with a 2 to 5 KB "## Agent Output" section, as chant appends it); depends_on chains, labels,
 * target files, commits, informed_by. The example repository's trail (EXAMPLE/.chant/specs and research) is copied
 * in as well, so {@code body 2026-11-20-005-v7b} has a real trail to render. Deterministic (fixed seed).
 */
public final class GenerateTree {
    private static final String B36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String[] STATUSES = {"completed", "completed", "completed", "pending", "in_progress",
        "blocked", "cancelled", "failed"};
    private static final String[] TYPES = {"code", "code", "code", "research", "task", "documentation"};
    private static final String PARAGRAPH = "The store reads the whole data file, changes one key in memory and "
            + "replaces the file; nothing stops a second writer from reading the old file in between, so one of "
            + "two concurrent updates can be lost without any error being reported to either caller. ";

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path example = args.length > 2 ? Path.of(args[2]) : null;
        Random random = new Random(20261120L);
        Path chant = Files.createDirectories(out.resolve(".chant"));
        Files.createDirectories(chant.resolve("specs"));
        Files.createDirectories(chant.resolve("research"));
        Files.writeString(chant.resolve("config.md"), "---\nproject:\n  name: bench\ndefaults:\n  prompt: standard\n"
                + "  main_branch: main\n---\n# Chant Configuration\n");
        for (int r = 0; r < 20; r++) {
            Files.writeString(chant.resolve("research/topic-" + r + ".md"), "# Research " + r + "\n\n"
                    + PARAGRAPH.repeat(12));
        }
        LocalDate day = LocalDate.of(2024, 1, 1);
        int seq = 0;
        String previous = null;
        int written = 0;
        while (written < n) {
            if (seq >= 6 + random.nextInt(12)) {
                day = day.plusDays(1);
                seq = 0;
            }
            seq++;
            String id = day + "-" + base36(seq) + "-" + suffix(random);
            boolean archived = written < n * 0.7;
            boolean flat = written < n * 0.05;
            int members = random.nextInt(12) == 0 ? 2 + random.nextInt(4) : 0;
            members = Math.min(members, n - written - 1);
            written += write(chant, id, members > 0 ? "driver" : pick(TYPES, random), archived, flat, previous,
                    members, random);
            for (int m = 1; m <= members; m++) {
                written += write(chant, id + "." + m, "code", archived, flat, id, 0, random);
            }
            previous = random.nextInt(3) == 0 ? null : id;
        }
        if (example != null) {
            copy(example.resolve(".chant/specs"), chant.resolve("specs"));
            copy(example.resolve(".chant/research"), chant.resolve("research"));
        }
        System.out.println("Generated " + written + " specs (plus the example trail) in " + out);
    }

    private static int write(Path chant, String id, String type, boolean archived, boolean flat, String dependsOn,
            int members, Random random) throws IOException {
        String status = archived ? "completed" : pick(STATUSES, random);
        StringBuilder s = new StringBuilder("---\ntype: ").append(type).append("\nstatus: ").append(status).append('\n');
        if (dependsOn != null) {
            s.append("depends_on:\n- ").append(dependsOn).append('\n');
        }
        s.append("labels:\n- area-").append(random.nextInt(9)).append("\n- issue-").append(1000 + random.nextInt(900))
                .append('\n');
        if (!type.equals("driver")) {
            s.append("target_files:\n");
            for (int f = 0; f < 1 + random.nextInt(4); f++) {
                s.append("- src/module").append(random.nextInt(40)).append("/file").append(random.nextInt(90))
                        .append(".py\n");
            }
        }
        if (members > 0) {
            s.append("members:\n");
            for (int m = 1; m <= members; m++) {
                s.append("- ").append(id).append('.').append(m).append('\n');
            }
        }
        if (random.nextInt(3) == 0) {
            s.append("informed_by:\n- .chant/research/topic-").append(random.nextInt(20)).append(".md\n");
        }
        if (status.equals("completed")) {
            s.append("commits:\n- ").append(Long.toHexString(random.nextLong()), 0, 7).append("\ncompleted_at: ")
                    .append(id, 0, 10).append("T12:00:00Z\nmodel: sonnet\n");
        }
        s.append("---\n# Fix problem ").append(id).append(" in the storage layer\n\n## Problem\n\n");
        int size = random.nextInt(10) < 6 ? 2 : random.nextInt(3) < 2 ? 5 : 10; // units of ~660 bytes
        for (int p = 0; p < size; p++) {
            s.append(PARAGRAPH).append(PARAGRAPH).append("\n\n");
        }
        s.append("## Acceptance Criteria\n\n");
        for (int c = 0; c < 3 + random.nextInt(5); c++) {
            s.append(status.equals("completed") ? "- [x] " : "- [ ] ").append("Criterion ").append(c)
                    .append(" holds for the store\n");
        }
        if (status.equals("completed") && random.nextInt(3) == 0) {
            s.append("\n## Agent Output\n\n").append(id, 0, 10).append("T12:00:00Z\n\n```\n");
            for (int l = 0; l < 35 + random.nextInt(50); l++) {
                s.append("Reading src/module").append(l).append("/file.py and checking the write path.\n");
            }
            s.append("Done.```\n");
        }
        Path dir = !archived ? chant.resolve("specs")
                : flat ? chant.resolve("archive") : chant.resolve("archive").resolve(id.substring(0, 10));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(id + ".md"), s);
        return 1;
    }

    private static String base36(int n) {
        return "" + B36.charAt(n / 1296 % 36) + B36.charAt(n / 36 % 36) + B36.charAt(n % 36);
    }

    private static String suffix(Random random) {
        return "" + B36.charAt(random.nextInt(36)) + B36.charAt(random.nextInt(36)) + B36.charAt(random.nextInt(36));
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(from)) {
            list.forEach(files::add);
        }
        for (Path f : files) {
            Files.copy(f, to.resolve(f.getFileName().toString()));
        }
    }
}
