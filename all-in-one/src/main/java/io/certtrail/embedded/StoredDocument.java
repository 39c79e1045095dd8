package io.certtrail.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A document of the read-model store with its BSON, encoded the first time a page holding it is
 * written (or kept from the file it was read from). The wire server changes a stored document only
 * on its way into a new entry ({@link BsonCollection#handleUpdate}), so an entry's bytes never go stale.
 */
final class StoredDocument {

    private final Document document;
    private volatile byte[] bson;

    StoredDocument(Document document) {
        this.document = document;
    }

    StoredDocument(Document document, byte[] bson) {
        this.document = document;
        this.bson = bson;
    }

    Document document() {
        return document;
    }

    byte[] bson() {
        byte[] bytes = bson;
        if (bytes == null) {
            bytes = encode(document);
            bson = bytes;
        }
        return bytes;
    }

    static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }
}
