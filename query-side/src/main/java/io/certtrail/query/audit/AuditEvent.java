package io.certtrail.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event of any aggregate, as the audit trail shows it: what happened, to what, who caused it,
 * from where, in which chain, and why. One document per event ({@code _id}: the event's id), so
 * handling it twice writes the same document.
 *
 * @param position the event's place in the whole store's order
 * @param accountIds every account the event names (the actor's, a previous or new owner's)
 * @param addressKeys every address the event names
 * @param applicationId the certificate application it belongs to, if any
 * @param details the event's own fields, personal data in full (auditors only)
 */
@Document(AuditEvent.COLLECTION)
public record AuditEvent(
        @Id String eventId,
        long position,
        String aggregateType,
        String aggregateId,
        long sequence,
        String type,
        Instant occurredAt,
        String actor,
        String actorRole,
        String clientAddress,
        String correlationId,
        String causationId,
        String reason,
        List<String> accountIds,
        List<String> addressKeys,
        String applicationId,
        Map<String, Object> details) {

    public static final String COLLECTION = "audit_events";
}
