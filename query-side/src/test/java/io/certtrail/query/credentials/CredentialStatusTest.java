package io.certtrail.query.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.query.credentials.CredentialStatusDocuments.StatusEntry;
import io.certtrail.query.credentials.CredentialStatusDocuments.StatusList;
import io.certtrail.query.support.MongoWireServer;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Rule 28: a certificate's place in the status lists is fixed by the event that first recorded it
 * under its number, the same on a replay; its bit is set by a revocation or by a new number, once.
 */
class CredentialStatusTest {

    @RegisterExtension
    static final MongoWireServer MONGO = new MongoWireServer();

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final CertificationEarned EARNED = new CertificationEarned(
            "addr_1",
            "li@example.com",
            "HCIA-Datacom",
            "0101001011938060621",
            LocalDate.parse("2026-02-27"),
            LocalDate.parse("2029-02-27"),
            true);

    private MongoTemplate mongo;
    private CredentialStatusProjection projection;

    @BeforeEach
    void setUp() {
        mongo = MONGO.freshDatabase();
        projection = new CredentialStatusProjection(mongo, new EventPositions((javax.sql.DataSource) null));
    }

    private static GlobalSequenceTrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private StatusEntry entry(String number) {
        return mongo.findById(StatusEntry.idOf("CERT:C-1", number), StatusEntry.class);
    }

    private List<Integer> setBits(long list) {
        StatusList stored = mongo.findById(String.valueOf(list), StatusList.class);
        return stored == null ? List.of() : stored.revoked();
    }

    @Test
    void aCertificateKeepsThePlaceItsFirstRecordingGaveItAndARevocationSetsItsBitOnce() {
        projection.on(new CertificationRecorded("CERT:C-1", 1, T0, EARNED, null), at(131_077), "e-1");
        assertThat(entry(EARNED.certificateNumber()))
                .isEqualTo(new StatusEntry("CERT:C-1|" + EARNED.certificateNumber(), 1, 5));

        // a correction of its dates, and a replay of the first recording: the place stays
        CertificationEarned later = new CertificationEarned(
                "addr_1",
                "li@example.com",
                "HCIA-Datacom",
                EARNED.certificateNumber(),
                EARNED.effectiveDate(),
                LocalDate.parse("2030-02-27"),
                true);
        projection.on(new CertificationRecorded("CERT:C-1", 2, T0, later, EARNED), at(131_090), "e-2");
        projection.on(
                new CertificationRecorded("CERT:C-1", 1, T0, EARNED, null),
                ReplayToken.createReplayToken(at(200_000), at(131_077)),
                "e-1");
        assertThat(entry(EARNED.certificateNumber()).index()).isEqualTo(5);
        assertThat(setBits(1)).isEmpty();

        CertificationRevoked revoked =
                new CertificationRevoked("CERT:C-1", EARNED.certificateNumber(), "annulled", T0.plusSeconds(60), null);
        projection.on(revoked);
        projection.on(revoked);
        assertThat(setBits(1)).containsExactly(5);
        assertThat(setBits(0)).isEmpty();
    }

    @Test
    void aNewNumberGetsItsOwnPlaceAndTheOldNumbersBitIsSet() {
        projection.on(new CertificationRecorded("CERT:C-1", 1, T0, EARNED, null), at(3), "e-3");
        CertificationEarned renumbered = new CertificationEarned(
                "addr_1",
                "li@example.com",
                "HCIA-Datacom",
                "0101001011938069999",
                EARNED.effectiveDate(),
                EARNED.expirationDate(),
                true);
        projection.on(new CertificationRecorded("CERT:C-1", 2, T0, renumbered, EARNED), at(8), "e-8");
        assertThat(entry("0101001011938069999").index()).isEqualTo(8);
        assertThat(setBits(0)).containsExactly(3);
    }

    @Test
    void theEncodedListIsTheGzippedBitstringWithTheFirstEntryInTheHighestBit() throws Exception {
        String encoded = StatusLists.encode(List.of(0, 9, CredentialStatusProjection.LIST_SIZE - 1));
        assertThat(encoded).startsWith("u");
        byte[] bits;
        try (GZIPInputStream in = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            bits = in.readAllBytes();
        }
        assertThat(bits).hasSize(16_384);
        assertThat(bits[0]).isEqualTo((byte) 0x80);
        assertThat(bits[1]).isEqualTo((byte) 0x40);
        assertThat(bits[16_383]).isEqualTo((byte) 0x01);
        assertThat(encoded.length()).isLessThan(200); // a list with few bits set is small
    }

    /**
     * On the JDBC store two transactions can commit out of order: the one that fills the gap arrives
     * with the newest position seen. Its certificate still gets its own event's place, not its
     * neighbour's (they would share a status bit).
     */
    @Test
    void aCertificateWhoseEventFilledAGapTakesItsOwnEventsPlace() {
        org.h2.jdbcx.JdbcDataSource store = new org.h2.jdbcx.JdbcDataSource();
        store.setURL("jdbc:h2:mem:positions-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        org.springframework.jdbc.core.JdbcTemplate sql = new org.springframework.jdbc.core.JdbcTemplate(store);
        sql.execute("CREATE TABLE DomainEventEntry (globalIndex BIGINT PRIMARY KEY, eventIdentifier VARCHAR(255))");
        sql.update("INSERT INTO DomainEventEntry VALUES (29, 'e-29'), (30, 'e-30')");
        CredentialStatusProjection jdbc = new CredentialStatusProjection(mongo, new EventPositions(store));
        CertificationEarned other = new CertificationEarned(
                "addr_2",
                "wang@example.com",
                "HCIA-Datacom",
                "0101001011938060622",
                LocalDate.parse("2026-02-27"),
                LocalDate.parse("2029-02-27"),
                true);

        // 30 committed first; then 29 fills the gap, and its token says 30, the newest seen
        jdbc.on(
                new CertificationRecorded("CERT:C-2", 1, T0, other, null),
                org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(30, java.util.Set.of(29L)),
                "e-30");
        jdbc.on(
                new CertificationRecorded("CERT:C-1", 1, T0, EARNED, null),
                org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(30, java.util.Set.of()),
                "e-29");

        assertThat(entry(EARNED.certificateNumber()).index()).isEqualTo(29);
        assertThat(mongo.findById(StatusEntry.idOf("CERT:C-2", other.certificateNumber()), StatusEntry.class)
                        .index())
                .isEqualTo(30);
    }
}
