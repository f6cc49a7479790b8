package io.taquilla.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * Architecture rules every service checks in a test: it does not reach into another service,
 * and its domain packages ({@code ..domain..}) stay free of Spring, Kafka and JDBI so their rules
 * can be tested as plain Java.
 */
public final class ServiceArchitecture {

    public static final List<String> SERVICES = List.of("catalog", "order", "payment", "ticketing", "scanner", "notification", "identity");

    private ServiceArchitecture() {
    }

    public static void check(String service) {
        String root = "io.taquilla." + service;
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        for (String other : SERVICES) {
            if (!other.equals(service)) {
                noClasses().should().dependOnClassesThat().resideInAPackage("io.taquilla." + other + "..")
                        .because("services speak to each other only through Kafka topics")
                        .check(classes);
            }
        }
        noClasses().that().resideInAPackage(root + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.jdbi..",
                        "jakarta.servlet..", "io.taquilla.messaging..")
                .because("domain rules are plain Java, testable without Spring, Kafka or a database")
                .allowEmptyShould(true)
                .check(classes);
    }
}
