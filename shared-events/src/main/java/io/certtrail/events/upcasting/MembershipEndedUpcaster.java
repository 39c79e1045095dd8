package io.certtrail.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.certtrail.events.partner.MembershipEnded;
import io.certtrail.events.partner.MembershipEnding;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads {@link MembershipEnded} revision 1 as revision 2: the flags {@code byEmployee} and
 * {@code wasApproved} become the one {@code ending} they meant. Stored events are never rewritten;
 * every reader (aggregates, projections, replays, the audit view) goes through this.
 */
public final class MembershipEndedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(MembershipEnded.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(MembershipEnded.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            MembershipEnding ending = MembershipEnding.of(
                    event.path("byEmployee").asBoolean(),
                    event.path("wasApproved").asBoolean());
            event.remove("byEmployee");
            event.remove("wasApproved");
            event.put("ending", ending.name());
            return event;
        });
    }
}
