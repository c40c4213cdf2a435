package io.caravan.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's shape: no framework inside it, and the capabilities (credit, screening, logistics, information,
 * legal, political, natural) depend only on the shared core (domain, risk, reference, exposure) — never on each
 * other. Only the engine package composes them.
 */
class ArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.caravan");

    @Test
    void theEngineImportsNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.flink..", "org.apache.kafka..", "java.sql..", "javax.sql..",
                        "com.fasterxml..", "tools.jackson..", "jakarta..", "javax.persistence..", "picocli..")
                .check(ENGINE);
    }

    @Test
    void capabilitiesDoNotReachIntoEachOther() {
        slices().matching("io.caravan.(credit|screening|logistics|information|legal|political|natural)..")
                .should().notDependOnEachOther()
                .check(ENGINE);
    }

    @Test
    void theSharedCoreDependsOnNoCapability() {
        noClasses().that().resideInAnyPackage("io.caravan.domain..", "io.caravan.risk..", "io.caravan.reference..",
                        "io.caravan.exposure..")
                .should().dependOnClassesThat().resideInAnyPackage("io.caravan.credit..", "io.caravan.screening..",
                        "io.caravan.logistics..", "io.caravan.information..", "io.caravan.legal..", "io.caravan.political..",
                        "io.caravan.natural..", "io.caravan.engine..")
                .check(ENGINE);
    }

    /**
     * Codes and sentences do not depend on the machine's language: no case change or formatting with the default
     * locale (in Turkish "AIR".toLowerCase() is "aır"; in German "%.2f" writes a comma).
     */
    @Test
    void nothingDependsOnTheDefaultLocale() {
        noClasses().should().callMethod(String.class, "toLowerCase")
                .orShould().callMethod(String.class, "toUpperCase")
                .orShould().callMethod(String.class, "format", String.class, Object[].class)
                .orShould().callMethod(String.class, "formatted", Object[].class)
                .because("the engine's output must be the same on every machine; pass Locale.ROOT")
                .check(ENGINE);
    }

    /** The engine's time is its records' time, in UTC: it never reads the clock or the machine's time zone. */
    @Test
    void nothingReadsTheClockOrTheMachinesTimeZone() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.ZoneId.class, "systemDefault")
                .orShould().callMethod(java.util.TimeZone.class, "getDefault")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("a replay must give the same assessments at any hour, on any machine")
                .check(ENGINE);
    }

    @Test
    void theDomainKnowsNothingButItself() {
        noClasses().that().resideInAPackage("io.caravan.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.caravan.risk..", "io.caravan.reference..",
                        "io.caravan.exposure..")
                .check(ENGINE);
    }
}
