package io.certtrail.events.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A holder asked to join a partner company as its employee; an administrator of it decides. */
@Revision("1")
public record MembershipRequested(String accountId, String companyId, Instant requestedAt) implements MembershipEvent {}
