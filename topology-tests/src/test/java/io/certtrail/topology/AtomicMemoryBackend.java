package io.certtrail.topology;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;

/**
 * The MongoDB wire server with one guarantee of a real MongoDB that it lacks: a single-document
 * update is atomic. The wire server applies an update as read, change, replace with no lock, so
 * two segments adding to one holder's document at the same moment could lose one addition; a real
 * server never does, and the projections rely on it. Here every command runs alone.
 */
final class AtomicMemoryBackend extends MemoryBackend {

    @Override
    public synchronized Document handleMessage(MongoMessage message) {
        return super.handleMessage(message);
    }

    @Override
    public synchronized Document handleCommand(Channel channel, String database, String command, Document query) {
        return super.handleCommand(channel, database, command, query);
    }
}
