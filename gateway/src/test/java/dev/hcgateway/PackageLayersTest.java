package dev.hcgateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package list reading as the pipeline: the shared words sit in {@code model} at the bottom (the pacing
 * helpers in {@code pace} beside it), the stages above them import neither the edge nor the assembly ({@code Main},
 * {@code GatewayVerticle}, {@code Pipelines}: only the command line does), no two packages import each other,
 * directly or round a loop, and the judging packages an offline gate reuses stay free of the server's machinery.
 */
class PackageLayersTest {

    /**
     * What judges a code with nothing but memory: decoders, judges, trust list, policy, and the offline gate's bundle
     * and verifier ({@code gate}, shipped alone as the gate jar). An offline gate's verifier is built from these alone, so they must run without Vert.x, Netty, Redis or PostgreSQL on the class path.
     */
    static final String[] JUDGING = {"dev.hcgateway.model..", "dev.hcgateway.cose..", "dev.hcgateway.crypto..",
        "dev.hcgateway.trust..", "dev.hcgateway.format..", "dev.hcgateway.hcn1..", "dev.hcgateway.dcc..",
        "dev.hcgateway.policy..", "dev.hcgateway.judge..", "dev.hcgateway.gate.."};

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
    void pace_importsNoOtherGatewayPackage() {
        // The pacing helpers (backoff, token bucket) sit at the bottom beside model: any stage may use them.
        noClasses().that().resideInAPackage("dev.hcgateway.pace..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.hcgateway.pace..", "java..")
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
        // The assembly (Main, GatewayVerticle) sits above every stage: only the command line starts it.
        noClasses().that().resideOutsideOfPackages("dev.hcgateway", "dev.hcgateway.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.hcgateway")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.hcgateway")
                .should().dependOnClassesThat().haveFullyQualifiedName(Main.class.getName())
                .check(classes);
    }

    @Test
    void judgingPackages_importNoServerMachinery() {
        noClasses().that().resideInAnyPackage(JUDGING)
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "io.lettuce..",
                        "org.postgresql..", "com.ongres..", "io.micrometer..")
                .check(classes);
    }

    @Test
    void judgingPackages_importOnlyEachOtherTheJdkJacksonAndTheNativeProvider() {
        String[] allowed = Stream.concat(Stream.of(JUDGING), Stream.of("java..", "javax..", "com.fasterxml.jackson..",
                "org.slf4j..", "com.amazon.corretto.crypto.provider..")).toArray(String[]::new);
        classes().that().resideInAnyPackage(JUDGING)
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .check(classes);
    }
}
