package org.edgeway.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of docs/architecture.md for the engine, checked on the compiled classes so a break fails the build. */
class EngineArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.edgeway.engine");

    @Test
    void theEngineIsPlainJavaAndNetty() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.ejb..",
                        "javax.persistence..", "javax.inject..", "javax.enterprise..", "javax.servlet..",
                        "javax.ws..", "javax.faces..", "javax.transaction..", "javax.validation..")
                .because("the engine runs standalone and inside WildFly alike: no Jakarta EE")
                .check(ENGINE);
    }

    @Test
    void theEngineKnowsNoOtherModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.edgeway.services..",
                        "org.edgeway.persistence..", "org.edgeway.web..")
                .because("dependencies point one way: web-admin -> ejb-services -> media-engine")
                .check(ENGINE);
    }

    @Test
    void theFacadeKnowsNoServiceByType() {
        noClasses().that().resideInAPackage("org.edgeway.engine")
                .and().doNotHaveSimpleName("StandardServices").and().doNotHaveSimpleName("EngineMain")
                .should().dependOnClassesThat().resideInAnyPackage("org.edgeway.engine.turn..")
                .because("services are started, applied and snapshotted through EngineService only; "
                        + "StandardServices lists them and EngineMain is the standalone TURN launcher")
                .check(ENGINE);
    }

    @Test
    void sharedNetworkingDependsOnNoProtocolService() {
        noClasses().that().resideInAnyPackage("org.edgeway.engine.net..", "org.edgeway.engine.stun..",
                        "org.edgeway.engine.tls..")
                .should().dependOnClassesThat().resideInAnyPackage("org.edgeway.engine.turn..")
                .because("net, stun and tls are shared by TURN and the SIP edge")
                .check(ENGINE);
    }
}
