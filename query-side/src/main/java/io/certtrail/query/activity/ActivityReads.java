package io.certtrail.query.activity;

import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.query.account.MyEmailAddresses;
import io.certtrail.query.activity.AccessLog.Access;
import io.certtrail.query.activity.HolderActivityProjection.Change;
import io.certtrail.query.activity.HolderActivityProjection.Employments;
import io.certtrail.query.activity.HolderActivityProjection.RecordChanges;
import io.certtrail.query.activity.HolderActivityProjection.Spell;
import io.certtrail.query.audit.AccountHistory;
import io.certtrail.query.audit.AccountHistoryReads;
import io.certtrail.query.records.HolderRecords;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A holder's own activity log (rule 29), for the holder and for auditors: who verified their
 * certificates and from which network, which of their share links were opened and how often, which
 * partner administrator read their records while they were an employee, and every unbinding,
 * correction and revocation with its reason. Only what concerns this account, and of a record only
 * what happened since its address came to the account: nothing of whoever held it before.
 */
@Component
public class ActivityReads {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 366;

    private final MongoTemplate mongo;
    private final HolderRecords records;
    private final AccountHistoryReads history;
    private final AccessLog accesses;
    private final Clock clock;

    ActivityReads(
            MongoTemplate mongo, HolderRecords records, AccountHistoryReads history, AccessLog accesses, Clock clock) {
        this.mongo = mongo;
        this.records = records;
        this.history = history;
        this.accesses = accesses;
        this.clock = clock;
    }

    /**
     * One thing that happened, newest first in the log.
     *
     * @param kind CERTIFICATE_VERIFIED, SHARE_LINK_OPENED, PARTNER_READ, UNBOUND, CORRECTED, REVOKED,
     *        MOVED_HERE or MOVED_AWAY
     * @param network for an anonymous access, the client's network (never its address)
     * @param administrator for a partner's read, who read
     * @param reason why: the office's reason, what a correction changed, how an address was unbound
     * @param count for accesses, how many alike this entry stands for (the same administrator paging
     *        through the list within a moment); 1 for everything else
     * @param lastAt the last of them
     */
    public record Entry(
            Instant at,
            String kind,
            String certificateNumber,
            String linkId,
            String network,
            String administrator,
            String companyId,
            String recordId,
            String what,
            String reason,
            int count,
            Instant lastAt) {}

    public record ShareLinkOpenings(String linkId, int openings, Instant lastOpenedAt) {}

    /** @param from the first day whose accesses are shown; changes and unbindings are shown whenever they were */
    public record Activity(
            String accountId, LocalDate from, LocalDate to, List<ShareLinkOpenings> shareLinks, List<Entry> entries) {}

    public Activity of(String accountId, Optional<Integer> days) {
        int window = days.orElse(DEFAULT_DAYS);
        if (window < 1 || window > MAX_DAYS) {
            throw new DomainException(ErrorCode.INVALID_INPUT, Text.of("problem.activity-reads.1", MAX_DAYS));
        }
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(window - 1L);
        List<Entry> entries = new ArrayList<>();

        // since when each record, and each address, has been this account's
        MyEmailAddresses account = mongo.findById(accountId, MyEmailAddresses.class);
        Map<String, Instant> addressSince = new HashMap<>();
        if (account != null) {
            for (MyEmailAddresses.Entry address : account.addresses()) {
                if (address.status() == MyEmailAddresses.Status.ACTIVE) {
                    addressSince.put(address.addressKey(), since(address.activatedAt()));
                }
            }
        }
        HolderRecords.Visible visible = records.of(accountId, Optional.empty());
        Map<String, Instant> recordSince = new LinkedHashMap<>();
        Map<String, Instant> certificateSince = new LinkedHashMap<>();
        visible.certifications().forEach(c -> {
            Instant since = addressSince.getOrDefault(c.certification().addressKey(), Instant.EPOCH);
            recordSince.put(c.recordId(), since);
            certificateSince.merge(c.certification().certificateNumber(), since, (a, b) -> a.isBefore(b) ? a : b);
        });
        visible.exams()
                .forEach(e -> recordSince.put(
                        e.recordId(), addressSince.getOrDefault(e.exam().addressKey(), Instant.EPOCH)));
        visible.trainings()
                .forEach(t -> recordSince.put(
                        t.recordId(), addressSince.getOrDefault(t.training().addressKey(), Instant.EPOCH)));

        // anonymous verifications of the certificates, since they were the holder's
        for (Access access : accesses.of(
                certificateSince.keySet().stream()
                        .map(AccessLog::certificateKey)
                        .toList(),
                from,
                to)) {
            Instant since = certificateSince.get(access.subject());
            if (since != null && !access.at().isBefore(since)) {
                entries.add(new Entry(
                        access.at(),
                        access.kind().name(),
                        access.subject(),
                        null,
                        access.network(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        access.times(),
                        access.last()));
            }
        }

        // the holder's own share links, opened
        Map<String, ShareLinkOpenings> openings = new LinkedHashMap<>();
        for (Access access : accesses.of(List.of(AccessLog.accountKey(accountId)), from, to)) {
            entries.add(new Entry(
                    access.at(),
                    access.kind().name(),
                    null,
                    access.subject(),
                    access.network(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    access.times(),
                    access.last()));
            openings.merge(
                    access.subject(),
                    new ShareLinkOpenings(access.subject(), access.times(), access.last()),
                    (a, b) -> new ShareLinkOpenings(a.linkId(), a.openings() + b.openings(), b.lastOpenedAt()));
        }

        // partner administrators' reads while the holder was an employee
        Employments employments = mongo.findById(accountId, Employments.class);
        for (Spell spell : employments == null ? List.<Spell>of() : employments.spells()) {
            LocalDate first = later(from, LocalDate.ofInstant(spell.from(), ZoneOffset.UTC));
            LocalDate last = spell.to() == null ? to : earlier(to, LocalDate.ofInstant(spell.to(), ZoneOffset.UTC));
            if (first.isAfter(last)) {
                continue;
            }
            for (Access access : accesses.of(List.of(AccessLog.companyKey(spell.companyId())), first, last)) {
                boolean during = !access.at().isBefore(spell.from())
                        && (spell.to() == null || access.at().isBefore(spell.to()));
                boolean shown =
                        access.accountIds() == null || access.accountIds().contains(accountId);
                if (during && shown) {
                    entries.add(new Entry(
                            access.at(),
                            access.kind().name(),
                            null,
                            null,
                            null,
                            access.actor(),
                            spell.companyId(),
                            null,
                            access.what(),
                            null,
                            access.times(),
                            access.last()));
                }
            }
        }

        // corrections and revocations of the holder's records, and records corrected away from their addresses
        List<String> keys = new ArrayList<>();
        recordSince.keySet().forEach(id -> keys.add(HolderActivityProjection.recordKey(id)));
        addressSince.keySet().forEach(key -> keys.add(HolderActivityProjection.addressKey(key)));
        for (int start = 0; start < keys.size(); start += 100) {
            List<String> chunk = keys.subList(start, Math.min(keys.size(), start + 100));
            for (RecordChanges changes :
                    mongo.find(Query.query(Criteria.where("_id").in(chunk)), RecordChanges.class)) {
                Instant since = changes.id().startsWith("record|")
                        ? recordSince.getOrDefault(changes.id().substring("record|".length()), Instant.EPOCH)
                        : addressSince.getOrDefault(changes.id().substring("address|".length()), Instant.EPOCH);
                for (Change change : changes.changes()) {
                    if (change.at() != null && !change.at().isBefore(since)) {
                        entries.add(new Entry(
                                change.at(),
                                change.kind(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                change.recordId(),
                                change.what(),
                                change.reason(),
                                1,
                                change.at()));
                    }
                }
            }
        }

        // the account's addresses unbound, and why
        for (AccountHistory.Entry event :
                history.of(accountId, Optional.empty()).events()) {
            if ("EmailDisassociated".equals(event.type())) {
                Object email = event.details() == null ? null : event.details().get("email");
                entries.add(new Entry(
                        event.occurredAt(),
                        "UNBOUND",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        email == null ? null : String.valueOf(email),
                        event.reason(),
                        1,
                        event.occurredAt()));
            }
        }

        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        List<ShareLinkOpenings> links = new ArrayList<>(openings.values());
        links.sort(Comparator.comparing(ShareLinkOpenings::lastOpenedAt).reversed());
        return new Activity(accountId, from, to, links, entries);
    }

    private static Instant since(Instant activatedAt) {
        return activatedAt == null ? Instant.EPOCH : activatedAt;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
