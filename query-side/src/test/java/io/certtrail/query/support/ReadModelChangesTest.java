package io.certtrail.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certtrail.platform.readmodels.AddressRecords;
import io.certtrail.platform.readmodels.ExamRegistration;
import io.certtrail.query.account.MyEmailAddresses;
import io.certtrail.query.audit.AccountHistory;
import io.certtrail.query.certificate.CertificateApplications;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** The change signal is typed: a waiter and a writer name a read model by its type, never by a string. */
class ReadModelChangesTest {

    @Test
    void aTypesCollectionIsTheOneMongoTemplateWritesItTo() {
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.setSimpleTypeHolder(new MongoCustomConversions(List.of()).getSimpleTypeHolder());
        for (Class<?> type : List.of(
                MyEmailAddresses.class,
                AccountHistory.class,
                CertificateApplications.class,
                AddressRecords.class,
                ExamRegistration.class)) {
            assertThat(ReadModelChanges.collectionOf(type))
                    .as(type.getSimpleName())
                    .isEqualTo(mapping.getRequiredPersistentEntity(type).getCollection());
        }
    }

    @Test
    void aTypeThatIsNoReadModelIsRefusedInsteadOfNeverSignalled() {
        ReadModelWait wait = new ReadModelWait(Duration.ofMillis(10));
        assertThatThrownBy(() -> wait.until(String.class, "x", () -> "x", value -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no @Document");
    }
}
