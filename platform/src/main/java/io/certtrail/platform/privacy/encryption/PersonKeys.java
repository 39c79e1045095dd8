package io.certtrail.platform.privacy.encryption;

import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * The keys that seal each person's data, kept outside the event store: one per account, one per
 * address (records arrive before anybody claims them). Destroying a key erases what it sealed, in
 * every event, every replay and every rebuild.
 */
public interface PersonKeys {

    /** The person's key, made the first time it is asked for; refused for a person erased. */
    SecretKey keyFor(String subject);

    /**
     * Makes the keys of these people ahead of their events, in one write where the store allows:
     * a bulk import names thousands of addresses never sealed for, one key insert each was its
     * cost. A person who has a key (or was erased) keeps it as it is.
     */
    default void prepare(java.util.Collection<String> subjects) {
        subjects.forEach(subject -> {
            if (!erased(subject)) {
                keyFor(subject);
            }
        });
    }

    /** The key, or empty when there never was one or it was destroyed. */
    Optional<SecretKey> find(String subject);

    /** Destroys the key for good: whatever it sealed reads as erased from now on. */
    void destroy(String subject);

    /** Whether the person's key was destroyed. */
    boolean erased(String subject);
}
