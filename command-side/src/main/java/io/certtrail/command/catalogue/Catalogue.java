package io.certtrail.command.catalogue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.certtrail.command.catalogue.CatalogueCommands.DefineCertification;
import io.certtrail.command.catalogue.CatalogueCommands.Defined;
import io.certtrail.events.catalogue.CertificationDefined;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The catalogue of certifications the certification office manages (its changes are events, so the
 * audit trail has them). Defining a name again replaces its definition; the same definition again
 * changes nothing. The input is checked at the edge ({@code CatalogueOfficeController}).
 */
@Aggregate
class Catalogue {

    @AggregateIdentifier
    private String catalogueId;

    private final Map<String, CertificationDefined> definitions = new HashMap<>();

    Catalogue() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Defined handle(DefineCertification command) {
        CertificationDefined defined = new CertificationDefined(
                command.catalogueId(),
                command.certificationName(),
                command.track(),
                command.level(),
                command.validityMonths(),
                command.formats(),
                command.revivesExpired(),
                command.at());
        CertificationDefined held = definitions.get(command.certificationName());
        boolean changed = held == null || !sameDefinition(held, defined);
        if (changed) {
            apply(defined);
        }
        return new Defined(command.certificationName(), changed, AggregateLifecycle.getVersion());
    }

    private static boolean sameDefinition(CertificationDefined a, CertificationDefined b) {
        return a.track().equals(b.track())
                && a.level().equals(b.level())
                && a.validityMonths() == b.validityMonths()
                && a.formats().equals(b.formats())
                && a.revivesExpired() == b.revivesExpired();
    }

    @EventSourcingHandler
    void on(CertificationDefined event) {
        catalogueId = event.catalogueId();
        definitions.put(event.certificationName(), event);
    }
}
