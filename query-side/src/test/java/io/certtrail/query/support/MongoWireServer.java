package io.certtrail.query.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A real MongoDB wire server on 127.0.0.1 for projection tests; each test gets a fresh database. */
public class MongoWireServer implements BeforeAllCallback, AfterAllCallback {

    private MongoServer server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.shutdown();
    }

    public MongoTemplate freshDatabase() {
        return new MongoTemplate(client, "test-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
