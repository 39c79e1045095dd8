package io.certtrail.query.bindings;

import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.events.account.AccountHolderNamed;
import io.certtrail.events.account.DisassociationCause;
import io.certtrail.events.address.AddressClaimed;
import io.certtrail.events.address.AddressReleased;
import io.certtrail.events.records.ExamResult;
import io.certtrail.events.records.ExamResultRecorded;
import io.certtrail.query.support.MongoWireServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

class SuspectBindingsProjectionTest {

    @RegisterExtension
    static final MongoWireServer MONGO = new MongoWireServer();

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private MongoTemplate mongo;
    private SuspectBindingsProjection projection;

    @BeforeEach
    void setUp() {
        mongo = MONGO.freshDatabase();
        projection = new SuspectBindingsProjection(mongo);
    }

    private static ExamResult result(String first, String last) {
        return new ExamResult(
                "a1",
                "li@example.com",
                "REG-1",
                first,
                last,
                "H12-811",
                "HCIA-Datacom",
                LocalDate.parse("2026-02-20"),
                800,
                true);
    }

    private static ExamResultRecorded exam(String recordId, int revision, String first, String last) {
        return new ExamResultRecorded(recordId, revision, T0, result(first, last), null);
    }

    private List<SuspectBinding> suspects() {
        return mongo.findAll(SuspectBinding.class);
    }

    @Test
    void anExamOfAnotherPersonOnABoundAddressIsSuspectWhicheverArrivesFirst() {
        projection.on(new AccountHolderNamed("acct-1", "Wan", "Li"), T0);
        projection.on(exam("EXAM:1", 1, "Wan", "Li"), T0);
        projection.on(exam("EXAM:2", 1, "Mei", "Zhang"), T0);
        assertThat(suspects()).isEmpty(); // nobody holds the address yet

        projection.on(new AddressClaimed("a1", "acct-1", null, T0), T0);
        assertThat(suspects()).singleElement().satisfies(s -> {
            assertThat(s.recordId()).isEqualTo("EXAM:2");
            assertThat(s.accountId()).isEqualTo("acct-1");
            assertThat(s.candidateName()).isEqualTo("Mei Zhang");
            assertThat(s.holderName()).isEqualTo("Wan Li");
        });
    }

    @Test
    void theSuspicionEndsWhenTheAddressIsUnboundTheRecordCorrectedOrTheNameFixed() {
        projection.on(new AccountHolderNamed("acct-1", "Wan", "Li"), T0);
        projection.on(new AddressClaimed("a1", "acct-1", null, T0), T0);
        projection.on(exam("EXAM:2", 1, "Mei", "Zhang"), T0);
        assertThat(suspects()).hasSize(1);

        projection.on(new ExamResultRecorded("EXAM:2", 2, T0, result("Wan", "Li"), result("Mei", "Zhang")), T0);
        assertThat(suspects()).isEmpty();

        projection.on(new AccountHolderNamed("acct-1", "Mei", "Zhang"), T0);
        assertThat(suspects()).hasSize(1);

        projection.on(new AddressReleased("a1", "acct-1", DisassociationCause.FORCED_UNBINDING, T0), T0);
        assertThat(suspects()).isEmpty();
    }

    @Test
    void whenTheAddressMovesTheNewHolderIsTheOneCompared() {
        projection.on(new AccountHolderNamed("acct-1", "Wan", "Li"), T0);
        projection.on(new AccountHolderNamed("acct-2", "Mei", "Zhang"), T0);
        projection.on(new AddressClaimed("a1", "acct-1", null, T0), T0);
        projection.on(exam("EXAM:2", 1, "Mei", "Zhang"), T0);
        assertThat(suspects()).hasSize(1);
        projection.on(new AddressClaimed("a1", "acct-2", "acct-1", T0), T0);
        projection.on(new AddressClaimed("a1", "acct-2", "acct-1", T0), T0); // redelivered
        assertThat(suspects()).isEmpty();
    }

    /**
     * A kill between a batch's writes and its token: the batch's events come again over documents
     * that already hold them all, here the addresses and holders but not yet the suspicions (the
     * kill fell between those writes). Each suspicion keeps the time the result met its owner.
     */
    @Test
    void eventsHandledAgainOverTheirOwnResultsKeepEveryDetectionTime() {
        Instant claimed = T0.plusSeconds(60);
        Runnable story = () -> {
            projection.on(new AccountHolderNamed("acct-1", "Wan", "Li"), T0);
            projection.on(exam("EXAM:1", 1, "Mei", "Zhang"), T0.plusSeconds(10));
            projection.on(new AddressClaimed("a1", "acct-1", null, claimed), claimed);
            for (int i = 2; i <= 4; i++) {
                projection.on(exam("EXAM:" + i, 1, "Mei", "Zhang"), claimed.plusSeconds(i));
            }
        };
        story.run();
        List<SuspectBinding> once = suspects();

        mongo.dropCollection(SuspectBinding.class);
        story.run();

        assertThat(suspects()).isEqualTo(once);
        assertThat(once)
                .extracting(SuspectBinding::recordId, SuspectBinding::detectedAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("EXAM:1", claimed),
                        org.assertj.core.groups.Tuple.tuple("EXAM:2", claimed.plusSeconds(2)),
                        org.assertj.core.groups.Tuple.tuple("EXAM:3", claimed.plusSeconds(3)),
                        org.assertj.core.groups.Tuple.tuple("EXAM:4", claimed.plusSeconds(4)));
    }
}
