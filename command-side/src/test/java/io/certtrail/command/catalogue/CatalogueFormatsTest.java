package io.certtrail.command.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.events.catalogue.CertificationDefined;
import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.platform.certificates.CertificateFormats;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/** Rule 16 from the catalogue: its definitions decide, the office's changes at once; the configured rules for the rest. */
class CatalogueFormatsTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final CatalogueDefinitions definitions = new CatalogueDefinitions(store);
    private final CatalogueFormats formats = new CatalogueFormats(definitions, CertificateFormats.defaults());

    private void define(long sequence, String name, List<CertificateFormat> offered) {
        store.publish(new GenericDomainEventMessage<>(
                "Catalogue",
                CatalogueCommands.CATALOGUE_ID,
                sequence,
                new CertificationDefined(
                        CatalogueCommands.CATALOGUE_ID,
                        name,
                        "Datacom",
                        "ASSOCIATE",
                        36,
                        offered,
                        false,
                        Instant.parse("2026-03-02T08:00:00Z"))));
    }

    @Test
    void theCataloguesFormatsHoldAndTheOfficesChangeTakesEffectAtOnce() {
        assertThat(formats.of("HCIA-Datacom")).containsExactly(CertificateFormat.ELECTRONIC); // shipped default
        assertThat(formats.of("hcie-security")).containsExactly(CertificateFormat.PAPER);

        define(0, "HCIA-Datacom", List.of(CertificateFormat.ELECTRONIC, CertificateFormat.PAPER));
        assertThat(formats.of("HCIA-Datacom")).containsExactly(CertificateFormat.ELECTRONIC, CertificateFormat.PAPER);
        define(1, "HCIA-Datacom", List.of(CertificateFormat.PAPER));
        assertThat(formats.of("HCIA-Datacom")).containsExactly(CertificateFormat.PAPER);

        // a name the catalogue lacks: the configured rules (the expert level's prefix on paper)
        assertThat(formats.of("HCIE-Quantum")).containsExactly(CertificateFormat.PAPER);
        assertThat(formats.of("XYZ-Expert")).containsExactly(CertificateFormat.ELECTRONIC);
        assertThat(definitions.of("XYZ-Expert")).isEmpty();
    }
}
