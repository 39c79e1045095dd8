package io.certtrail.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The layering the README describes, as rules the build checks: a web edge maps HTTP and reads
 * through its feature's reads class; aggregates are plain domain code; the two sides meet only in
 * the events and the platform; the events are the stored contract and depend on nothing of ours.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.certtrail");
    }

    @Test
    void webEdgesNeverTouchTheDatabase() {
        noClasses()
                .that()
                .resideInAPackage("io.certtrail..web..")
                .and()
                .resideOutsideOfPackage("io.certtrail.platform..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(MongoOperations.class)
                .because("each feature's reads class is the only user of MongoTemplate; controllers map HTTP only")
                .check(classes);
    }

    @Test
    void oneFeaturesWebEdgeNeverReadsAnothers() {
        slices().matching("io.certtrail.(*).(*).web..")
                .should()
                .notDependOnEachOther()
                .because("a feature's web edge reads through its own reads class, never another edge's types")
                .check(classes);
    }

    @Test
    void aggregatesAreDomainCodeWithoutSpring() {
        noClasses()
                .that()
                .areAnnotatedWith(Aggregate.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("an aggregate decides from its events and the command; infrastructure comes in as"
                        + " interfaces (EarnedCertificates, PrintedNames, AddressRegistry)")
                .check(classes);
    }

    @Test
    void theCommandAndQuerySidesNeverImportEachOther() {
        noClasses()
                .that()
                .resideInAPackage("io.certtrail.command..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.certtrail.query..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("io.certtrail.query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.certtrail.command..")
                .check(classes);
    }

    @Test
    void thePlatformServesBothSidesAndKnowsNeither() {
        noClasses()
                .that()
                .resideInAPackage("io.certtrail.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.certtrail.command..", "io.certtrail.query..")
                .check(classes);
    }

    @Test
    void theEventsAreTheStoredContractAndDependOnNothingOfOurs() {
        classes()
                .that()
                .resideInAPackage("io.certtrail.events..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "io.certtrail.events..",
                        "org.axonframework.serialization..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }
}
