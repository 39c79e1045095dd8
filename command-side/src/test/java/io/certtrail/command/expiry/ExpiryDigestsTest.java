package io.certtrail.command.expiry;

import io.certtrail.command.expiry.ExpiryCommands.SendExpiryDigest;
import io.certtrail.command.expiry.ExpiryCommands.SetExpiryDigest;
import io.certtrail.events.partner.ExpiryDigestDue;
import io.certtrail.events.partner.ExpiryDigestDue.Expiring;
import io.certtrail.events.partner.ExpiryDigestSubscriptionChanged;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rule 25's weekly digest: to each administrator who asked, once per week, never empty. */
class ExpiryDigestsTest {

    private static final String DIGEST = ExpiryCommands.digestIdOf("acme");
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<Expiring> SOON =
            List.of(new Expiring("Wan Li", "HCIA-Storage", LocalDate.parse("2026-05-30")));

    private AggregateTestFixture<ExpiryDigests> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ExpiryDigests.class);
    }

    private static ExpiryDigestSubscriptionChanged subscribed(String admin, String email) {
        return new ExpiryDigestSubscriptionChanged(DIGEST, "acme", admin, email, true, T0);
    }

    private static ExpiryDigestDue due(String admin, String email, String week) {
        return new ExpiryDigestDue(DIGEST, "acme", week, admin, email, 90, SOON, T0);
    }

    @Test
    void anAdministratorTurnsItOnAndOffAndTheSameAgainChangesNothing() {
        fixture.givenNoPriorActivity()
                .when(new SetExpiryDigest(DIGEST, "acme", "acct-pat", "pat@example.com", true, T0))
                .expectEvents(subscribed("acct-pat", "pat@example.com"));
        fixture.given(subscribed("acct-pat", "pat@example.com"))
                .when(new SetExpiryDigest(DIGEST, "acme", "acct-pat", "pat@example.com", true, T0))
                .expectNoEvents();
        fixture.given(subscribed("acct-pat", "pat@example.com"))
                .when(new SetExpiryDigest(DIGEST, "acme", "acct-pat", null, false, T0))
                .expectEvents(new ExpiryDigestSubscriptionChanged(DIGEST, "acme", "acct-pat", null, false, T0));
    }

    @Test
    void eachAdministratorWhoAskedGetsThisWeeksDigestOnce() {
        fixture.given(subscribed("acct-pat", "pat@example.com"), subscribed("acct-sam", "sam@example.com"))
                .when(new SendExpiryDigest(DIGEST, "acme", "2026-W10", 90, SOON, T0))
                .expectEvents(
                        due("acct-pat", "pat@example.com", "2026-W10"), due("acct-sam", "sam@example.com", "2026-W10"))
                .expectResultMessagePayload(2);
        fixture.given(subscribed("acct-pat", "pat@example.com"), due("acct-pat", "pat@example.com", "2026-W10"))
                .when(new SendExpiryDigest(DIGEST, "acme", "2026-W10", 90, SOON, T0))
                .expectNoEvents();
        fixture.given(subscribed("acct-pat", "pat@example.com"), due("acct-pat", "pat@example.com", "2026-W10"))
                .when(new SendExpiryDigest(DIGEST, "acme", "2026-W11", 90, SOON, T0))
                .expectEvents(due("acct-pat", "pat@example.com", "2026-W11"));
    }

    @Test
    void nothingExpiringOrNobodyAskingSendsNothing() {
        fixture.given(subscribed("acct-pat", "pat@example.com"))
                .when(new SendExpiryDigest(DIGEST, "acme", "2026-W10", 90, List.of(), T0))
                .expectNoEvents();
        fixture.given(
                        subscribed("acct-pat", "pat@example.com"),
                        new ExpiryDigestSubscriptionChanged(DIGEST, "acme", "acct-pat", null, false, T0))
                .when(new SendExpiryDigest(DIGEST, "acme", "2026-W10", 90, SOON, T0))
                .expectNoEvents();
    }
}
