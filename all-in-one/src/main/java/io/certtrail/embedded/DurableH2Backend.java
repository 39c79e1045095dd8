package io.certtrail.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The wire server's H2 backend, made durable and consistent per write. Left alone, the backend
 * commits in the background once a second, at any moment, including in the middle of a write,
 * and not as one snapshot across collections. CrashRecoveryTest found both after SIGKILL: a
 * processor's token stored ahead of read-model writes it made before storing the token (those
 * events were never projected again), and a collection whose unique index named a document its
 * data did not hold (every later upsert of it failed).
 *
 * <p>Here the file changes only in one place: after a write command has been applied in full, and
 * before it is answered. Writes are applied one at a time, so a commit never catches another
 * write half-done; reads run alongside. A kill loses at most the write in progress, which was
 * never answered.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    private final Object writing = new Object();

    DurableH2Backend(String fileName) {
        super(new MVStore.Builder().fileName(fileName).autoCommitDisabled().open());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        synchronized (writing) {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                commit();
            }
        }
    }
}
