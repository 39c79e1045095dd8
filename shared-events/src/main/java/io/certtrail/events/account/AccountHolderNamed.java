package io.certtrail.events.account;

import io.certtrail.events.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * The name of the person behind the account, as the identity provider states it. Exam records
 * whose candidate name differs are suspect bindings (rule 5).
 */
@Revision("1")
public record AccountHolderNamed(
        String accountId,
        @PersonalData String firstName,
        @PersonalData String lastName) implements AccountEvent {}
