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
        List<Change> history) {

    public static final String COLLECTION = "certificate_register";

    public CertificateRegister {
        history = history == null ? List.of() : List.copyOf(history);
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
        REVOKED
    }

    /**
     * @param at when it was recorded here
     * @param revision the record's revision it came with (0 for a revocation): with {@code kind},
     *        what makes an event handled twice land once
     * @param certificateNumber for a number change, the other number (old on the new entry, new on the old)
     */
    public record Change(
            ChangeKind kind,
            Instant at,
            int revision,
            LocalDate effectiveDate,
            LocalDate expirationDate,
            String certificateNumber) {}

    /** The same entry, printed with this name. */
    public CertificateRegister named(String name) {
        return new CertificateRegister(
                certificateNumber,
                recordId,
                certificationName,
                effectiveDate,
                expirationDate,
                name,
                revokedAt,
                replacedBy,
                history);
    }

    /** The same entry, revoked at the first revocation's moment, with the revocation in its history. */
    public CertificateRegister revoked(Instant at) {
        Instant first = revokedAt == null ? at : revokedAt;
        return new CertificateRegister(
                certificateNumber,
                recordId,
                certificationName,
                effectiveDate,
                expirationDate,
                holderName,
                first,
                replacedBy,
                plus(new Change(ChangeKind.REVOKED, first, 0, effectiveDate, expirationDate, null)));
    }

    /** The same entry under its old number, answering as replaced by {@code number}, with the change in its history. */
    public CertificateRegister replacedBy(String number, Change change) {
        return new CertificateRegister(
                certificateNumber,
                recordId,
                certificationName,
                effectiveDate,
                expirationDate,
                holderName,
                revokedAt,
                number,
                plus(change));
    }

    /** This entry's history with the change added, unless it is there already (an event handled again). */
    public List<Change> plus(Change change) {
        if (history.stream()
                .anyMatch(c -> c.kind() == change.kind()
                        && c.revision() == change.revision()
                        && java.util.Objects.equals(c.certificateNumber(), change.certificateNumber()))) {
            return history;
        }
        List<Change> next = new java.util.ArrayList<>(history);
        next.add(change);
        return next;
    }
}
