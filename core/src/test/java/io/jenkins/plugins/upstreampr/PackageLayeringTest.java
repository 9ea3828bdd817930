package io.jenkins.plugins.upstreampr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages form a tree without circles, whose arrows run down only: {@code github} and {@code chant}
 * know nothing of ours, {@code body} and {@code chant.archive} build on {@code chant}, {@code gate} on {@code body},
 * {@code chant} and {@code github}, {@code followup} on {@code chant}, {@code chant.archive} and {@code github}. And the
 * engine never uses Jenkins, so the plugin stays a thin front end and the CLI needs no Jenkins. Read from the compiled
 * main classes (tests excluded).
 */
class PackageLayeringTest {

    private static final String ROOT = "io.jenkins.plugins.upstreampr";
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void noTwoPackagesDependOnEachOtherEvenThroughOthers() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInAnyPackage(ROOT + "..")
                .layer("github").definedBy(ROOT + ".github..")
                .layer("chant").definedBy(ROOT + ".chant")
                .layer("chant.archive").definedBy(ROOT + ".chant.archive..")
                .layer("body").definedBy(ROOT + ".body..")
                .layer("gate").definedBy(ROOT + ".gate..")
                .layer("followup").definedBy(ROOT + ".followup..")
                .whereLayer("followup").mayNotBeAccessedByAnyLayer()
                .whereLayer("gate").mayNotBeAccessedByAnyLayer()
                .whereLayer("body").mayOnlyBeAccessedByLayers("gate")
                .whereLayer("chant.archive").mayOnlyBeAccessedByLayers("followup")
                .whereLayer("chant").mayOnlyBeAccessedByLayers("chant.archive", "body", "gate", "followup")
                .whereLayer("github").mayOnlyBeAccessedByLayers("gate", "followup")
                .check(ENGINE);
    }

    @Test
    void theEngineUsesNoJenkinsType() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                "com.cloudbees..", "org.kohsuke.stapler..").check(ENGINE);
    }
}
