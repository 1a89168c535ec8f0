package org.edgeway.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rule of docs/architecture.md for the console, checked on the compiled classes. */
class WebArchitectureTest {

    @Test
    void pagesAndApiTalkToServicesOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.edgeway.engine..",
                        "org.edgeway.persistence..")
                .because("web-admin goes through ejb-services; the enums it shows come through services")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.edgeway.web"));
    }
}
