package org.sysnerd.dockerlabs;

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
}
