package io.jenkins.plugins.upstreampr.chant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Types a spec's YAML frontmatter the way chant's serde struct does (chant-format.md §2.4): unknown keys are
 * ignored, a known key given twice is an error, text fields take any scalar's literal text, list fields need a
 * sequence (except {@code depends_on}, which also takes one string), enums take exactly their lowercase names,
 * booleans only {@code true}/{@code false} in three spellings, and {@code ~}/{@code null}/empty mean absent.
 * Any violation is a {@link FrontmatterException} naming the field, the line and what chant accepts.
 */
public final class FrontmatterParser {

    private static final Set<String> KNOWN_KEYS = Set.of("type", "status", "depends_on", "labels", "target_files",
            "context", "prompt", "branch", "commits", "completed_at", "model", "tracks", "informed_by", "origin",
            "schedule", "source_branch", "target_branch", "conflicting_files", "blocked_specs", "original_spec",
            "last_verified", "verification_status", "verification_failures", "replayed_at", "replay_count",
            "original_completed_at", "derived_fields", "approval", "members", "output_schema", "public",
            "retry_state");

    // The failsafe schema tags every scalar as text without trying the core schema's regular expressions: the
    // fields are typed below from the scalars' literal text, never from YAML tags.
    private final LoadSettings settings = LoadSettings.builder()
            .setSchema(new FailsafeSchema())
            .setAllowDuplicateKeys(true)
            .setCodePointLimit(64 * 1024 * 1024)
            .build();

    /** The plain scalars YAML reads as null, which chant treats as an absent field. */
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

    /** A frontmatter that chant could not load: the spec is invisible to chant. */
    public static final class FrontmatterException extends Exception {
        private static final long serialVersionUID = 1L;

        FrontmatterException(String message) {
            super(message);
        }
    }

    /**
     * Parses {@code yaml}, the text between the dashes, which starts at 1-based line {@code firstLine} of the
     * file (for messages).
     */
    public Frontmatter parse(String yaml, int firstLine) throws FrontmatterException {
        Optional<Node> root = Optional.ofNullable(FlatYamlComposer.compose(yaml));
        try {
            if (root.isEmpty()) {
                root = new Compose(settings).composeString(yaml);
            }
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(m -> "line " + (firstLine + m.getLine()) + ": ").orElse("");
            String context = e.getContext() == null ? "" : " (" + e.getContext()
                    + e.getContextMark().map(m -> " that starts at line " + (firstLine + m.getLine())).orElse("")
                    + ")";
            throw new FrontmatterException("malformed YAML frontmatter, " + where + e.getProblem() + context
                    + "; fix the YAML between the '---' lines");
        } catch (YamlEngineException e) {
            throw new FrontmatterException("malformed YAML frontmatter: " + e.getMessage()
                    + "; fix the YAML between the '---' lines");
        }
        if (root.isEmpty()) {
            throw new FrontmatterException("empty frontmatter between the '---' lines (chant cannot load it); "
                    + "add at least 'status: pending' or remove the dashes");
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            throw new FrontmatterException("frontmatter at line " + firstLine
                    + " is not a mapping of 'key: value' lines; chant cannot load it");
        }
        Fields f = new Fields(mapping, firstLine, KNOWN_KEYS, "");
        SpecType type = f.enumValue("type", SpecType::fromYaml, SpecType.CODE,
                "code, task, driver, documentation, research, group");
        SpecStatus status = f.enumValue("status", SpecStatus::fromYaml, SpecStatus.PENDING, SpecStatus.allowedNames());
        List<String> dependsOn = f.stringOrList("depends_on");
        List<String> labels = f.list("labels");
        List<String> targetFiles = f.list("target_files");
        List<String> context = f.list("context");
        String prompt = f.text("prompt");
        String branch = f.text("branch");
        List<String> commits = f.list("commits");
        String completedAt = f.text("completed_at");
        String model = normalizeModel(f.text("model"));
        List<String> tracks = f.list("tracks");
        List<String> informedBy = f.list("informed_by");
        List<String> origin = f.list("origin");
        List<String> members = f.list("members");
        Boolean isPublic = f.bool("public");
        Approval approval = f.approval();
        for (String text : List.of("schedule", "source_branch", "target_branch", "original_spec", "last_verified",
                "replayed_at", "original_completed_at", "output_schema")) {
            f.text(text);
        }
        for (String list : List.of("conflicting_files", "blocked_specs", "verification_failures", "derived_fields")) {
            f.list(list);
        }
        f.enumValue("verification_status", v -> Set.of("passed", "failed", "partial").contains(v)
                ? Optional.of(v) : Optional.empty(), null, "passed, failed, partial");
        f.unsigned("replay_count");
        f.retryState();
        return new Frontmatter(type, status, dependsOn, labels, targetFiles, context, prompt, branch, commits,
                completedAt, model, tracks, informedBy, origin, members, approval, isPublic, f.unknownKeys);
    }

    /** chant replaces a model containing opus, sonnet or haiku (any case) by that word when it loads a spec. */
    static String normalizeModel(String model) {
        if (model == null) {
            return null;
        }
        String lower = model.toLowerCase(Locale.ROOT);
        for (String family : List.of("opus", "sonnet", "haiku")) {
            if (lower.contains(family)) {
                return family;
            }
        }
        return model;
    }

    /** The fields of one YAML mapping, with chant's typing rules; keys outside {@code known} are ignored. */
    private static final class Fields {
        private final Map<String, Node> values = new HashMap<>();
        private final Set<String> unknownKeys = new LinkedHashSet<>();
        private final int firstLine;
        private final String prefix;

        Fields(MappingNode mapping, int firstLine, Set<String> known, String prefix) throws FrontmatterException {
            this.firstLine = firstLine;
            this.prefix = prefix;
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    continue;
                }
                String name = key.getValue();
                if (!known.contains(name)) {
                    unknownKeys.add(name);
                } else if (values.putIfAbsent(name, tuple.getValueNode()) != null) {
                    throw new FrontmatterException("frontmatter field '" + prefix + name + "' is given twice (again at line "
                            + line(key) + "); chant refuses duplicate fields: keep one");
                }
            }
        }

        private int line(Node node) {
            return firstLine + node.getStartMark().map(Mark::getLine).orElse(0);
        }

        private FrontmatterException wrong(String key, Node node, String expected) {
            return new FrontmatterException("frontmatter field '" + prefix + key + "' at line " + line(node)
                    + " must be " + expected + "; chant cannot load this spec until it is fixed");
        }

        private static boolean isNull(Node node) {
            return node instanceof ScalarNode s && s.isPlain()
                    && NULLS.contains(s.getValue());
        }

        String text(String key) throws FrontmatterException {
            Node node = values.get(key);
            if (node == null || isNull(node)) {
                return null;
            }
            if (node instanceof ScalarNode s) {
                return s.getValue();
            }
            throw wrong(key, node, "a single value (text), not a list or mapping");
        }

        List<String> list(String key) throws FrontmatterException {
            Node node = values.get(key);
            if (node == null || isNull(node)) {
                return List.of();
            }
            if (!(node instanceof SequenceNode seq)) {
                throw wrong(key, node, "a list ('- item' lines), not a single value");
            }
            List<String> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s) || isNull(item)) {
                    throw wrong(key, item, "a list of text items");
                }
                out.add(s.getValue());
            }
            return out;
        }

        List<String> stringOrList(String key) throws FrontmatterException {
            Node node = values.get(key);
            if (node instanceof ScalarNode && !isNull(node)) {
                return List.of(text(key));
            }
            return list(key);
        }

        <E> E enumValue(String key, Function<String, Optional<E>> lookup, E absent, String allowed)
                throws FrontmatterException {
            Node node = values.get(key);
            if (node == null) {
                return absent;
            }
            if (!(node instanceof ScalarNode s) || isNull(node)) {
                throw wrong(key, node, "one of " + allowed);
            }
            return lookup.apply(s.getValue()).orElseThrow(() -> new FrontmatterException("frontmatter field '"
                    + prefix + key + "' at line " + line(node) + " is '" + s.getValue()
                    + "', which chant does not know; use one of " + allowed));
        }

        Boolean bool(String key) throws FrontmatterException {
            Node node = values.get(key);
            if (node == null || isNull(node)) {
                return null;
            }
            if (node instanceof ScalarNode s && s.isPlain()) {
                switch (s.getValue()) {
                    case "true", "True", "TRUE":
                        return Boolean.TRUE;
                    case "false", "False", "FALSE":
                        return Boolean.FALSE;
                    default:
                        break;
                }
            }
            throw wrong(key, node, "true or false");
        }

        void unsigned(String key) throws FrontmatterException {
            Node node = values.get(key);
            if (node == null || isNull(node)) {
                return;
            }
            if (!(node instanceof ScalarNode s) || !s.isPlain() || !s.getValue().matches("\\+?[0-9]+")) {
                throw wrong(key, node, "a whole number");
            }
        }

        Fields mapping(String key, Set<String> known) throws FrontmatterException {
            Node node = values.get(key);
            if (node == null || isNull(node)) {
                return null;
            }
            if (!(node instanceof MappingNode mapping)) {
                throw wrong(key, node, "a mapping with " + String.join(", ", known));
            }
            return new Fields(mapping, firstLine, known, prefix + key + ".");
        }

        Approval approval() throws FrontmatterException {
            Fields inner = mapping("approval", Set.of("required", "status", "by", "at"));
            if (inner == null) {
                return null;
            }
            Boolean required = inner.bool("required");
            Approval.Status status = inner.enumValue("status", v -> Set.of("pending", "approved", "rejected").contains(v)
                    ? Optional.of(Approval.Status.valueOf(v.toUpperCase(Locale.ROOT))) : Optional.empty(),
                    Approval.Status.PENDING, "pending, approved, rejected");
            return new Approval(Boolean.TRUE.equals(required), status, inner.text("by"), inner.text("at"));
        }

        void retryState() throws FrontmatterException {
            Set<String> keys = Set.of("attempts", "last_retry_time", "next_retry_time");
            Fields inner = mapping("retry_state", keys);
            if (inner == null) {
                return;
            }
            for (String k : keys) {
                if (!inner.values.containsKey(k)) {
                    throw wrong("retry_state", values.get("retry_state"), "a mapping that has '" + k + "'");
                }
                inner.unsigned(k);
            }
        }
    }
}
