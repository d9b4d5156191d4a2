package org.sysnerd.dockerlabs;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The lab kit's layering")
class LayeringTest {

    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.sysnerd.dockerlabs");

    @Test
    @DisplayName("has no package cycle: facts, parsers and the journal at the bottom, the JUnit glue at the top")
    void has_no_package_cycle() {
        slices().matching("org.sysnerd.dockerlabs.(*)..").should().beFreeOfCycles().check(KIT);
    }

    @Test
    @DisplayName("depends downwards only: host facts and parsers know no engine, the engine no lab, nothing the JUnit glue")
    void depends_downwards_only() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("facts").definedBy("..dockerlabs.facts..", "..dockerlabs.journal..")
                .layer("parsers").definedBy("..dockerlabs.parse..")
                .layer("assertions").definedBy("..dockerlabs.assertions..")
                .layer("engine").definedBy("..dockerlabs.docker..")
                .layer("host").definedBy("..dockerlabs.probe..")
                .layer("subjects").definedBy("..dockerlabs.subject..")
                .layer("preflight").definedBy("..dockerlabs.preflight..")
                .layer("pages").definedBy("..dockerlabs.html..")
                .layer("report").definedBy("..dockerlabs.report..")
                .layer("gradebook").definedBy("..dockerlabs.gradebook..")
                .layer("junit").definedBy("..dockerlabs.junit..")
                .whereLayer("junit").mayNotBeAccessedByAnyLayer()
                .whereLayer("gradebook").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("gradebook", "junit")
                .whereLayer("pages").mayOnlyBeAccessedByLayers("report", "gradebook", "junit")
                .whereLayer("preflight").mayOnlyBeAccessedByLayers("report", "junit")
                .whereLayer("subjects").mayOnlyBeAccessedByLayers("preflight", "junit")
                .whereLayer("host").mayOnlyBeAccessedByLayers("subjects", "preflight", "junit")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("host", "subjects", "preflight", "junit")
                .whereLayer("assertions").mayOnlyBeAccessedByLayers("host", "subjects", "preflight", "junit")
                .whereLayer("parsers").mayOnlyBeAccessedByLayers("engine", "host", "subjects", "preflight", "junit")
                .check(KIT);
    }
}
