package io.certtrail.command.catalogue;

import io.certtrail.events.catalogue.CertificationDefined;
import io.certtrail.platform.certificates.DefaultCatalogue;
import io.certtrail.platform.certificates.DefaultCatalogue.Definition;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The catalogue as it stands in the event store, for a command that needs a certification's place
 * in it (the renewal rules): the shipped defaults, overlaid by the office's definitions. It reads
 * the catalogue's stream, not its aggregate, so no command locks the one catalogue while records
 * arrive; the stream is read again only when its last sequence number moved, so each answer is
 * the catalogue of the moment it was asked.
 */
@Component
public class CatalogueDefinitions {

    private final EventStore eventStore;
    private volatile Snapshot snapshot = new Snapshot(-1, defaults());

    private record Snapshot(long sequence, Map<String, Definition> byName) {}

    CatalogueDefinitions(@Lazy EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The definition of a certification name (ignoring case), if the catalogue has it. */
    public Optional<Definition> of(String certificationName) {
        if (certificationName == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(current().get(certificationName.trim().toUpperCase(Locale.ROOT)));
    }

    private Map<String, Definition> current() {
        long sequence =
                eventStore.lastSequenceNumberFor(CatalogueCommands.CATALOGUE_ID).orElse(-1L);
        Snapshot held = snapshot;
        if (held.sequence() == sequence) {
            return held.byName();
        }
        Map<String, Definition> byName = defaults();
        eventStore.readEvents(CatalogueCommands.CATALOGUE_ID).asStream().forEach(message -> {
            if (message.getPayload() instanceof CertificationDefined d) {
                byName.put(
                        d.certificationName().toUpperCase(Locale.ROOT),
                        new Definition(
                                d.certificationName(),
                                d.track(),
                                d.level(),
                                d.validityMonths(),
                                d.formats(),
                                d.revivesExpired()));
            }
        });
        snapshot = new Snapshot(sequence, Map.copyOf(byName));
        return snapshot.byName();
    }

    private static Map<String, Definition> defaults() {
        Map<String, Definition> byName = new HashMap<>();
        for (Definition d : DefaultCatalogue.definitions()) {
            byName.put(d.certificationName().toUpperCase(Locale.ROOT), d);
        }
        return byName;
    }
}
