package io.certtrail.query.sharing;

import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.sharing.SharedKind;
import io.certtrail.platform.abuse.RateLimits;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.privacy.SecretHashes;
import io.certtrail.platform.readmodels.AddressRecords.CertificationEntry;
import io.certtrail.platform.web.PublicUrls;
import io.certtrail.query.certificate.CertificateRegister;
import io.certtrail.query.certificate.CertificateStatus;
import io.certtrail.query.certificate.Revocations;
import io.certtrail.query.partner.PartnerView;
import io.certtrail.query.records.HolderRecords;
import io.certtrail.query.sharing.ShareLinkDocuments.Link;
import io.certtrail.query.sharing.ShareLinkDocuments.MyShareLinks;
import io.certtrail.query.sharing.ShareLinkDocuments.ShareToken;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Share links as read (rule 27): the holder's own list, and what a visitor of a link sees. A visitor
 * sees only the records the holder chose that are still the holder's, with their status now, the
 * name printed on the certificate, and no e-mail address. An unknown, expired or revoked link gets
 * one and the same answer; a client that keeps missing is refused for a while (the link attempts'
 * limit), so secrets cannot be guessed.
 */
@Component
public class ShareLinkReads {

    private final MongoTemplate mongo;
    private final HolderRecords records;
    private final Revocations revocations;
    private final PartnerView accounts;
    private final RateLimits rateLimits;
    private final PublicUrls urls;
    private final Clock clock;
    private final io.certtrail.query.activity.AccessLog accesses;

    ShareLinkReads(
            MongoTemplate mongo,
            HolderRecords records,
            Revocations revocations,
            PartnerView accounts,
            RateLimits rateLimits,
            PublicUrls urls,
            Clock clock,
            io.certtrail.query.activity.AccessLog accesses) {
        this.accesses = accesses;
        this.mongo = mongo;
        this.records = records;
        this.revocations = revocations;
        this.accounts = accounts;
        this.rateLimits = rateLimits;
        this.urls = urls;
        this.clock = clock;
    }

    /** @param status ACTIVE, EXPIRED or REVOKED */
    public record MyLink(
            String linkId,
            SharedKind kind,
            List<String> recordIds,
            String note,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            String status) {}

    public List<MyLink> mine(String accountId) {
        MyShareLinks mine = mongo.findById(accountId, MyShareLinks.class);
        Instant now = clock.instant();
        return (mine == null ? List.<Link>of() : mine.links())
                .stream()
                        .sorted(Comparator.comparing(Link::createdAt).reversed())
                        .map(l -> new MyLink(
                                l.linkId(),
                                l.kind(),
                                l.recordIds(),
                                l.note(),
                                l.createdAt(),
                                l.expiresAt(),
                                l.revokedAt(),
                                l.revokedAt() != null ? "REVOKED" : now.isBefore(l.expiresAt()) ? "ACTIVE" : "EXPIRED"))
                        .toList();
    }

    /**
     * @param status VALID, EXPIRED or REVOKED, today
     * @param renewed whether a renewal extended it (rule 24)
     * @param addToLinkedIn LinkedIn's add-to-profile address for it
     */
    public record SharedCertificate(
            String certificationName,
            String certificateNumber,
            LocalDate effectiveDate,
            LocalDate expirationDate,
            String status,
            boolean renewed,
            String verificationUrl,
            String addToLinkedIn) {}

    public record SharedExam(String examCode, String examName, LocalDate examDate, boolean passed) {}

    public record SharedTraining(String courseCode, String courseName, String provider, LocalDate endDate) {}

    /** What a visitor sees: nothing the holder did not choose, and no e-mail address. */
    public record Shared(
            SharedKind kind,
            String holderName,
            String note,
            Instant expiresAt,
            LocalDate checkedOn,
            List<SharedCertificate> certificates,
            List<SharedExam> exams,
            List<SharedTraining> training) {}

    public Shared shared(String token, String clientAddress) {
        rateLimits.requireAvailable(RateLimits.Policy.LINK_ATTEMPTS_PER_CLIENT, clientAddress);
        Optional<Found> found = find(token);
        if (found.isEmpty()) {
            rateLimits.consume(RateLimits.Policy.LINK_ATTEMPTS_PER_CLIENT, clientAddress);
            throw new DomainException(ErrorCode.LINK_NOT_VALID, Text.of("problem.share-link-not-valid"));
        }
        String accountId = found.get().accountId();
        Link link = found.get().link();
        accesses.shareLinkOpened(accountId, link.linkId(), clientAddress); // the holder's activity log (rule 29)
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        HolderRecords.Visible visible = records.of(accountId, Optional.empty());
        List<String> chosen = link.recordIds();
        List<CertificationEntry> shown = visible.certifications().stream()
                .filter(c -> chosen.contains(c.recordId()))
                .toList();
        Map<String, CertificateRegister> registered = new LinkedHashMap<>();
        for (CertificationEntry c : shown) {
            String number = c.certification().certificateNumber();
            CertificateRegister entry = mongo.findById(number, CertificateRegister.class);
            if (entry != null) {
                registered.put(number, entry);
            }
        }
        List<SharedCertificate> certificates = shown.stream()
                .map(c -> certificate(c, registered.get(c.certification().certificateNumber()), today))
                .toList();
        List<SharedExam> exams = link.kind() == SharedKind.CERTIFICATE
                ? List.of()
                : visible.exams().stream()
                        .filter(e -> chosen.contains(e.recordId()))
                        .map(e -> new SharedExam(
                                e.exam().examCode(),
                                e.exam().examName(),
                                e.exam().examDate(),
                                e.exam().passed()))
                        .toList();
        List<SharedTraining> training = link.kind() == SharedKind.CERTIFICATE
                ? List.of()
                : visible.trainings().stream()
                        .filter(t -> chosen.contains(t.recordId()))
                        .map(t -> new SharedTraining(
                                t.training().courseCode(),
                                t.training().courseName(),
                                t.training().provider(),
                                t.training().endDate()))
                        .toList();
        return new Shared(
                link.kind(),
                holderName(accountId, registered.values()),
                link.note(),
                link.expiresAt(),
                today,
                certificates,
                exams,
                training);
    }

    private record Found(String accountId, Link link) {}

    private Optional<Found> find(String token) {
        if (token == null || token.length() < 16 || token.length() > 128) {
            return Optional.empty();
        }
        ShareToken where = mongo.findById(SecretHashes.sha256(token), ShareToken.class);
        if (where == null) {
            return Optional.empty();
        }
        MyShareLinks mine = mongo.findById(where.accountId(), MyShareLinks.class);
        Instant now = clock.instant();
        return (mine == null ? List.<Link>of() : mine.links())
                .stream()
                        .filter(l -> l.linkId().equals(where.linkId()))
                        .filter(l -> l.revokedAt() == null && now.isBefore(l.expiresAt()))
                        .findFirst()
                        .map(l -> new Found(where.accountId(), l));
    }

    private SharedCertificate certificate(CertificationEntry entry, CertificateRegister register, LocalDate today) {
        CertificationEarned c = entry.certification();
        Instant revokedAt = revocations.of(c.certificateNumber());
        boolean renewed = register != null
                && register.history().stream().anyMatch(h -> h.kind() == CertificateRegister.ChangeKind.RENEWED);
        return new SharedCertificate(
                c.certificationName(),
                c.certificateNumber(),
                c.effectiveDate(),
                c.expirationDate(),
                CertificateStatus.of(c.expirationDate(), revokedAt, today).name(),
                renewed,
                urls.verification(c.certificateNumber()),
                linkedIn(c));
    }

    /** LinkedIn's add-to-profile address: the certification, the issuer, its dates, its number, its page. */
    private String linkedIn(CertificationEarned c) {
        StringBuilder url = new StringBuilder("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME");
        param(url, "name", c.certificationName());
        param(url, "organizationName", "CertTrail");
        if (c.effectiveDate() != null) {
            param(url, "issueYear", Integer.toString(c.effectiveDate().getYear()));
            param(url, "issueMonth", Integer.toString(c.effectiveDate().getMonthValue()));
        }
        if (c.expirationDate() != null) {
            param(url, "expirationYear", Integer.toString(c.expirationDate().getYear()));
            param(url, "expirationMonth", Integer.toString(c.expirationDate().getMonthValue()));
        }
        param(url, "certId", c.certificateNumber());
        param(url, "certUrl", urls.verification(c.certificateNumber()));
        return url.toString();
    }

    private static void param(StringBuilder url, String name, String value) {
        url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** The name printed on a shared certificate, else the holder's name as the identity provider states it. */
    private String holderName(String accountId, java.util.Collection<CertificateRegister> registered) {
        for (CertificateRegister register : registered) {
            if (register.holderName() != null) {
                return register.holderName();
            }
        }
        var account = accounts.account(accountId);
        if (account == null) {
            return null;
        }
        return Stream.of(account.firstName(), account.lastName())
                .filter(Objects::nonNull)
                .reduce((a, b) -> a + " " + b)
                .orElse(null);
    }
}
