package io.certtrail.query.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.events.account.AssociationMethod;
import io.certtrail.events.account.DisassociationCause;
import io.certtrail.events.account.EmailActivated;
import io.certtrail.events.account.EmailAssociationRequested;
import io.certtrail.events.account.EmailDisassociated;
import io.certtrail.events.account.EmailDisassociationRequested;
import io.certtrail.query.account.MyEmailAddresses.Status;
import io.certtrail.query.support.MongoWireServer;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

class MyEmailAddressesProjectionTest {

    @RegisterExtension
    static final MongoWireServer MONGO = new MongoWireServer();

    private static final String ACCOUNT = "acct-1";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private MongoTemplate mongo;
    private MyEmailAddressesProjection projection;

    @BeforeEach
    void setUp() {
        mongo = MONGO.freshDatabase();
        projection = new MyEmailAddressesProjection(mongo);
    }

    private static EmailAssociationRequested requested(String key, String email) {
        return new EmailAssociationRequested(
                ACCOUNT,
                "r-" + key,
                key,
                email,
                AssociationMethod.EMAIL,
                null,
                false,
                T0,
                T0.plusSeconds(3600),
                "2026-01");
    }

    private static EmailActivated activated(String key, String email) {
        return new EmailActivated(
                ACCOUNT, "r-" + key, key, email, AssociationMethod.EMAIL, null, T0.plusSeconds(60), null);
    }

    private MyEmailAddresses view() {
        return mongo.findById(ACCOUNT, MyEmailAddresses.class);
    }

    @Test
    void aRequestedAddressShowsAsPendingUntilActivated() {
        projection.on(requested("k1", "a@x.com"), 0);
        assertThat(view().addresses()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(Status.PENDING_ACTIVATION);
            assertThat(e.linkExpiresAt()).isEqualTo(T0.plusSeconds(3600));
        });

        projection.on(activated("k1", "a@x.com"), 1);
        assertThat(view().version()).isEqualTo(1);
        assertThat(view().addresses()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(Status.ACTIVE);
            assertThat(e.requestedAt()).isEqualTo(T0);
            assertThat(e.activatedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(e.method()).isEqualTo("EMAIL");
        });
    }

    @Test
    void oneAccountHoldsSeveralAddresses() {
        projection.on(requested("k1", "a@x.com"), 0);
        projection.on(activated("k1", "a@x.com"), 1);
        projection.on(requested("k2", "b@x.com"), 2);
        projection.on(activated("k2", "b@x.com"), 3);
        assertThat(view().addresses())
                .extracting(MyEmailAddresses.Entry::email)
                .containsExactlyInAnyOrder("a@x.com", "b@x.com");
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        projection.on(requested("k1", "a@x.com"), 0);
        projection.on(activated("k1", "a@x.com"), 1);
        MyEmailAddresses before = view();
        projection.on(requested("k1", "a@x.com"), 0);
        projection.on(activated("k1", "a@x.com"), 1);
        assertThat(view()).isEqualTo(before);
    }

    @Test
    void disassociationRequestIsShownAndDisassociationRemovesTheAddress() {
        projection.on(requested("k1", "a@x.com"), 0);
        projection.on(activated("k1", "a@x.com"), 1);
        projection.on(
                new EmailDisassociationRequested(
                        ACCOUNT, "d1", "k1", "a@x.com", T0.plusSeconds(90), T0.plusSeconds(4000)),
                2);
        assertThat(view().addresses())
                .singleElement()
                .satisfies(e -> assertThat(e.disassociationRequestedAt()).isEqualTo(T0.plusSeconds(90)));

        projection.on(
                new EmailDisassociated(
                        ACCOUNT,
                        "k1",
                        "a@x.com",
                        DisassociationCause.OWNERSHIP_MOVED,
                        "acct-2",
                        null,
                        T0.plusSeconds(100)),
                3);
        assertThat(view().addresses()).isEmpty();
        assertThat(view().version()).isEqualTo(3);
    }
}
