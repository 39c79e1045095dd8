package io.certtrail.query.activity;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who looked at a holder's records (rule 29): each public verification of a certificate, each
 * opening of a share link, each partner administrator's read of the employee list. The client is
 * kept as its network only (IPv4 /24, IPv6 /48), never its full address. Not events: looking
 * changes nothing, and the store would grow with every anonymous visitor; the records are kept
 * beside the views, not rebuilt from the store.
 *
 * <p>Written behind the request: accesses wait here at most {@link #FLUSH_MILLIS} and are then
 * written together, one {@code $push} by {@code _id} per subject and day, identical accesses of the
 * window (the same administrator paging through the list) as one entry with their count and first
 * and last moment. Measured with the benchmark: one write per read, 32 readers pushing into one
 * company's document, took the partner view from 0.22 to 0.13 of its floor. The price: a crash
 * loses the accesses of the last fraction of a second.
 */
@Component
public class AccessLog {

    static final long FLUSH_MILLIS = 200;

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.%\\w]*");

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Object lock = new Object();
    private Map<Group, Access> pending = new LinkedHashMap<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "access-log-writer");
        thread.setDaemon(true);
        return thread;
    });

    AccessLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        writer.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** What was accessed, by whom. */
    public enum Kind {
        /** Anyone checked the certificate by its number. */
        CERTIFICATE_VERIFIED,
        /** A visitor opened the holder's share link. */
        SHARE_LINK_OPENED,
        /** A partner administrator read the company's employees, this holder among them. */
        PARTNER_READ
    }

    @Document(AccessDay.COLLECTION)
    record AccessDay(@Id String id, List<Access> entries) {
        static final String COLLECTION = "access_log";

        static String id(String key, LocalDate day) {
            return key + "|" + day;
        }
    }

    /**
     * @param at the first of these accesses
     * @param network the client's network (203.0.113.0/24), for anonymous accesses
     * @param actor the partner administrator (their address, else their account)
     * @param subject the certificate number, the share link, or the company
     * @param accountIds for a partner's read, the employees shown; null: every employee (an export)
     * @param count how many identical accesses this entry stands for (null: one)
     * @param lastAt the last of them (null: the first)
     */
    public record Access(
            Instant at,
            Kind kind,
            String network,
            String actor,
            String subject,
            String what,
            List<String> accountIds,
            Integer count,
            Instant lastAt) {

        int times() {
            return count == null ? 1 : count;
        }

        Instant last() {
            return lastAt == null ? at : lastAt;
        }
    }

    /** Accesses merged in one window: the same subject's bucket, kind, client or actor, and what. */
    private record Group(
            String bucket, Kind kind, String network, String actor, String subject, String what, boolean all) {}

    static String certificateKey(String number) {
        return "certificate|" + number;
    }

    static String accountKey(String accountId) {
        return "account|" + accountId;
    }

    static String companyKey(String companyId) {
        return "company|" + companyId;
    }

    public void certificateVerified(String certificateNumber, String clientAddress) {
        add(
                certificateKey(certificateNumber),
                new Access(
                        now(),
                        Kind.CERTIFICATE_VERIFIED,
                        network(clientAddress),
                        null,
                        certificateNumber,
                        null,
                        null,
                        null,
                        null));
    }

    public void shareLinkOpened(String accountId, String linkId, String clientAddress) {
        add(
                accountKey(accountId),
                new Access(
                        now(), Kind.SHARE_LINK_OPENED, network(clientAddress), null, linkId, null, null, null, null));
    }

    /** @param accountIds the employees whose records were shown; null: all of them */
    public void partnerRead(String companyId, String administrator, String what, Collection<String> accountIds) {
        add(
                companyKey(companyId),
                new Access(
                        now(),
                        Kind.PARTNER_READ,
                        null,
                        administrator,
                        companyId,
                        what,
                        accountIds == null ? null : List.copyOf(accountIds),
                        null,
                        null));
    }

    private void add(String key, Access access) {
        Group group = new Group(
                AccessDay.id(key, day(access.at())),
                access.kind(),
                access.network(),
                access.actor(),
                access.subject(),
                access.what(),
                access.accountIds() == null);
        synchronized (lock) {
            pending.merge(group, access, AccessLog::merged);
        }
    }

    private static Access merged(Access first, Access next) {
        List<String> shown = null;
        if (first.accountIds() != null) {
            java.util.Set<String> union = new java.util.LinkedHashSet<>(first.accountIds());
            union.addAll(next.accountIds());
            shown = List.copyOf(union);
        }
        return new Access(
                first.at(),
                first.kind(),
                first.network(),
                first.actor(),
                first.subject(),
                first.what(),
                shown,
                first.times() + next.times(),
                next.last());
    }

    /**
     * Writes what waits: one bulk write, a {@code $push} per subject and day. A failed write is
     * logged (without the clients) and those accesses go unrecorded: recording them must never
     * cost a visitor their answer.
     */
    void flush() {
        Map<Group, Access> written;
        synchronized (lock) {
            if (pending.isEmpty()) {
                return;
            }
            written = pending;
            pending = new LinkedHashMap<>();
        }
        Map<String, List<org.bson.Document>> byBucket = new LinkedHashMap<>();
        written.forEach((group, access) -> {
            org.bson.Document entry = new org.bson.Document();
            mongo.getConverter().write(access, entry);
            entry.remove("_class");
            byBucket.computeIfAbsent(group.bucket(), b -> new ArrayList<>()).add(entry);
        });
        List<UpdateOneModel<org.bson.Document>> updates = new ArrayList<>();
        byBucket.forEach((bucket, entries) -> updates.add(new UpdateOneModel<>(
                Filters.eq("_id", bucket), Updates.pushEach("entries", entries), new UpdateOptions().upsert(true))));
        try {
            mongo.getCollection(AccessDay.COLLECTION).bulkWrite(updates, new BulkWriteOptions().ordered(false));
        } catch (RuntimeException e) {
            log.warn("{} accesses could not be recorded: {}", written.size(), e.toString());
        }
    }

    @PreDestroy
    void close() {
        writer.shutdown();
        flush();
    }

    /** The accesses under these keys on these days, oldest first. */
    List<Access> of(Collection<String> keys, LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        for (String key : keys) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                ids.add(AccessDay.id(key, day));
            }
        }
        List<Access> found = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += 100) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + 100));
            for (AccessDay day : mongo.find(Query.query(Criteria.where("_id").in(chunk)), AccessDay.class)) {
                found.addAll(day.entries());
            }
        }
        found.sort(java.util.Comparator.comparing(Access::at));
        return found;
    }

    /** The client's network, never its address: IPv4 to /24, IPv6 to /48; anything else "unknown". */
    static String network(String clientAddress) {
        if (clientAddress == null) {
            return "unknown";
        }
        String address = clientAddress.strip();
        try {
            if (IPV4.matcher(address).matches()) {
                byte[] bytes = InetAddress.getByName(address).getAddress();
                return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
            }
            if (IPV6.matcher(address).matches()) {
                // a literal: no name is looked up
                byte[] bytes =
                        InetAddress.getByName(address.replaceAll("%.*$", "")).getAddress();
                if (bytes.length == 4) {
                    return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
                }
                return String.format(
                        "%x:%x:%x::/48",
                        ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff),
                        ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff),
                        ((bytes[4] & 0xff) << 8) | (bytes[5] & 0xff));
            }
        } catch (UnknownHostException e) {
            // not an address after all
        }
        return "unknown";
    }

    private Instant now() {
        return clock.instant();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
