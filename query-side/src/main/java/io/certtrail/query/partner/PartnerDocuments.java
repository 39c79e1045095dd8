package io.certtrail.query.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The partner view's own state, all fetched by {@code _id}. It keeps its own copy of what it needs
 * (who holds which address, each address's records), so a rebuild of this view depends on no other.
 */
public final class PartnerDocuments {

    private PartnerDocuments() {}

    /**
     * Who was an employee of a company when: each approved membership, from its approval to its end
     * (open while it lasts). The head count on a past day reads it.
     */
    @Document("partner_memberships")
    public record Memberships(@Id String companyId, List<Spell> spells) {
        public Memberships {
            spells = spells == null ? new ArrayList<>() : new ArrayList<>(spells);
        }
    }

    /** @param to when it ended; null while it lasts */
    public record Spell(String accountId, Instant from, Instant to) {}

    /** One account: its name, its active addresses, and the company it belongs to or asked to join. */
    @Document("partner_accounts")
    public record Account(
            @Id String accountId,
            String firstName,
            String lastName,
            List<Address> addresses,
            String companyId,
            Instant memberSince,
            String requestedCompanyId,
            Instant requestedAt) {
        public Account {
            addresses = addresses == null ? new ArrayList<>() : new ArrayList<>(addresses);
        }

        static Account empty(String accountId) {
            return new Account(accountId, null, null, null, null, null, null, null);
        }
    }

    /** @param registrations the score reports given for the address: their exams are the holder's too */
    public record Address(String addressKey, String email, List<String> registrations) {
        public Address {
            registrations = registrations == null ? new ArrayList<>() : new ArrayList<>(registrations);
        }
    }

    /**
     * The exams under one registration number, wherever they were recorded, and the accounts that
     * brought it by score report: an exam recorded or corrected later reaches their employees' rows.
     */
    @Document("partner_registrations")
    public record Registration(@Id String registrationNumber, List<Exam> exams, List<String> accounts) {
        public Registration {
            exams = exams == null ? new ArrayList<>() : new ArrayList<>(exams);
            accounts = accounts == null ? new ArrayList<>() : new ArrayList<>(accounts);
        }
    }

    /** One address: who holds it now and every record sent to it. */
    @Document("partner_addresses")
    public record AddressRecords(
            @Id String addressKey,
            String ownerAccountId,
            List<Certification> certifications,
            List<Exam> exams,
            List<Training> trainings,
            List<Renewal> renewals) {
        public AddressRecords {
            renewals = renewals == null ? new ArrayList<>() : new ArrayList<>(renewals);
            certifications = certifications == null ? new ArrayList<>() : new ArrayList<>(certifications);
            exams = exams == null ? new ArrayList<>() : new ArrayList<>(exams);
            trainings = trainings == null ? new ArrayList<>() : new ArrayList<>(trainings);
        }

        static AddressRecords empty(String addressKey) {
            return new AddressRecords(addressKey, null, null, null, null, null);
        }
    }

    /**
     * @param expirationDate the date that holds: the record's own ({@code recordedExpirationDate}), or
     *        a later one a renewal set
     */
    public record Certification(
            String recordId,
            String certificationName,
            String certificateNumber,
            LocalDate effectiveDate,
            LocalDate expirationDate,
            Instant revokedAt,
            LocalDate recordedExpirationDate) {

        /** The same certificate with the date a renewal set (null: none), never before its own. */
        Certification renewedTo(LocalDate date) {
            LocalDate own = recordedExpirationDate == null ? expirationDate : recordedExpirationDate;
            LocalDate holds = date != null && own != null && date.isAfter(own) ? date : own;
            return new Certification(
                    recordId, certificationName, certificateNumber, effectiveDate, holds, revokedAt, own);
        }
    }

    /** The date the latest renewal of a certificate set (rule 24). */
    public record Renewal(String recordId, LocalDate expirationDate) {}

    public record Exam(
            String recordId, String examCode, String examName, LocalDate examDate, int score, boolean passed) {}

    public record Training(String recordId, String courseCode, String courseName, LocalDate endDate, String result) {}

    /** Where a certification record is filed, so its revocation (which names only the record) finds it. */
    @Document("partner_certifications")
    public record CertificationAddress(@Id String recordId, String addressKey) {}

    /** One employee's records in full, fetched by {@code _id} for the rows of a page or an export. */
    @Document("partner_employees")
    public record EmployeeRecords(
            @Id String accountId,
            String companyId,
            List<String> emails,
            List<Certification> certifications,
            List<Exam> exams,
            List<Training> trainings) {}

    /** The requests to join a company that its administrators have not decided yet. */
    @Document("partner_requests")
    public record Requests(@Id String companyId, List<Request> requests) {
        public Requests {
            requests = requests == null ? new ArrayList<>() : new ArrayList<>(requests);
        }
    }

    public record Request(String accountId, String firstName, String lastName, Instant requestedAt) {}
}
