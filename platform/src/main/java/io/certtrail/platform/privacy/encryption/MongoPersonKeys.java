package io.certtrail.platform.privacy.encryption;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Person keys in a MongoDB collection ({@code person_keys}, by {@code _id}): the production home,
 * and the embedded default's (its wire server). A destroyed key's document keeps only the moment it
 * was destroyed. Keys are cached in this instance; a key destroyed by another instance is still
 * served from here until this one restarts (the erasure says so, and rebuilds after).
 */
public class MongoPersonKeys implements PersonKeys {

    static final String COLLECTION = "person_keys";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ConcurrentHashMap<String, SecretKey> cache = new ConcurrentHashMap<>();

    public MongoPersonKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    private MongoCollection<Document> keys() {
        return mongo.getCollection(COLLECTION);
    }

    @Override
    public SecretKey keyFor(String subject) {
        SecretKey known = cache.get(subject);
        if (known != null) {
            return known;
        }
        // most people not in this instance's cache are new (an import's addresses): insert first, one
        // round trip; a person already known answers "duplicate", and is read then
        SecretKey made = PersonalDataCipher.newKey();
        Document stored;
        try {
            keys().insertOne(new Document("_id", subject).append("key", new Binary(made.getEncoded())));
            cache.put(subject, made);
            return made;
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != DUPLICATE_KEY) {
                throw e;
            }
            stored = keys().find(Filters.eq("_id", subject)).first(); // made before, or by another instance
        }
        SecretKey key =
                keyOf(stored).orElseThrow(() -> new IllegalStateException("The person " + subject + " was erased"));
        cache.put(subject, key);
        return key;
    }

    /** One unordered bulk insert for the people this instance has no key of; duplicates stay as they are. */
    @Override
    public void prepare(java.util.Collection<String> subjects) {
        java.util.Map<String, SecretKey> made = new java.util.LinkedHashMap<>();
        for (String subject : subjects) {
            if (!cache.containsKey(subject)) {
                made.putIfAbsent(subject, PersonalDataCipher.newKey());
            }
        }
        if (made.isEmpty()) {
            return;
        }
        java.util.List<Document> documents = new java.util.ArrayList<>();
        made.forEach((subject, key) ->
                documents.add(new Document("_id", subject).append("key", new Binary(key.getEncoded()))));
        java.util.Set<Integer> refused = new java.util.HashSet<>();
        try {
            keys().insertMany(documents, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            for (var error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
        }
        int index = 0;
        for (var entry : made.entrySet()) {
            if (!refused.contains(index++)) {
                cache.put(entry.getKey(), entry.getValue()); // inserted: this is the person's key
            }
        }
    }

    @Override
    public Optional<SecretKey> find(String subject) {
        SecretKey known = cache.get(subject);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<SecretKey> key = keyOf(keys().find(Filters.eq("_id", subject)).first());
        key.ifPresent(k -> cache.put(subject, k));
        return key;
    }

    @Override
    public void destroy(String subject) {
        cache.remove(subject);
        keys().updateOne(
                        Filters.eq("_id", subject),
                        Updates.combine(Updates.unset("key"), Updates.set("destroyedAt", Date.from(clock.instant()))),
                        new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    @Override
    public boolean erased(String subject) {
        Document stored = keys().find(Filters.eq("_id", subject)).first();
        return stored != null && stored.get("destroyedAt") != null;
    }

    private static Optional<SecretKey> keyOf(Document stored) {
        if (stored == null || !(stored.get("key") instanceof Binary binary)) {
            return Optional.empty();
        }
        return Optional.of(new SecretKeySpec(binary.getData(), "AES"));
    }
}
