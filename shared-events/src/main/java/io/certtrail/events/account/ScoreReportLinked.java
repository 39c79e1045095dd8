package io.certtrail.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A score report was given for an address already active on the account: its exams under that
 * registration number are the holder's from now on, wherever they were recorded. No mail: the
 * address was proved the holder's when it was activated, the exam by the report's name and number.
 */
@Revision("1")
public record ScoreReportLinked(String accountId, String addressKey, String registrationNumber, Instant linkedAt)
        implements AccountEvent {}
