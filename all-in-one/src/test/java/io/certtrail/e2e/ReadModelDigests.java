package io.certtrail.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;

/** What the read models hold, as one SHA-256 per projected collection: equal digests, equal views. */
final class ReadModelDigests {

    /** Written by the command side or by Axon itself, not projected from events. */
    static final Set<String> NOT_PROJECTED = Set.of(
            "axon_tracking_tokens",
            "dead_letters",
            "verification_tokens",
            "sent_notifications",
            "processor_instances",
            "scheduler_locks",
            "expiry_sweeps",
            // who looked (rule 29): kept as it happens, not projected from the store
            "access_log",
            // the person keys (issue 22) and the erasures' bookkeeping: not projected from the store
            "person_keys",
            "rebuild_requests",
            "erasure_schedule",
            // projected, but the expiry sweep takes each entry off once it asked about it (or adopted it)
            "expiry_schedule",
            "expiry_adoptions");

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ReadModelDigests() {}

    /** Collection name to a SHA-256 of its documents, in {@code _id} order, with keys in a fixed order. */
    static Map<String, String> of(MongoDatabase database) throws Exception {
        return of(database, false);
    }

    /**
     * The same, with every list's elements in a fixed order too: for views written while several
     * clients wrote at once, whose lists hold events in the order their transactions committed,
     * where a rebuild holds them in the store's order.
     */
    static Map<String, String> ofIgnoringListOrder(MongoDatabase database) throws Exception {
        return of(database, true);
    }

    private static Map<String, String> of(MongoDatabase database, boolean sortLists) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        for (String collection : database.listCollectionNames()) {
            if (NOT_PROJECTED.contains(collection)) {
                continue;
            }
            Map<String, Object> byId = new TreeMap<>();
            for (Document document : database.getCollection(collection).find()) {
                Object value = CANONICAL.readValue(document.toJson(), Object.class);
                byId.put(String.valueOf(document.get("_id")), sortLists ? sorted(value) : value);
            }
            if (byId.isEmpty()) {
                continue; // a rebuild drops collections; an empty one and none are the same view
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(CANONICAL.writeValueAsString(byId).getBytes(StandardCharsets.UTF_8));
            digests.put(collection, HexFormat.of().formatHex(sha.digest()));
        }
        return digests;
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) throws Exception {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(String.valueOf(entry.getKey()), sorted(entry.getValue()));
            }
            return copy;
        }
        if (value instanceof java.util.List<?> list) {
            Map<String, Object> byForm = new TreeMap<>();
            int n = 0;
            for (Object element : list) {
                Object inner = sorted(element);
                byForm.put(CANONICAL.writeValueAsString(inner) + "#" + n++, inner);
            }
            return new java.util.ArrayList<>(byForm.values());
        }
        return value;
    }
}
