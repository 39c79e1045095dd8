package io.certtrail.query.certificate;

import io.certtrail.platform.abuse.RateLimits;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.privacy.Masking;
import io.certtrail.platform.privacy.PersonNames;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
    private final io.certtrail.query.activity.AccessLog accesses;

    Verification(
            MongoTemplate mongo, RateLimits rateLimits, Clock clock, io.certtrail.query.activity.AccessLog accesses) {
        this.accesses = accesses;
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
            String replacedBy,
            LocalDate onDate,
            StatusOnDate statusOnDate,
            List<HistoryEntry> history) {}

    /** The certificate's status on a day the verifier asks about. */
    public enum StatusOnDate {
        /** Its effective date had not come. */
        NOT_YET_VALID,
        VALID,
        EXPIRED,
        /** Revoked on or before that day. */
        REVOKED
    }

    /**
     * One change that matters to a verifier: no personal data, only what verification shows anyway.
     *
     * @param on the day it was recorded
     * @param certificateNumber for a number change, the other number
     * @param renewedBy for a renewal, the certification that renewed it
     */
    public record HistoryEntry(
            CertificateRegister.ChangeKind kind,
            LocalDate on,
            LocalDate effectiveDate,
            LocalDate expirationDate,
            String certificateNumber,
            String renewedBy) {}

    /** Corrections of corrections: followed this far at most. */
    private static final int MAX_REPLACEMENTS = 10;

    public Result verify(String rawNumber, String name, String clientAddress) {
        return verify(rawNumber, name, null, clientAddress);
    }

    /**
     * @param onDate a day the verifier asks about (null: only today): the answer is the status of
     *        the certificate as recorded now (a corrected date counts from the start; a revocation from
     *        its day), under its current number when the number asked for was replaced
     */
    public Result verify(String rawNumber, String name, LocalDate onDate, String clientAddress) {
        rateLimits.requireAvailable(RateLimits.Policy.VERIFICATION_MISSES_PER_CLIENT, clientAddress);
        rateLimits.consume(RateLimits.Policy.VERIFICATIONS_PER_CLIENT, clientAddress);
        String number = rawNumber == null ? "" : rawNumber.strip();
        if (!NUMBER.matcher(number).matches()) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.verification.1"));
        }
        if (name != null && name.length() > 200) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.verification.2"));
        }
        CertificateRegister entry = mongo.findById(number, CertificateRegister.class);
        if (entry == null || entry.certificationName() == null) {
            rateLimits.consume(RateLimits.Policy.VERIFICATION_MISSES_PER_CLIENT, clientAddress);
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_FOUND, Text.of("problem.verification.3"));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String replacedBy = entry.replacedBy();
        CertificateRegister current = entry;
        for (int hops = 1; hops <= MAX_REPLACEMENTS && replacedBy != null; hops++) {
            CertificateRegister next = mongo.findById(replacedBy, CertificateRegister.class);
            if (next == null) {
                break;
            }
            current = next;
            if (next.replacedBy() == null) {
                break;
            }
            replacedBy = next.replacedBy();
        }
        Status status = replacedBy != null
                ? Status.REPLACED
                : Status.valueOf(CertificateStatus.of(entry.expirationDate(), entry.revokedAt(), today)
                        .name());
        // the holder's activity log (rule 29): under the number they hold now
        accesses.certificateVerified(current.certificateNumber(), clientAddress);
        boolean nameGiven = name != null && !name.isBlank();
        // an erased holder's name (rule 32) is no name: the certificate stays authentic without one
        String holderName =
                io.certtrail.platform.privacy.encryption.PersonalDataSerializer.ERASED.equals(entry.holderName())
                        ? null
                        : entry.holderName();
        Boolean matches = nameGiven ? PersonNames.sameFullName(name, holderName) : null;
        String shownName = Boolean.TRUE.equals(matches) ? holderName : Masking.personName(holderName);
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
                replacedBy,
                onDate,
                onDate == null ? null : statusOn(current, onDate),
                entry.history().stream()
                        .map(c -> new HistoryEntry(
                                c.kind(),
                                c.at() == null ? null : LocalDate.ofInstant(c.at(), ZoneOffset.UTC),
                                c.effectiveDate(),
                                c.expirationDate(),
                                c.certificateNumber(),
                                c.renewedBy()))
                        .toList());
    }

    /** A day a verifier asks about, as YYYY-MM-DD; null when none was given. */
    public static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.verification.4"));
        }
    }

    static StatusOnDate statusOn(CertificateRegister entry, LocalDate day) {
        if (entry.revokedAt() != null && !day.isBefore(LocalDate.ofInstant(entry.revokedAt(), ZoneOffset.UTC))) {
            return StatusOnDate.REVOKED;
        }
        if (entry.effectiveDate() != null && day.isBefore(entry.effectiveDate())) {
            return StatusOnDate.NOT_YET_VALID;
        }
        if (entry.expirationDate() != null && day.isAfter(entry.expirationDate())) {
            return StatusOnDate.EXPIRED;
        }
        return StatusOnDate.VALID;
    }
}
