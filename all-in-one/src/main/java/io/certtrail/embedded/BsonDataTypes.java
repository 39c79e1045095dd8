package io.certtrail.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * How the read-model store keeps documents and keys on disk: as BSON, the format MongoDB itself
 * stores and the wire server already speaks, instead of the H2 backend's Java serialization.
 * <p>
 * Measured (benchmark, README "Figures"): Java serialization made every document write and read
 * the wire server's largest cost, and its index keys were compared by serializing both sides, so
 * each lookup by {@code _id} serialized keys a dozen times. Here keys are compared as MongoDB orders
 * them ({@link ValueComparator}), on the objects MVStore keeps in its pages, without encoding.
 */
final class BsonDataTypes {

    private BsonDataTypes() {}

    /** Whole documents with their BSON ({@link StoredDocument}), the values of a collection's data map. */
    static final class Documents extends BasicDataType<StoredDocument> {

        static final Documents INSTANCE = new Documents();

        /**
         * An estimate for MVStore's page sizes, its cache and its count of unsaved changes, without
         * encoding the document. It walks nested documents and lists: counting top-level fields only,
         * a partner roster of 64 employees counted as a few hundred bytes, the cache held far more than
         * its size and a commit's unsaved pages were far larger than counted (a commit's buffer then
         * outgrew the heap in a medium rebuild). A third more for the document's BSON, which is about a
         * third of the objects' size; counted whether or not it is encoded yet, so an entry's count
         * never changes while MVStore holds it.
         */
        @Override
        public int getMemory(StoredDocument stored) {
            long objects = estimate(stored.document());
            return (int) Math.min(Integer.MAX_VALUE / 2, objects + objects / 3);
        }

        private static long estimate(Object value) {
            if (value instanceof Document document) {
                long bytes = 48;
                for (java.util.Map.Entry<String, Object> field : document.entrySet()) {
                    bytes += 40 + field.getKey().length() + estimate(field.getValue());
                }
                return bytes;
            }
            if (value instanceof java.util.Collection<?> list) {
                long bytes = 32;
                for (Object element : list) {
                    bytes += 8 + estimate(element);
                }
                return bytes;
            }
            if (value instanceof String text) {
                return 40 + text.length();
            }
            return 24;
        }

        @Override
        public void write(WriteBuffer buffer, StoredDocument stored) {
            buffer.put(stored.bson());
        }

        @Override
        public StoredDocument read(ByteBuffer buffer) {
            int start = buffer.position();
            int length = Integer.reverseBytes(buffer.getInt(start));
            byte[] bson = new byte[length];
            buffer.get(bson);
            return new StoredDocument(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)), bson);
        }

        @Override
        public StoredDocument[] createStorage(int size) {
            return new StoredDocument[size];
        }
    }

    /**
     * Keys and positions: a document's {@code _id} (or {@link Missing}), and the {@link KeyValue}s of
     * unique indexes. Ordered as MongoDB orders values, which is also how the unique index decides
     * that two keys are the same.
     */
    static final class Keys extends BasicDataType<Object> {

        static final Keys INSTANCE = new Keys();

        private static final byte MISSING = 0;
        private static final byte VALUE = 1;
        private static final byte KEY_VALUE = 2;
        /** A string as its UTF-8 bytes: the {@code _id}s of nearly every read model (VALUE before). */
        private static final byte STRING = 3;

        private static final String FIELD = "v";
        private static final ValueComparator ORDER = ValueComparator.asc();

        @Override
        public int getMemory(Object key) {
            return key instanceof KeyValue keyValue ? 32 + 48 * keyValue.size() : 48;
        }

        @Override
        public void write(WriteBuffer buffer, Object key) {
            if (key instanceof KeyValue keyValue) {
                buffer.put(KEY_VALUE).putVarInt(keyValue.size());
                for (Object value : keyValue) {
                    writeValue(buffer, value);
                }
            } else {
                writeValue(buffer, key);
            }
        }

        private static void writeValue(WriteBuffer buffer, Object value) {
            if (value instanceof Missing) {
                buffer.put(MISSING);
                return;
            }
            if (value instanceof String text) {
                buffer.put(STRING);
                StringDataType.INSTANCE.write(buffer, text);
                return;
            }
            buffer.put(VALUE);
            Document holder = new Document();
            holder.put(FIELD, value);
            buffer.put(StoredDocument.encode(holder));
        }

        @Override
        public Object read(ByteBuffer buffer) {
            byte tag = buffer.get();
            if (tag == KEY_VALUE) {
                int size = org.h2.mvstore.DataUtils.readVarInt(buffer);
                List<Object> values = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    values.add(readValue(buffer.get(), buffer));
                }
                return new KeyValue(values);
            }
            return readValue(tag, buffer);
        }

        private static Object readValue(byte tag, ByteBuffer buffer) {
            if (tag == MISSING) {
                return Missing.getInstance();
            }
            if (tag == STRING) {
                return StringDataType.INSTANCE.read(buffer);
            }
            return readDocument(buffer).get(FIELD);
        }

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof String left && b instanceof String right) {
                return left.compareTo(right); // as ValueComparator orders two strings, without its type checks
            }
            if (a instanceof KeyValue left && b instanceof KeyValue right) {
                int common = Math.min(left.size(), right.size());
                for (int i = 0; i < common; i++) {
                    int order = compare(left.get(i), right.get(i));
                    if (order != 0) {
                        return order;
                    }
                }
                return Integer.compare(left.size(), right.size());
            }
            return ORDER.compare(a, b);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /** A BSON document at the buffer's position (its first four bytes, little-endian, are its length). */
    private static Document readDocument(ByteBuffer buffer) {
        int start = buffer.position();
        int length = Integer.reverseBytes(buffer.getInt(start));
        ByteBuf bson;
        if (buffer.hasArray()) {
            bson = Unpooled.wrappedBuffer(buffer.array(), buffer.arrayOffset() + start, length);
        } else {
            byte[] copy = new byte[length];
            buffer.get(start, copy);
            bson = Unpooled.wrappedBuffer(copy);
        }
        buffer.position(start + length);
        return BsonDecoder.decodeBson(bson);
    }
}
