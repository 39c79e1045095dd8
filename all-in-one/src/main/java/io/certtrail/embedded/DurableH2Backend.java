package io.certtrail.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;

/**
 * The wire server's H2 backend, made durable per write: every command that changes data is
 * committed to the file before it is answered. Left alone, the backend commits in the background
 * once a second, and not as one snapshot across collections: after a SIGKILL, CrashRecoveryTest
 * found a processor's stored token ahead of read-model writes it had made before storing the
 * token, so those events were never projected again. Committing before answering makes what the
 * file holds exactly what clients were told was written, in the order they wrote it.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    DurableH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
            commit();
        }
        return answer;
    }
}
