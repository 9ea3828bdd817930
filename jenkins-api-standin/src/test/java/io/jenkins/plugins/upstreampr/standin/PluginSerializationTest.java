package io.jenkins.plugins.upstreampr.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the plugin keeps across a controller restart or sends to an agent must survive it. Loads the plugin's classes
 * (compiled here against the stand-in, same hierarchy as in the real build) and applies two rules.
 *
 * <p><b>Persisted classes</b>: every {@code StepExecution} (saved with the Pipeline program), every {@code Action}
 * (saved with the build), every {@code FilePath.FileCallable} (sent to the agent) and its result type, and, through
 * their fields, every class of this project they hold (the {@code Step} an execution keeps, the engine's records it
 * stores), including every plugin subclass of a field's declared type.
 *
 * <p><b>Rule 1, non-transient fields</b>: the declared type of every non-static, non-transient field of a persisted
 * class is serializable: a primitive, a class implementing {@link Serializable} (a type variable by its bound), or
 * {@code List}/{@code Set}/{@code Map}/{@code Collection} of such types (the plugin stores the JDK's serializable
 * copies, {@code List.copyOf} and the like). A project class found that way is checked the same way, field by field.
 *
 * <p><b>Rule 2, transient fields</b>: a transient instance field is null again after a restart, so its class either
 * restores it in {@code onResume()} (assigned there or in a method of the same class that {@code onResume()} calls),
 * or re-creates it lazily: it is assigned inside an {@code if (F == null)} block, with {@code F} a transient field of
 * the same class. Read from the class's source, so what it cannot see is a read of the field that does not go through
 * the lazy method first.
 */
class PluginSerializationTest {

    private static final Path SOURCES = Path.of("..", "plugin", "src", "main", "java");
    private static final String PROJECT = "io.jenkins.plugins.upstreampr.";
    private static final List<Class<?>> PLUGIN_CLASSES = pluginClasses();

    @Test
    void everyNonTransientFieldOfWhatThePluginPersistsIsSerializable() {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> checked = new HashSet<>();
        for (Class<?> root : persistedRoots()) {
            checkFields(root, problems, checked);
            for (Type callable : resultTypes(root)) {
                requireSerializable(callable, root.getName() + " result", problems, checked);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("persisted classes checked")
                .contains(load("io.jenkins.plugins.upstreampr.jenkins.WaitForUpstreamPullRequestExecution"),
                        load("io.jenkins.plugins.upstreampr.jenkins.UpstreamProposalAction"),
                        load("io.jenkins.plugins.upstreampr.jenkins.CreateUpstreamPullRequestStep"));
    }

    @Test
    void everyTransientFieldIsRestoredOnResumeOrRecreatedWhenNull() {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : persistedPluginClasses()) {
            for (Field field : type.getDeclaredFields()) {
                int m = field.getModifiers();
                if (Modifier.isTransient(m) && !Modifier.isStatic(m)) {
                    String why = restoration(type, field.getName());
                    if (why == null) {
                        problems.add(type.getName() + "." + field.getName() + " is transient, so null after a "
                                + "restart, but neither onResume() restores it nor is it re-created when null");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theRulesCatchANonSerializableFieldAndATransientFieldNothingRestores() {
        class Holder implements Serializable {
            private static final long serialVersionUID = 1L;
            Object anything;
            Thread thread;
            List<Thread> threads;
            List<String> names;
            Map<String, Integer> counts;
        }
        List<String> problems = new ArrayList<>();
        checkFields(Holder.class, problems, new HashSet<>());
        assertThat(problems).hasSize(3).allSatisfy(p -> assertThat(p).contains("is not serializable"));

        String source = "class X { private transient Future<?> task; private transient Object lazy;\n"
                + "  public void onResume() { schedule(); }\n"
                + "  private void schedule() { task = null; }\n"
                + "  Object lazy() { if (lazy == null) { lazy = new Object(); } return lazy; }\n"
                + "  private transient Object forgotten; void use() { forgotten = new Object(); } }";
        assertThat(restoration(source, Set.of("task", "lazy", "forgotten"), "task")).isEqualTo("onResume");
        assertThat(restoration(source, Set.of("task", "lazy", "forgotten"), "lazy")).isEqualTo("re-created when null");
        assertThat(restoration(source, Set.of("task", "lazy", "forgotten"), "forgotten")).isNull();
    }

    // ---- rule 1

    private static void checkFields(Class<?> type, List<String> problems, Set<Class<?>> checked) {
        if (!checked.add(type)) {
            return;
        }
        for (Class<?> c = type; c != null && c.getName().startsWith(PROJECT); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int m = field.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || field.isSynthetic()) {
                    continue;
                }
                requireSerializable(field.getGenericType(), c.getName() + "." + field.getName(), problems, checked);
            }
        }
    }

    private static void requireSerializable(Type type, String where, List<String> problems, Set<Class<?>> checked) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                requireSerializable(c.getComponentType(), where, problems, checked);
            } else if (c.isPrimitive()) {
                return;
            } else if (!Serializable.class.isAssignableFrom(c)) {
                problems.add(where + " of type " + c.getName() + " is not serializable");
            } else if (c.getName().startsWith(PROJECT)) {
                checkFields(c, problems, checked);
                // the value may be of any subclass (GateStepExecution<S extends GateStep> keeps the concrete step)
                for (Class<?> subclass : PLUGIN_CLASSES) {
                    if (c != subclass && c.isAssignableFrom(subclass)) {
                        checkFields(subclass, problems, checked);
                    }
                }
            }
        } else if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (!(raw == List.class || raw == Set.class || raw == Map.class || raw == Collection.class)) {
                requireSerializable(raw, where, problems, checked);
            }
            for (Type argument : p.getActualTypeArguments()) {
                requireSerializable(argument, where + " (type argument)", problems, checked);
            }
        } else if (type instanceof TypeVariable<?> v) {
            requireSerializable(v.getBounds()[0], where, problems, checked);
        } else if (type instanceof WildcardType w) {
            requireSerializable(w.getUpperBounds()[0], where, problems, checked);
        } else if (type instanceof GenericArrayType a) {
            requireSerializable(a.getGenericComponentType(), where, problems, checked);
        }
    }

    /** The result type {@code T} of a {@code FileCallable<T>}, which travels back from the agent. */
    private static List<Type> resultTypes(Class<?> type) {
        List<Type> results = new ArrayList<>();
        Class<?> callable = load("hudson.FilePath$FileCallable");
        if (!callable.isAssignableFrom(type)) {
            return results;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType p
                    && callable.isAssignableFrom((Class<?>) p.getRawType())) {
                results.add(p.getActualTypeArguments()[0]);
                break;
            }
        }
        assertThat(results).as(type + " declares its result type").isNotEmpty();
        return results;
    }

    // ---- rule 2

    private static String restoration(Class<?> type, String field) {
        Path source = SOURCES.resolve(type.getName().replaceAll("\\$.*", "").replace('.', '/') + ".java");
        Set<String> transients = new HashSet<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isTransient(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) {
                transients.add(f.getName());
            }
        }
        return restoration(read(source), transients, field);
    }

    /** How {@code field} gets its value back after a restart, or null when nothing restores it. */
    static String restoration(String source, Set<String> transients, String field) {
        Pattern assigned = Pattern.compile("(?<![=!<>.\\w])(?:this\\.)?" + field + "\\s*=(?!=)");
        Set<String> reached = new LinkedHashSet<>();
        collectCalls(source, "onResume", reached);
        for (String method : reached) {
            String body = methodBody(source, method);
            if (body != null && assigned.matcher(body).find()) {
                return "onResume";
            }
        }
        for (String guard : transients) {
            Matcher nullCheck = Pattern.compile("if\\s*\\(\\s*(?:this\\.)?" + guard + "\\s*==\\s*null\\s*\\)\\s*\\{")
                    .matcher(source);
            while (nullCheck.find()) {
                String block = block(source, nullCheck.end() - 1);
                if (assigned.matcher(block).find()) {
                    return "re-created when null";
                }
            }
        }
        return null;
    }

    /** {@code method} and the methods of the same source it calls, transitively. */
    private static void collectCalls(String source, String method, Set<String> reached) {
        String body = methodBody(source, method);
        if (body == null || !reached.add(method)) {
            return;
        }
        Matcher call = Pattern.compile("(?<![.\\w])(\\w+)\\s*\\(").matcher(body);
        while (call.find()) {
            if (methodBody(source, call.group(1)) != null) {
                collectCalls(source, call.group(1), reached);
            }
        }
    }

    private static String methodBody(String source, String method) {
        Matcher declaration = Pattern.compile("[\\w>\\]]\\s+" + method + "\\s*\\([^)]*\\)\\s*(?:throws[^{;]*)?\\{")
                .matcher(source);
        return declaration.find() ? block(source, declaration.end() - 1) : null;
    }

    /** The text of the block whose opening brace is at {@code open}. */
    private static String block(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return source.substring(open, i + 1);
            }
        }
        throw new IllegalStateException("unbalanced braces from " + open);
    }

    // ---- the plugin's classes

    private static List<Class<?>> persistedRoots() {
        Class<?> execution = load("org.jenkinsci.plugins.workflow.steps.StepExecution");
        Class<?> action = load("hudson.model.Action");
        Class<?> callable = load("hudson.FilePath$FileCallable");
        return pluginClasses().stream()
                .filter(c -> execution.isAssignableFrom(c) || action.isAssignableFrom(c) || callable.isAssignableFrom(c))
                .toList();
    }

    private static List<Class<?>> persistedPluginClasses() {
        Set<Class<?>> checked = new HashSet<>();
        List<String> ignored = new ArrayList<>();
        for (Class<?> root : persistedRoots()) {
            checkFields(root, ignored, checked);
        }
        Set<Class<?>> withSupertypes = new LinkedHashSet<>();
        for (Class<?> c : checked) {
            for (Class<?> s = c; s != null && s.getName().startsWith(PROJECT + "jenkins"); s = s.getSuperclass()) {
                withSupertypes.add(s);
            }
        }
        return List.copyOf(withSupertypes);
    }

    private static List<Class<?>> pluginClasses() {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/').replace('/', '.')
                        .replaceAll("\\.java$", "");
                if (!name.endsWith("package-info")) {
                    addWithNested(load(name), classes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    private static void addWithNested(Class<?> type, List<Class<?>> classes) {
        classes.add(type);
        for (Class<?> nested : type.getDeclaredClasses()) {
            addWithNested(nested, classes);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PluginSerializationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
