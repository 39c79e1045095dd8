package io.certtrail.command.ownership;

import static io.certtrail.command.support.DomainErrors.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.certtrail.command.ownership.OwnershipCommands.ClaimAddress;
import io.certtrail.command.ownership.OwnershipCommands.ForceUnbindAddress;
import io.certtrail.command.ownership.OwnershipCommands.ReleaseAddress;
import io.certtrail.events.account.DisassociationCause;
import io.certtrail.events.address.AddressClaimed;
import io.certtrail.events.address.AddressReleased;
import io.certtrail.platform.error.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AddressOwnershipTest {

    private static final String KEY = "addr_key1";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private AggregateTestFixture<AddressOwnership> fixture;
    private final List<String> removals = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AddressOwnership.class);
        fixture.registerInjectableResource((AccountLedger) (accountId, addressKey, cause, newAccountId, reason, at) ->
                removals.add(accountId + ":" + cause + ":" + newAccountId + ":" + reason));
    }

    @Test
    void theFirstClaimMakesTheAccountTheOwner() {
        fixture.givenNoPriorActivity()
                .when(new ClaimAddress(KEY, "acct-1", T0))
                .expectEvents(new AddressClaimed(KEY, "acct-1", null, T0))
                .expectResultMessagePayload(null);
        assertThat(removals).isEmpty();
    }

    @Test
    void aClaimByAnotherAccountMovesTheAddressAndTakesItOffThePreviousOwner() {
        fixture.given(new AddressClaimed(KEY, "acct-1", null, T0))
                .when(new ClaimAddress(KEY, "acct-2", T0.plusSeconds(5)))
                .expectEvents(new AddressClaimed(KEY, "acct-2", "acct-1", T0.plusSeconds(5)))
                .expectResultMessagePayload("acct-1");
        assertThat(removals).containsExactly("acct-1:OWNERSHIP_MOVED:acct-2:null");
    }

    @Test
    void aClaimByTheCurrentOwnerChangesNothing() {
        fixture.given(new AddressClaimed(KEY, "acct-1", null, T0))
                .when(new ClaimAddress(KEY, "acct-1", T0.plusSeconds(5)))
                .expectNoEvents();
        assertThat(removals).isEmpty();
    }

    @Test
    void theOwnerCanReleaseTheAddress() {
        fixture.given(new AddressClaimed(KEY, "acct-1", null, T0))
                .when(new ReleaseAddress(KEY, "acct-1", T0.plusSeconds(5)))
                .expectEvents(
                        new AddressReleased(KEY, "acct-1", DisassociationCause.HOLDER_CONFIRMED, T0.plusSeconds(5)));
    }

    @Test
    void onlyTheOwnerCanReleaseTheAddress() {
        fixture.given(new AddressClaimed(KEY, "acct-1", null, T0))
                .when(new ReleaseAddress(KEY, "acct-2", T0.plusSeconds(5)))
                .expectNoEvents();
    }

    @Test
    void forcedUnbindingReleasesTheAddressAndTakesItOffTheAccountWithTheReason() {
        fixture.given(new AddressClaimed(KEY, "acct-1", null, T0))
                .when(new ForceUnbindAddress(KEY, "holds another person's exam records", T0.plusSeconds(5)))
                .expectEvents(
                        new AddressReleased(KEY, "acct-1", DisassociationCause.FORCED_UNBINDING, T0.plusSeconds(5)))
                .expectResultMessagePayload("acct-1");
        assertThat(removals).containsExactly("acct-1:FORCED_UNBINDING:null:holds another person's exam records");
    }

    @Test
    void cannotForceUnbindAnAddressNobodyHolds() {
        fixture.given(
                        new AddressClaimed(KEY, "acct-1", null, T0),
                        new AddressReleased(KEY, "acct-1", DisassociationCause.HOLDER_CONFIRMED, T0.plusSeconds(1)))
                .when(new ForceUnbindAddress(KEY, "reason", T0.plusSeconds(5)))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.ADDRESS_NOT_BOUND));
        assertThat(removals).isEmpty();
    }
}
