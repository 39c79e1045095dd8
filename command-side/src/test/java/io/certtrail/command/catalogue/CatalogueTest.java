package io.certtrail.command.catalogue;

import io.certtrail.command.catalogue.CatalogueCommands.DefineCertification;
import io.certtrail.command.catalogue.CatalogueCommands.Defined;
import io.certtrail.events.catalogue.CertificationDefined;
import io.certtrail.events.certificate.CertificateFormat;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String ID = CatalogueCommands.CATALOGUE_ID;

    private AggregateTestFixture<Catalogue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Catalogue.class);
    }

    private static DefineCertification define(int months, Instant at) {
        return new DefineCertification(
                ID,
                "HCIP-Security",
                "Security",
                "PROFESSIONAL",
                months,
                List.of(CertificateFormat.ELECTRONIC),
                false,
                at);
    }

    private static CertificationDefined defined(int months, Instant at) {
        return new CertificationDefined(
                ID,
                "HCIP-Security",
                "Security",
                "PROFESSIONAL",
                months,
                List.of(CertificateFormat.ELECTRONIC),
                false,
                at);
    }

    @Test
    void theOfficeDefinesACertificationAndChangesItsDefinitionLater() {
        fixture.givenNoPriorActivity()
                .when(define(36, T0))
                .expectEvents(defined(36, T0))
                .expectResultMessagePayload(new Defined("HCIP-Security", true, 0));
        fixture.given(defined(36, T0))
                .when(define(24, T0.plusSeconds(60)))
                .expectEvents(defined(24, T0.plusSeconds(60)))
                .expectResultMessagePayload(new Defined("HCIP-Security", true, 1));
    }

    @Test
    void theSameDefinitionAgainChangesNothing() {
        fixture.given(defined(36, T0))
                .when(define(36, T0.plusSeconds(60)))
                .expectNoEvents()
                .expectResultMessagePayload(new Defined("HCIP-Security", false, 0));
    }
}
