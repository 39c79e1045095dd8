package io.certtrail.query.support;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Single-round-trip, idempotent document updates for projections. Every filter is an equality on
 * {@code _id} alone: the embedded wire server answers any other filter, even {@code _id} plus one
 * more condition, by scanning the whole collection.
 */
public final class MongoUpdates {

    private MongoUpdates() {
    }

    /**
     * Adds an entry to a list, creating the document if needed. The entry is built from the event
     * alone, so a redelivered event yields an identical entry, which {@code $addToSet} does not add twice.
     */
    public static void addToList(MongoTemplate mongo, String collection, String id, String list, Object entry) {
        mongo.upsert(query(where("_id").is(id)),
                new Update().addToSet(list, mongo.getConverter().convertToMongoType(entry)), collection);
    }
}
