package org.sysnerd.dockerlabs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Libraries are used through their public API: what a library shades for itself may change in any release. */
@DisplayName("The kit's use of its libraries")
class PublicApiTest {

    /** The kit, its labs and its tests. */
    private static final JavaClasses ALL = new ClassFileImporter().importPackages("org.sysnerd.dockerlabs");

    @Test
    @DisplayName("touches no class Testcontainers shades for itself (docker-java's core is its own dependency)")
    void no_shaded_class() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.testcontainers.shaded..")
                .because("Testcontainers' shaded copies are its insides; docker-java-core is a dependency of the kit")
                .check(ALL);
    }
}
