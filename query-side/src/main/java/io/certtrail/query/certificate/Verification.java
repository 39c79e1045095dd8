package io.certtrail.query.certificate;

import io.certtrail.platform.abuse.RateLimits;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.privacy.Masking;
import io.certtrail.platform.privacy.PersonNames;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Public verification of a certificate by its number (rule 9), for the JSON API and the web page
 * alike. A number is looked up whole, by {@code _id}: nothing can be listed or searched. Each client
 * address has a budget of look-ups and a smaller one of misses; someone guessing numbers mostly
 * misses, and once the misses are spent gets no more answers, found or not, until it refills.
 */
@Component
public class Verification {

    static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final MongoTemplate mongo;
    private final RateLimits rateLimits;
    private final Clock clock;

    Verification(MongoTemplate mongo, RateLimits rateLimits, Clock clock) {
        this.mongo = mongo;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    public enum Status {
        VALID,
        EXPIRED,
        REVOKED,
        /** The number was corrected: {@code replacedBy} is the certificate's number now. */
        REPLACED
    }

    /**
     * @param holderName masked unless the verifier gave the holder's name and it matched; null while
     *        the certificate has not been applied for (the name printed on it is not known before)
     * @param nameMatches null when no name was given
     * @param replacedBy for a number a correction replaced: the certificate's number now (verify that)
     */
    public record Result(
            String certificateNumber,
            boolean authentic,
            Status status,
            String certificationName,
            LocalDate effectiveDate,
            LocalDate expirationDate,
            String holderName,
            Boolean nameMatches,
            LocalDate checkedOn,
            String replacedBy) {}

    /** Corrections of corrections: followed this far at most. */
    private static final int MAX_REPLACEMENTS = 10;

    public Result verify(String rawNumber, String name, String clientAddress) {
        rateLimits.requireAvailable(RateLimits.Policy.VERIFICATION_MISSES_PER_CLIENT, clientAddress);
        rateLimits.consume(RateLimits.Policy.VERIFICATIONS_PER_CLIENT, clientAddress);
        String number = rawNumber == null ? "" : rawNumber.strip();
        if (!NUMBER.matcher(number).matches()) {
            throw new DomainException(
                    ErrorCode.INVALID_INPUT,
                    "A certificate number holds 1 to 64 letters, digits, dots, dashes or underscores.");
        }
        if (name != null && name.length() > 200) {
            throw new DomainException(ErrorCode.INVALID_INPUT, "The name is too long.");
        }
        CertificateRegister entry = mongo.findById(number, CertificateRegister.class);
        if (entry == null || entry.certificationName() == null) {
            rateLimits.consume(RateLimits.Policy.VERIFICATION_MISSES_PER_CLIENT, clientAddress);
            throw new DomainException(
                    ErrorCode.CERTIFICATE_NOT_FOUND,
                    "No certificate with this number was found." + " Check the number as printed on the certificate.");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String replacedBy = entry.replacedBy();
        for (int hops = 1; hops < MAX_REPLACEMENTS && replacedBy != null; hops++) {
            CertificateRegister next = mongo.findById(replacedBy, CertificateRegister.class);
            if (next == null || next.replacedBy() == null) {
                break;
            }
            replacedBy = next.replacedBy();
        }
        Status status = replacedBy != null
                ? Status.REPLACED
                : Status.valueOf(CertificateStatus.of(entry.expirationDate(), entry.revokedAt(), today)
                        .name());
        boolean nameGiven = name != null && !name.isBlank();
        Boolean matches = nameGiven ? PersonNames.sameFullName(name, entry.holderName()) : null;
        String shownName = Boolean.TRUE.equals(matches) ? entry.holderName() : Masking.personName(entry.holderName());
        return new Result(
                entry.certificateNumber(),
                true,
                status,
                entry.certificationName(),
                entry.effectiveDate(),
                entry.expirationDate(),
                shownName,
                matches,
                today,
                replacedBy);
    }
}
