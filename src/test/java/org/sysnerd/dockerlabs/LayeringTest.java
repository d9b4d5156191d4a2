package org.sysnerd.dockerlabs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sysnerd.dockerlabs.assertions.SeenAssert;
import org.sysnerd.dockerlabs.facts.Seen;
import org.sysnerd.dockerlabs.subject.LabMode;
import org.sysnerd.dockerlabs.subject.Setting;

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
                .layer("lessons").definedBy("..dockerlabs.lessons..")
                .layer("pages").definedBy("..dockerlabs.html..")
                .layer("report").definedBy("..dockerlabs.report..")
                .layer("gradebook").definedBy("..dockerlabs.gradebook..")
                .layer("junit").definedBy("..dockerlabs.junit..")
                .whereLayer("junit").mayNotBeAccessedByAnyLayer()
                .whereLayer("gradebook").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("gradebook", "junit")
                .whereLayer("pages").mayOnlyBeAccessedByLayers("report", "gradebook", "junit")
                .whereLayer("preflight").mayOnlyBeAccessedByLayers("report", "junit")
                .whereLayer("lessons").mayOnlyBeAccessedByLayers("junit")
                .whereLayer("subjects").mayOnlyBeAccessedByLayers("preflight", "lessons", "junit")
                .whereLayer("host").mayOnlyBeAccessedByLayers("subjects", "preflight", "lessons", "junit")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("host", "subjects", "preflight", "lessons", "junit")
                .whereLayer("assertions").mayOnlyBeAccessedByLayers("host", "subjects", "preflight", "lessons", "junit")
                .whereLayer("parsers").mayOnlyBeAccessedByLayers("engine", "host", "subjects", "preflight", "lessons", "junit")
                .check(KIT);
    }

    @Test
    @DisplayName("keeps a run's state in the run: no static field that is not final, none volatile, no ThreadLocal")
    void keeps_state_in_the_run() {
        fields().that().areStatic().should().beFinal()
                .because("a run's state lives in its KitRun, in JUnit's root store: runs in one JVM must not share it")
                .check(KIT);
        noFields().that().areStatic().should().haveModifier(JavaModifier.VOLATILE)
                .check(KIT);
        noFields().that().areStatic().should().haveRawType(DescribedPredicate.describe("a mutable collection or atomic",
                type -> !type.isInterface() && (type.isAssignableTo(Collection.class) || type.isAssignableTo(Map.class)
                        || type.getPackageName().equals("java.util.concurrent.atomic"))))
                .because("a constant collection is List.of, Set.of or Map.of, typed by its interface").check(KIT);
        noClasses().should().dependOnClassesThat().areAssignableTo(ThreadLocal.class)
                .because("what a lab records reaches it as a parameter (Evidence), not through its thread").check(KIT);
    }

    @Test
    @DisplayName("leaves the lessons to the assertions: no lab builds a Seen or catches an exception, each asks its family's assertion class")
    void labs_build_no_seen() {
        JavaClasses labs = new ClassFileImporter().importPackages("org.sysnerd.dockerlabs.labs");
        noClasses().that().resideInAPackage("org.sysnerd.dockerlabs.labs").should()
                .callConstructor(Seen.class, Object.class, String.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(SeenAssert.class.getName())
                .because("a fact's expected text, its reason and its command belong to its assertion class (lessons/)")
                .check(labs);
        codeUnits().that().areDeclaredInClassesThat().resideInAPackage("org.sysnerd.dockerlabs.labs")
                .should(new ArchCondition<JavaCodeUnit>("catch no exception") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        unit.getTryCatchBlocks().forEach(block -> events.add(SimpleConditionEvent.violated(unit,
                                unit.getFullName() + " catches " + block.getCaughtThrowables() + " " + block.getSourceCodeLocation())));
                    }
                }).because("what a failure or a fact not checked means is its assertion class's to decide (lessons/)")
                .check(labs);
    }

    @Test
    @DisplayName("decides the mode once, in the run: everything else asks the run's mode")
    void decides_the_mode_once() {
        noClasses().that().doNotHaveFullyQualifiedName("org.sysnerd.dockerlabs.junit.KitRun")
                .and().doNotHaveFullyQualifiedName("org.sysnerd.dockerlabs.subject.LabMode")
                .and().doNotHaveFullyQualifiedName("org.sysnerd.dockerlabs.subject.Setting")
                .should().callMethod(LabMode.class, "of", String.class)
                .orShould().accessField(Setting.class, "MODE")
                .because("the run decides its mode when it begins (KitRun); the kit asks it, typed").check(KIT);
    }

    @Test
    @DisplayName("uses its libraries through their public API: no class Testcontainers shades for itself")
    void touches_no_shaded_class() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.testcontainers.shaded..")
                .because("Testcontainers' shaded copies are its insides; docker-java-core is a dependency of the kit")
                .check(KIT);
    }
}
