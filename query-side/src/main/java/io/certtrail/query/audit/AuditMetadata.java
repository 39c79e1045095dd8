package io.certtrail.query.audit;

import org.axonframework.messaging.MetaData;

/**
 * Who caused an event and in which chain, as the command side stamped it. Axon names the id of the
 * message that caused this one {@code correlationId} and the chain's {@code traceId} (the HTTP
 * request's correlation id, or else the first message's id); the audit view calls them causation
 * and correlation, as auditors do.
 */
record AuditMetadata(String actor, String actorRole, String clientAddress, String correlationId, String causationId) {

    static AuditMetadata of(MetaData meta) {
        String causation = text(meta.get("correlationId"));
        String trace = text(meta.get("traceId"));
        return new AuditMetadata(
                text(meta.get("actor")),
                text(meta.get("actorRole")),
                text(meta.get("clientAddress")),
                trace != null ? trace : causation,
                causation);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
