package io.certtrail.embedded;

import io.certtrail.platform.privacy.encryption.PersonalDataSerializer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seals the personal data of the events the embedded store kept in the clear before sealing was
 * switched on (rule 32): run once with {@code --certtrail.migrate.seal-personal-data=true}. Each
 * stored event of the current revision that holds personal data in the clear is read and written
 * again through the sealing serializer, in place; the snapshots are deleted (the next ones are
 * sealed). An event of an older revision is left as it is, and counted. Axon Server's events cannot
 * be rewritten: there, events stored before stay in the clear until its retention drops them.
 *
 * <p>H2 keeps the overwritten pages until it reuses them: compact the file afterwards with the
 * application stopped ({@code SHUTDOWN COMPACT}, README) before relying on its bytes.
 */
@Component
@ConditionalOnProperty(name = "certtrail.migrate.seal-personal-data", havingValue = "true")
class SealStoredEvents implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SealStoredEvents.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final Serializer sealing;

    SealStoredEvents(DataSource dataSource, @Qualifier("eventSerializer") Serializer sealing) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.sealing = sealing;
    }

    @Override
    public void run(ApplicationArguments args) {
        long after = -1;
        int sealed = 0;
        int olderRevision = 0;
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT globalIndex, payloadType, payloadRevision, payload FROM DomainEventEntry"
                            + " WHERE globalIndex > ? ORDER BY globalIndex LIMIT " + BATCH,
                    after);
            if (rows.isEmpty()) {
                break;
            }
            for (Map<String, Object> row : rows) {
                after = ((Number) row.get("GLOBALINDEX")).longValue();
                byte[] payload = (byte[]) row.get("PAYLOAD");
                String type = (String) row.get("PAYLOADTYPE");
                String revision = (String) row.get("PAYLOADREVISION");
                if (new String(payload, StandardCharsets.UTF_8).contains("\"pd1:")) {
                    continue; // sealed already
                }
                Class<?> payloadType;
                try {
                    payloadType = sealing.classForType(new SimpleSerializedType(type, revision));
                } catch (RuntimeException unknown) {
                    continue;
                }
                if (!PersonalDataSerializer.hasPersonalData(payloadType)) {
                    continue;
                }
                String current = sealing.typeForClass(payloadType).getRevision();
                if (current != null && !current.equals(revision)) {
                    olderRevision++;
                    continue;
                }
                Object event = sealing.deserialize(new SimpleSerializedObject<>(payload, byte[].class, type, revision));
                SerializedObject<byte[]> again = sealing.serialize(event, byte[].class);
                jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", again.getData(), after);
                sealed++;
            }
        }
        int snapshots = jdbc.update("DELETE FROM SnapshotEventEntry");
        log.info(
                "Sealed the personal data of {} stored events; {} of an older revision left as they were; {} snapshots"
                        + " deleted. Compact the file with the application stopped before relying on its bytes.",
                sealed,
                olderRevision,
                snapshots);
    }
}
