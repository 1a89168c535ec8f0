package org.edgeway.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rule of docs/architecture.md for this module, checked on the compiled classes. */
class PersistenceArchitectureTest {

    @Test
    void entitiesKnowNoServiceWebOrEngineType() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.edgeway.services..",
                        "org.edgeway.web..", "org.edgeway.engine..")
                .because("entities and migrations sit below the services")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.edgeway.persistence"));
    }
}
