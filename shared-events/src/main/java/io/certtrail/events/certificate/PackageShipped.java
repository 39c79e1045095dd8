package io.certtrail.events.certificate;

import io.certtrail.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Logistics handed the paper package to a courier.
 *
 * @param email the application's contact address, where the order number is sent
 * @param replacement the package replaces a lost or damaged one (null in events stored before replacements)
 */
@Revision("1")
public record PackageShipped(
        String applicationId,
        String accountId,
        String certificateNumber,
        String courier,
        String expressOrderNumber,
        @PersonalData String email,
        Instant shippedAt,
        Boolean replacement)
        implements CertificateApplicationEvent {}
