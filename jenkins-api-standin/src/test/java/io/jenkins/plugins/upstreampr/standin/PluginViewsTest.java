package io.jenkins.plugins.upstreampr.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads every Jelly view of the plugin, as Stapler would resolve it, without a Jenkins: what the compiler and the
 * stand-in check cannot see. The plugin's classes are those compiled here against the stand-in (same names and
 * hierarchy as in the real build).
 *
 * <ul>
 *   <li>No {@code ${%...}} key holds a parenthesis: Stapler reads {@code (} in such a key as the start of arguments,
 *       so {@code ${%Give up after (minutes)}} shows "Give up after".</li>
 *   <li>Every {@code field="F"} of a step's {@code config.jelly}, and of the shared pages it includes with
 *       {@code <st:include page="P" class="${descriptor.clazz}"/>} (found, like any view, in the folder of the
 *       step's class or of a superclass), has a public getter ({@code getF}/{@code isF}) on the step's class.</li>
 *   <li>Every such field has its {@code help-F.html} in the folder of the step's class or of a superclass, which is
 *       where {@code Descriptor.getHelpFile(Klass, String)} looks (jenkins 2.541.1, see plugin/JENKINS-BEHAVIOUR.md);
 *       and every {@code help-F.html} belongs to a field some view shows.</li>
 *   <li>Every {@code ${it.NAME}} of an action's view names a public getter or method of that action.</li>
 * </ul>
 */
class PluginViewsTest {

    private static final Path RESOURCES = Path.of("..", "plugin", "src", "main", "resources");
    private static final String PACKAGE = "io.jenkins.plugins.upstreampr.jenkins";
    private static final Path VIEWS = RESOURCES.resolve(PACKAGE.replace('.', '/'));

    private static final Pattern LOCALIZED = Pattern.compile("\\$\\{%([^}]*)}");
    private static final Pattern FIELD = Pattern.compile("<f:[a-zA-Z]+\\s[^>]*\\bfield=\"([^\"]+)\"");
    private static final Pattern INCLUDE = Pattern.compile(
            "<st:include\\s+page=\"([^\"]+)\"\\s+class=\"\\$\\{descriptor\\.clazz}\"\\s*/>");
    private static final Pattern IT_PROPERTY = Pattern.compile("\\bit\\.([a-zA-Z_][a-zA-Z0-9_]*)");

    @Test
    void noLocalizedKeyHoldsAParenthesis() {
        List<String> cut = new ArrayList<>();
        for (Path view : jellyViews()) {
            Matcher m = LOCALIZED.matcher(read(view));
            while (m.find()) {
                if (m.group(1).contains("(") || m.group(1).contains(")")) {
                    cut.add(RESOURCES.relativize(view) + ": ${%" + m.group(1) + "}");
                }
            }
        }
        assertThat(cut).as("Stapler reads '(' in ${%...} as the start of arguments: reword these keys").isEmpty();
    }

    @Test
    void everyFieldOfAStepsConfigurationHasAGetterOnTheStep() {
        List<String> problems = new ArrayList<>();
        for (Path config : stepConfigurations()) {
            Class<?> step = viewClass(config);
            for (String field : fields(config, step)) {
                if (!hasGetter(step, field)) {
                    problems.add(step.getSimpleName() + "/config.jelly: field '" + field + "' has no public get"
                            + capitalized(field) + "() or is" + capitalized(field) + "() on " + step.getName());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyStepHasAConfigurationView() throws IOException {
        Class<?> stepType = load("org.jenkinsci.plugins.workflow.steps.Step");
        Set<String> steps = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("..", "plugin", "src", "main", "java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = Path.of("..", "plugin", "src", "main", "java").relativize(source).toString()
                        .replace('\\', '/').replace('/', '.').replaceAll("\\.java$", "");
                if (name.endsWith("package-info")) {
                    continue;
                }
                Class<?> c = load(name);
                if (stepType.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
                    steps.add(c.getName());
                }
            }
        }
        Set<String> configured = new TreeSet<>();
        for (Path config : stepConfigurations()) {
            configured.add(viewClass(config).getName());
        }
        assertThat(steps).as("the plugin's steps").hasSizeGreaterThanOrEqualTo(4);
        assertThat(configured).as("steps with a config.jelly (the Snippet Generator's form)").isEqualTo(steps);
    }

    @Test
    void everyFieldHasItsHelpWhereStaplerLooksForIt() {
        List<String> missing = new ArrayList<>();
        for (Path config : stepConfigurations()) {
            Class<?> step = viewClass(config);
            for (String field : fields(config, step)) {
                if (find(step, "help-" + field + ".html") == null) {
                    missing.add(step.getSimpleName() + ": no help-" + field + ".html in the folder of "
                            + step.getSimpleName() + " or of a superclass");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyHelpFileBelongsToAFieldAViewShows() throws IOException {
        Set<String> shown = new TreeSet<>();
        for (Path config : stepConfigurations()) {
            Class<?> step = viewClass(config);
            for (String field : fields(config, step)) {
                for (Class<?> c = step; c != null && c.getName().startsWith(PACKAGE); c = c.getSuperclass()) {
                    shown.add(c.getSimpleName() + "/help-" + field + ".html");
                }
            }
        }
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(VIEWS)) {
            files.filter(f -> f.getFileName().toString().matches("help-.+\\.html"))
                    .map(f -> VIEWS.relativize(f).toString().replace('\\', '/'))
                    .filter(name -> !shown.contains(name))
                    .forEach(orphans::add);
        }
        assertThat(orphans).as("help files no view's field uses").isEmpty();
    }

    @Test
    void everyPropertyAnActionsViewReadsExistsOnTheAction() {
        List<String> problems = new ArrayList<>();
        for (Path view : jellyViews()) {
            Class<?> owner = viewClassOrNull(view);
            if (owner == null || !isAction(owner)) {
                continue;
            }
            Matcher m = IT_PROPERTY.matcher(withoutComments(read(view)));
            while (m.find()) {
                String name = m.group(1);
                if (!hasGetter(owner, name) && !hasPublicMethod(owner, name)) {
                    problems.add(VIEWS.relativize(view) + ": ${it." + name + "} but " + owner.getSimpleName()
                            + " has no public get" + capitalized(name) + "()");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theChecksSeeACutLabelAMissingGetterAndAMissingHelp() {
        Matcher cut = LOCALIZED.matcher("<f:entry field=\"x\" title=\"${%Give up after (minutes)}\">");
        assertThat(cut.find() && cut.group(1).contains("(")).isTrue();
        Class<?> step = load(PACKAGE + ".WaitForUpstreamPullRequestStep");
        assertThat(hasGetter(step, "timeoutMinutes")).isTrue();
        assertThat(hasGetter(step, "timeoutMinute")).isFalse();
        assertThat(find(step, "help-timeoutMinutes.html")).isNotNull();
        assertThat(find(step, "help-apiUri.html")).as("inherited from GitHubStep's folder").isNotNull();
        assertThat(find(step, "help-nothing.html")).isNull();
    }

    /** The fields a step's configuration shows: its own and those of the shared pages it includes. */
    private static Set<String> fields(Path config, Class<?> step) {
        Set<String> fields = new LinkedHashSet<>();
        String text = withoutComments(read(config));
        Matcher field = FIELD.matcher(text);
        while (field.find()) {
            fields.add(field.group(1));
        }
        Matcher include = INCLUDE.matcher(text);
        while (include.find()) {
            Path page = find(step, include.group(1));
            assertThat(page).as(config + " includes " + include.group(1) + ", which is in no folder of "
                    + step.getName() + " or its superclasses").isNotNull();
            fields.addAll(fields(page, step));
        }
        return fields;
    }

    /** A view or resource as Stapler finds it for {@code type}: in its folder, else in a superclass's. */
    private static Path find(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Path candidate = RESOURCES.resolve(c.getName().replace('.', '/')).resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean hasGetter(Class<?> type, String property) {
        for (String prefix : List.of("get", "is")) {
            try {
                Method getter = type.getMethod(prefix + capitalized(property));
                if (getter.getParameterCount() == 0 && getter.getReturnType() != void.class
                        && (prefix.equals("get") || getter.getReturnType() == boolean.class)) {
                    return true;
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return false;
    }

    private static boolean hasPublicMethod(Class<?> type, String name) {
        return Stream.of(type.getMethods()).anyMatch(m -> m.getName().equals(name) && m.getParameterCount() == 0);
    }

    private static boolean isAction(Class<?> type) {
        try {
            return Class.forName("hudson.model.Action", false, PluginViewsTest.class.getClassLoader())
                    .isAssignableFrom(type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> stepConfigurations() {
        return jellyViews().stream().filter(v -> v.getFileName().toString().equals("config.jelly"))
                .filter(v -> {
                    Class<?> c = viewClassOrNull(v);
                    return c != null && !Modifier.isAbstract(c.getModifiers());
                }).toList();
    }

    private static List<Path> jellyViews() {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.toString().endsWith(".jelly")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> viewClass(Path view) {
        Class<?> c = viewClassOrNull(view);
        assertThat(c).as(view + " is in the folder of no plugin class").isNotNull();
        return c;
    }

    /** The class whose folder holds {@code view}, or null (index.jelly of the plugin itself). */
    private static Class<?> viewClassOrNull(Path view) {
        Path folder = RESOURCES.relativize(view.getParent());
        if (folder.getNameCount() < 2) {
            return null;
        }
        String name = folder.toString().replace('\\', '/').replace('/', '.');
        try {
            return Class.forName(name, false, PluginViewsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PluginViewsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The view without its XML comments, which Jelly does not run (a shared page shows its own include there). */
    private static String withoutComments(String jelly) {
        return jelly.replaceAll("(?s)<!--.*?-->", "");
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
