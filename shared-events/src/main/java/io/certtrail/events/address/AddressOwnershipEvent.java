package io.certtrail.events.address;

/**
 * Events of the {@code AddressOwnership} aggregate: the one place that decides, strongly
 * consistently, which account an address belongs to.
 */
public sealed interface AddressOwnershipEvent permits AddressClaimed, AddressReleased {

    String addressKey();
}
