package io.certtrail.query.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Every certificate by its number, for public verification: fetched by {@code _id} only, so no
 * query can list or search them.
 *
 * @param holderName the name printed on the certificate, known once it has been applied for
 * @param replacedBy the number a correction gave this certificate instead: the old number keeps
 *        answering, as replaced, never as unknown (a printed QR code leads here)
 * @param history what happened to the certificate that matters to a verifier, oldest first
 */
@Document(CertificateRegister.COLLECTION)
public record CertificateRegister(
        @Id String certificateNumber,
        String recordId,
        String certificationName,
        LocalDate effectiveDate,
        LocalDate expirationDate,
        String holderName,
        Instant revokedAt,
        String replacedBy,
        List<Change> history,
        LocalDate recordedExpirationDate,
        LocalDate renewedTo) {

    public static final String COLLECTION = "certificate_register";

    /**
     * {@code expirationDate} is the date that holds: the record's own ({@code recordedExpirationDate}),
     * or a later one a renewal set ({@code renewedTo}, rule 24), kept apart so that a correction of
     * either leaves the other as it was.
     */
    public CertificateRegister {
        history = history == null
                ? List.of()
                : history.stream()
                        .sorted(java.util.Comparator.comparing(
                                        Change::at,
                                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                                .thenComparing(Change::kind))
                        .toList();
        if (recordedExpirationDate != null) {
            expirationDate =
                    renewedTo != null && renewedTo.isAfter(recordedExpirationDate) ? renewedTo : recordedExpirationDate;
        }
    }

    /** What can happen to a certificate that a verifier may ask about. */
    public enum ChangeKind {
        /** Recorded by the certification office: valid from its effective date. */
        ISSUED,
        /** Its dates were corrected (a later expiration is a renewal). */
        CORRECTED,
        /** Its expiration moved later: renewed. */
        RENEWED,
        /** Its number was corrected: {@code certificateNumber} is the other number. */
        NUMBER_CHANGED,
        REVOKED,
        /** The certificate that renewed it was corrected or revoked: its date fell back. */
        RENEWAL_WITHDRAWN
    }

    /**
     * @param at when it was recorded here
     * @param revision the record's revision it came with (0 for a revocation): with {@code kind},
     *        what makes an event handled twice land once
     * @param certificateNumber for a number change, the other number (old on the new entry, new on the old)
     * @param renewedBy for a renewal, the certification that renewed it (its name, no more of the holder's)
     */
    public record Change(
            ChangeKind kind,
            Instant at,
            int revision,
            LocalDate effectiveDate,
            LocalDate expirationDate,
            String certificateNumber,
            String renewedBy) {

        public Change(
                ChangeKind kind,
                Instant at,
                int revision,
                LocalDate effectiveDate,
                LocalDate expirationDate,
                String certificateNumber) {
            this(kind, at, revision, effectiveDate, expirationDate, certificateNumber, null);
        }
    }

    /** The same entry, printed with this name. */
    public CertificateRegister named(String name) {
        return with(name, revokedAt, replacedBy, history, renewedTo);
    }

    /** The same entry, revoked at the first revocation's moment, with the revocation in its history. */
    public CertificateRegister revoked(Instant at) {
        Instant first = revokedAt == null ? at : revokedAt;
        return with(
                holderName,
                first,
                replacedBy,
                plus(new Change(ChangeKind.REVOKED, first, 0, effectiveDate, expirationDate, null)),
                renewedTo);
    }

    /** The same entry under its old number, answering as replaced by {@code number}, with the change in its history. */
    public CertificateRegister replacedBy(String number, Change change) {
        return with(holderName, revokedAt, number, plus(change), renewedTo);
    }

    /** The same entry with the date a renewal set (or withdrew), and the change in its history. */
    public CertificateRegister renewed(LocalDate date, Change change) {
        return with(holderName, revokedAt, replacedBy, plus(change), date);
    }

    /** The same certificate with what can change after it was recorded. */
    private CertificateRegister with(
            String name, Instant revoked, String replacement, List<Change> changes, LocalDate renewal) {
        return new CertificateRegister(
                certificateNumber,
                recordId,
                certificationName,
                effectiveDate,
                expirationDate,
                name,
                revoked,
                replacement,
                changes,
                recordedExpirationDate,
                renewal);
    }

    /** This entry's history with the change added, unless it is there already (an event handled again). */
    public List<Change> plus(Change change) {
        if (history.stream()
                .anyMatch(c -> c.kind() == change.kind()
                        && c.revision() == change.revision()
                        && java.util.Objects.equals(c.at(), change.at())
                        && java.util.Objects.equals(c.certificateNumber(), change.certificateNumber()))) {
            return history;
        }
        List<Change> next = new java.util.ArrayList<>(history);
        next.add(change);
        return next;
    }
}
