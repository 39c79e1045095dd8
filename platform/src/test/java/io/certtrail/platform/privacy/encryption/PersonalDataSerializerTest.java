package io.certtrail.platform.privacy.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRevoked;
import io.certtrail.platform.axon.AxonInfrastructureConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding's core (issue 22, not yet switched on): a person's fields are stored sealed under
 * their key and read back whole; an event stored before encryption reads as it was; once the key is
 * destroyed, the same stored bytes read as erased, and nothing else of the event changes.
 */
class PersonalDataSerializerTest {

    /** Keys in memory, as the MongoDB store keeps them. */
    static final class Keys implements PersonKeys {
        final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
        final Map<String, Boolean> destroyed = new ConcurrentHashMap<>();

        @Override
        public SecretKey keyFor(String subject) {
            return keys.computeIfAbsent(subject, s -> PersonalDataCipher.newKey());
        }

        @Override
        public Optional<SecretKey> find(String subject) {
            return Optional.ofNullable(keys.get(subject));
        }

        @Override
        public void destroy(String subject) {
            keys.remove(subject);
            destroyed.put(subject, true);
        }

        @Override
        public boolean erased(String subject) {
            return destroyed.containsKey(subject);
        }
    }

    private final Keys keys = new Keys();
    private final JacksonSerializer jackson = JacksonSerializer.builder()
            .objectMapper(AxonInfrastructureConfiguration.storedFormat())
            .build();
    private final PersonalDataSerializer serializer = new PersonalDataSerializer(
            jackson, AxonInfrastructureConfiguration.storedFormat(), keys, email -> "addr_of_" + email);

    private static final CertificationEarned EARNED = new CertificationEarned(
            "addr_1",
            "li.wan@example.com",
            "HCIA-Datacom",
            "0101001011938060621",
            LocalDate.parse("2026-02-27"),
            LocalDate.parse("2029-02-27"),
            true);

    @Test
    void aPersonsFieldsAreStoredSealedUnderTheirKeyAndReadBackWhole() {
        CertificationRecorded event =
                new CertificationRecorded("CERT:C-1", 1, Instant.parse("2026-03-02T09:00:00Z"), EARNED, null);
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        String raw = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("li.wan").contains("pd1:address:addr_1:").contains("0101001011938060621");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void anEventStoredBeforeEncryptionReadsAsItWas() {
        CertificationRecorded event =
                new CertificationRecorded("CERT:C-1", 1, Instant.parse("2026-03-02T09:00:00Z"), EARNED, null);
        SerializedObject<byte[]> plain = jackson.serialize(event, byte[].class);
        assertThat(new String(plain.getData(), StandardCharsets.UTF_8)).contains("li.wan@example.com");
        assertThat((Object) serializer.deserialize(plain)).isEqualTo(event);
    }

    @Test
    void onceTheKeyIsDestroyedTheSameBytesReadAsErasedAndTheRestStays() {
        CertificationRevoked revoked = new CertificationRevoked(
                "CERT:C-1",
                "0101001011938060621",
                "Annulled: Li Wan copied",
                Instant.parse("2026-03-02T09:00:00Z"),
                "li.wan@example.com");
        SerializedObject<byte[]> stored = serializer.serialize(revoked, byte[].class);
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                .doesNotContain("Li Wan")
                .contains("pd1:address:addr_of_li.wan@example.com:");
        keys.destroy("address:addr_of_li.wan@example.com");
        CertificationRevoked read = serializer.deserialize(stored);
        assertThat(read.reason()).isEqualTo(PersonalDataSerializer.ERASED);
        assertThat(read.email()).isEqualTo(PersonalDataSerializer.ERASED);
        assertThat(read.certificateNumber()).isEqualTo("0101001011938060621"); // the issuer's record stays
        assertThat(read.recordId()).isEqualTo("CERT:C-1");
    }

    @Test
    void anAccountsEventIsSealedUnderTheAccountAndAnotherPersonsKeyDoesNotOpenIt() {
        EmailDisassociated event = new EmailDisassociated(
                "acct-1",
                "addr_1",
                "li.wan@example.com",
                io.certtrail.events.account.DisassociationCause.FORCED_UNBINDING,
                null,
                "Holds Li Wan's records",
                Instant.parse("2026-03-02T09:00:00Z"));
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        String raw = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(raw).contains("pd1:account:acct-1:").doesNotContain("li.wan");
        // a sealed value moved under another person does not open with that person's key
        String sealed = PersonalDataCipher.seal("account:acct-1", keys.keyFor("account:acct-1"), "x");
        assertThat(PersonalDataCipher.open(sealed, keys.keyFor("account:acct-2")))
                .isEmpty();
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    /** An aggregate's snapshot that names its account: sealed whole, read back whole. */
    static final class AccountState {
        String accountId = "acct-9";
        java.util.List<String> emails = new java.util.ArrayList<>(java.util.List.of("li.wan@example.com"));
    }

    @Test
    void anAccountsSnapshotIsSealedWholeUnderItsAccount() {
        com.fasterxml.jackson.databind.ObjectMapper fields = AxonInfrastructureConfiguration.storedFormat()
                .setVisibility(
                        com.fasterxml.jackson.annotation.PropertyAccessor.FIELD,
                        com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY);
        PersonalDataSerializer snapshots = new PersonalDataSerializer(
                JacksonSerializer.builder().objectMapper(fields).build(), fields, keys, email -> email);
        SerializedObject<byte[]> stored = snapshots.serialize(new AccountState(), byte[].class);
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                .startsWith("\"pd1:account:acct-9:")
                .doesNotContain("li.wan");
        AccountState read = snapshots.deserialize(stored);
        assertThat(read.emails).containsExactly("li.wan@example.com");
    }
}
