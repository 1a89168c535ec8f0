package org.edgeway.services;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of docs/architecture.md for this module, checked on the compiled classes. */
class ServicesArchitectureTest {

    private static final JavaClasses SERVICES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.edgeway.services");

    @Test
    void servicesKnowNoPage() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.edgeway.web..")
                .because("nothing imports web-admin").check(SERVICES);
    }

    @Test
    void onlyTheEngineLifecycleHoldsTheEngine() {
        noClasses().that().resideOutsideOfPackage("org.edgeway.services.engine..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.edgeway.engine.Engine")
                .because("features contribute configuration and read snapshots through EngineLifecycle")
                .check(SERVICES);
    }
}
