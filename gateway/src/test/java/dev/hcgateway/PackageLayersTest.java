package dev.hcgateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package list reading as the pipeline: the shared words sit in {@code model} at the bottom, the stages
 * above it import none of the edge, and no two packages import each other, directly or round a loop.
 */
class PackageLayersTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importGateway() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hcgateway");
    }

    @Test
    void packages_importedTogether_formNoCycle() {
        slices().matching("dev.hcgateway.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void model_importsNoOtherGatewayPackage() {
        noClasses().that().resideInAPackage("dev.hcgateway.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.hcgateway.model..", "java..")
                .check(classes);
    }

    @Test
    void httpConcerns_importEachOtherWithoutCycle_connectionDefenceKnowsNoRoute() {
        // The root of http is the server and its shared words; its sub-packages are its concerns.
        slices().matching("dev.hcgateway.http.(*)..").should().beFreeOfCycles().check(classes);
        noClasses().that().resideInAPackage("dev.hcgateway.http.connection..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hcgateway.http.edge..",
                        "dev.hcgateway.http.warmup..")
                .check(classes);
    }

    @Test
    void stages_neverImportTheEdgeOrTheAssembly() {
        noClasses().that().resideOutsideOfPackages("dev.hcgateway", "dev.hcgateway.http..", "dev.hcgateway.issuer..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hcgateway.http..")
                .check(classes);
    }
}
