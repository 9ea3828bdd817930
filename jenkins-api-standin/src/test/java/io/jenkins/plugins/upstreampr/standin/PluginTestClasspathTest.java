package io.jenkins.plugins.upstreampr.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plugin's tests are compiled here against this module's test classpath; in the real build against what
 * {@code plugin/pom.xml} declares plus what the Jenkins parent POM and the test harness bring. So that a library the
 * plugin forgets to declare fails here as it would there, this module may depend on nothing else: every dependency of
 * {@code jenkins-api-standin/pom.xml} is declared in {@code plugin/pom.xml} (same version where the plugin gives one),
 * or is one of {@link #BROUGHT_BY_JENKINS}, each with where the real build gets it. Conversely every library the
 * plugin declares for its tests, other than the Jenkins plugins the stand-ins replace, is on this classpath.
 */
class PluginTestClasspathTest {

    /**
     * What the real build gets without {@code plugin/pom.xml} declaring it, read at the baseline tags. The version is
     * compared where the offline build must use the same one ({@code null}: not compared, with the reason).
     */
    private static final Map<String, Brought> BROUGHT_BY_JENKINS = Map.of(
            "org.junit.jupiter:junit-jupiter:jar", new Brought(null,
                    "plugin-pom 6.2189.v695a_c41f5249 pom.xml:306-310 adds it to every plugin (junit-bom 6.1.0, "
                            + "pom.xml:89,212-218); offline the root's JUnit 5 line, whose API the tests use"),
            "org.htmlunit:htmlunit:jar", new Brought("4.21.0",
                    "jenkins-test-harness 2565.vd1eb_7c961d1b_ pom.xml:253-263 depends on jenkins-test-harness-htmlunit"
                            + " 228.v9cb_fe1b_5b_7da_, which shades org.htmlunit:htmlunit 4.21.0 (its pom.xml:44-63)"),
            "com.google.guava:guava:jar", new Brought("33.5.0-jre",
                    "jenkins-core 2.541.1 (jenkins-bom, jenkins bom/pom.xml:90-93)"),
            "org.springframework.security:spring-security-core:jar", new Brought("6.5.7",
                    "jenkins-core 2.541.1 core/pom.xml:390-392 depends on spring-security-web, which depends on it "
                            + "(spring-security-bom 6.5.7, jenkins bom/pom.xml:70-77)"),
            "com.github.spotbugs:spotbugs-annotations:jar", new Brought(null,
                    "jenkins-core and jenkins-test-harness pom.xml:121-125; annotations only"),
            "org.jvnet.localizer:localizer:jar", new Brought(null,
                    "jenkins-core 2.541.1 (jenkins-bom, jenkins bom/pom.xml:281-284, 1.31); offline 1.12 from Maven "
                            + "Central, the runtime of the generated Messages classes only"));

    private record Brought(String version, String where) {
    }

    private final Pom root = Pom.read(Path.of("..", "pom.xml"), null);
    private final Pom standin = Pom.read(Path.of("pom.xml"), root);
    private final Pom plugin = Pom.read(Path.of("..", "plugin", "pom.xml"), null);

    @Test
    void everyLibraryTheTestsAreCompiledAgainstHereIsDeclaredByThePluginOrBroughtByJenkins() {
        assertThat(problems(standin, plugin)).as("jenkins-api-standin/pom.xml against plugin/pom.xml").isEmpty();
    }

    /** What on this module's classpath the real build of the plugin's tests would not have. */
    static List<String> problems(Pom standin, Pom plugin) {
        List<String> problems = new ArrayList<>();
        for (Pom.Dependency dependency : standin.dependencies()) {
            Pom.Dependency declared = plugin.dependency(dependency.key());
            Brought brought = BROUGHT_BY_JENKINS.get(dependency.key());
            if (declared != null) {
                if (declared.version() != null && !declared.version().equals(dependency.version())) {
                    problems.add(dependency.key() + " is " + dependency.version() + " here but "
                            + declared.version() + " in plugin/pom.xml");
                }
            } else if (brought != null) {
                if (brought.version() != null && !brought.version().equals(dependency.version())) {
                    problems.add(dependency.key() + " is " + dependency.version() + " here but the real build gets "
                            + brought.version() + ": " + brought.where());
                }
            } else {
                problems.add(dependency.key() + " is on the classpath the plugin's tests are compiled against here, "
                        + "but plugin/pom.xml does not declare it and neither the Jenkins parent POM nor the test "
                        + "harness brings it: declare it in plugin/pom.xml (with a version where nothing manages it)");
            }
        }
        return problems;
    }

    @Test
    void everyLibraryThePluginDeclaresForItsTestsIsOnTheClasspathHereUnlessAStandInReplacesIt() {
        Set<String> here = standin.dependencies().stream().map(Pom.Dependency::key).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Pom.Dependency dependency : plugin.dependencies()) {
            boolean jenkinsPlugin = dependency.groupId().startsWith("org.jenkins-ci");
            if ("test".equals(dependency.scope()) && !jenkinsPlugin && !here.contains(dependency.key())) {
                missing.add(dependency.key());
            }
        }
        assertThat(missing).as("test libraries of plugin/pom.xml missing from jenkins-api-standin/pom.xml").isEmpty();
    }

    @Test
    void theCoreTestJarComesWithoutItsDependenciesOnBothSidesAsItDoesInTheRealBuild() {
        String key = "io.jenkins.plugins.upstreampr:upstream-pr-core:test-jar";
        assertThat(plugin.dependency(key)).isNotNull();
        assertThat(plugin.dependency(key).exclusions()).containsExactly("*:*");
        assertThat(standin.dependency(key).exclusions()).containsExactly("*:*");
    }

    @Test
    void aLibraryThePluginForgetsToDeclareIsCaught() {
        Pom forgetful = plugin.without("org.assertj:assertj-core:jar");

        assertThat(problems(standin, forgetful)).singleElement().asString()
                .startsWith("org.assertj:assertj-core:jar is on the classpath the plugin's tests are compiled against");
    }

    @Test
    void aVersionOtherThanThePluginsIsCaught() {
        Pom other = plugin.withVersion("org.wiremock:wiremock-standalone:jar", "3.0.0");

        assertThat(problems(standin, other)).containsExactly(
                "org.wiremock:wiremock-standalone:jar is 3.13.1 here but 3.0.0 in plugin/pom.xml");
    }
}
