package io.certtrail.command.sharing;

import static io.certtrail.command.support.DomainErrors.withCode;

import io.certtrail.command.sharing.ShareCommands.CreateShareLink;
import io.certtrail.command.sharing.ShareCommands.ExtendShareLink;
import io.certtrail.command.sharing.ShareCommands.RevokeShareLink;
import io.certtrail.events.sharing.ShareLinkCreated;
import io.certtrail.events.sharing.ShareLinkExtended;
import io.certtrail.events.sharing.ShareLinkRevoked;
import io.certtrail.events.sharing.SharedKind;
import io.certtrail.platform.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rule 27: a share link is made, extended and revoked by its holder only, within a year. */
class ShareLinkTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant IN_90_DAYS = T0.plus(Duration.ofDays(90));
    private static final ShareLinkCreated CREATED = new ShareLinkCreated(
            "share:1", "acct-1", "hash", SharedKind.CERTIFICATE, List.of("CERT:1"), null, IN_90_DAYS, T0);

    private AggregateTestFixture<ShareLink> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ShareLink.class);
    }

    @Test
    void aLinkIsMadeForAYearAtMost() {
        fixture.givenNoPriorActivity()
                .when(new CreateShareLink(
                        "share:1", "acct-1", "hash", SharedKind.CERTIFICATE, List.of("CERT:1"), null, IN_90_DAYS, T0))
                .expectEvents(CREATED);
        fixture.givenNoPriorActivity()
                .when(new CreateShareLink(
                        "share:1",
                        "acct-1",
                        "hash",
                        SharedKind.CERTIFICATE,
                        List.of("CERT:1"),
                        null,
                        T0.plus(Duration.ofDays(366)),
                        T0))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.INVALID_INPUT));
    }

    @Test
    void onlyItsHolderExtendsOrRevokesItAndARevokedOneStaysRevoked() {
        Instant later = T0.plus(Duration.ofDays(10));
        fixture.given(CREATED)
                .when(new ExtendShareLink("share:1", "acct-1", later.plus(Duration.ofDays(365)), later))
                .expectEvents(new ShareLinkExtended("share:1", "acct-1", later.plus(Duration.ofDays(365)), later));
        fixture.given(CREATED)
                .when(new RevokeShareLink("share:1", "acct-2", later))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.NOT_FOUND));
        fixture.given(CREATED)
                .when(new RevokeShareLink("share:1", "acct-1", later))
                .expectEvents(new ShareLinkRevoked("share:1", "acct-1", later));
        fixture.given(CREATED, new ShareLinkRevoked("share:1", "acct-1", later))
                .when(new RevokeShareLink("share:1", "acct-1", later))
                .expectNoEvents();
        fixture.given(CREATED, new ShareLinkRevoked("share:1", "acct-1", later))
                .when(new ExtendShareLink("share:1", "acct-1", later.plus(Duration.ofDays(30)), later))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.LINK_NOT_VALID));
    }
}
