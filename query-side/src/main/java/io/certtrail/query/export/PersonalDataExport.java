package io.certtrail.query.export;

import io.certtrail.query.account.MyEmailAddressReads;
import io.certtrail.query.account.MyEmailAddressReads.MyAddresses;
import io.certtrail.query.account.MyEmailAddresses;
import io.certtrail.query.activity.ActivityReads;
import io.certtrail.query.audit.AuditEvent;
import io.certtrail.query.audit.AuditSearch;
import io.certtrail.query.certificate.CertificateApplications;
import io.certtrail.query.certificate.MyCertificateApplications;
import io.certtrail.query.partner.PartnerDocuments;
import io.certtrail.query.partner.PartnerView;
import io.certtrail.query.records.HolderRecords;
import io.certtrail.query.sharing.ShareLinkReads;
import io.certtrail.query.sharing.ShareLinkReads.MyLink;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Everything CertTrail holds about one account, as one JSON document (GDPR articles 15 and 20,
 * rule 31): the addresses and the language chosen, every record on them, the certificate
 * applications in full (mailing information unmasked: it is the holder's own), the share links
 * (never their secrets), the partner membership, the activity log of the last year, and every event
 * that concerns the account or one of its addresses, with its fields. For the holder, an event
 * shows who acted by role only; an auditor's export names the actor, the client and the
 * correlation, as the audit trail does.
 */
@Component
public class PersonalDataExport {

    static final String FORMAT = "certtrail-personal-data-export/1";

    private final MyEmailAddressReads addresses;
    private final HolderRecords records;
    private final MyCertificateApplications applications;
    private final ShareLinkReads shareLinks;
    private final PartnerView partners;
    private final ActivityReads activity;
    private final AuditSearch audit;
    private final MongoTemplate mongo;
    private final Clock clock;

    PersonalDataExport(
            MyEmailAddressReads addresses,
            HolderRecords records,
            MyCertificateApplications applications,
            ShareLinkReads shareLinks,
            PartnerView partners,
            ActivityReads activity,
            AuditSearch audit,
            MongoTemplate mongo,
            Clock clock) {
        this.addresses = addresses;
        this.records = records;
        this.applications = applications;
        this.shareLinks = shareLinks;
        this.partners = partners;
        this.activity = activity;
        this.audit = audit;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** An event that concerns the account, as the export shows it. */
    public record ExportedEvent(
            long position,
            String type,
            Instant occurredAt,
            String aggregateType,
            String aggregateId,
            String actor,
            String actorRole,
            String clientAddress,
            String correlationId,
            String reason,
            Map<String, Object> details) {}

    public record PartnerMembership(
            String companyId, Instant memberSince, String requestedCompanyId, Instant requestedAt) {}

    public record Export(
            String format,
            Instant exportedAt,
            String accountId,
            MyAddresses addresses,
            HolderRecords.Visible records,
            List<CertificateApplications.Application> certificateApplications,
            List<MyLink> shareLinks,
            PartnerMembership partnerMembership,
            ActivityReads.Activity activity,
            List<ExportedEvent> events) {}

    /** @param forAuditor an auditor's export: who acted, from where, in which chain, as the audit trail says */
    public Export of(String accountId, boolean forAuditor) {
        MyAddresses mine = addresses.of(accountId, Optional.empty());
        PartnerDocuments.Account account = partners.account(accountId);
        return new Export(
                FORMAT,
                clock.instant(),
                accountId,
                mine,
                records.of(accountId, Optional.empty()),
                applications.applications(accountId).applications(),
                shareLinks.mine(accountId),
                account == null
                        ? null
                        : new PartnerMembership(
                                account.companyId(),
                                account.memberSince(),
                                account.requestedCompanyId(),
                                account.requestedAt()),
                activity.of(accountId, Optional.of(366)),
                events(accountId, forAuditor));
    }

    /** The account's own events, and those of every address it holds or held, in the store's order, once each. */
    private List<ExportedEvent> events(String accountId, boolean forAuditor) {
        Map<String, AuditEvent> found = new LinkedHashMap<>();
        audit.each(filter(accountId, null), event -> found.putIfAbsent(event.eventId(), event));
        MyEmailAddresses view = mongo.findById(accountId, MyEmailAddresses.class);
        if (view != null) {
            for (MyEmailAddresses.Entry address : view.addresses()) {
                audit.each(filter(null, address.addressKey()), event -> found.putIfAbsent(event.eventId(), event));
            }
        }
        List<ExportedEvent> events = new ArrayList<>();
        for (AuditEvent e : found.values()) {
            events.add(shown(e, accountId, forAuditor));
        }
        events.sort(Comparator.comparingLong(ExportedEvent::position));
        return events;
    }

    /**
     * An event as the export shows it: to the holder, who acted by role (and the holder by name), never
     * another person's account, client address or correlation; to an auditor, all of it.
     */
    static ExportedEvent shown(AuditEvent e, String accountId, boolean forAuditor) {
        return new ExportedEvent(
                e.position(),
                e.type(),
                e.occurredAt(),
                e.aggregateType(),
                e.aggregateId(),
                forAuditor || accountId.equals(e.actor()) ? e.actor() : null,
                e.actorRole(),
                forAuditor ? e.clientAddress() : null,
                forAuditor ? e.correlationId() : null,
                e.reason(),
                e.details());
    }

    private static AuditSearch.Filter filter(String accountId, String addressKey) {
        return new AuditSearch.Filter(accountId, addressKey, null, null, null, null, null, null, false);
    }
}
