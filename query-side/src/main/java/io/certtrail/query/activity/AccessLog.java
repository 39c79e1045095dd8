package io.certtrail.query.activity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who looked at a holder's records (rule 29): each public verification of a certificate, each
 * opening of a share link, each partner administrator's read of the employee list. Written as the
 * access happens (one {@code $push} by {@code _id}, so the holder sees it at once), in one document
 * per subject and day, read back by {@code _id}. The client is kept as its network only (IPv4 /24,
 * IPv6 /48), never its full address. Not events: looking changes nothing, and the store would grow
 * with every anonymous visitor; the records are kept beside the views, not rebuilt from the store.
 */
@Component
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.%\\w]*");

    private final MongoTemplate mongo;
    private final Clock clock;

    AccessLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
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

    /**
     * @param network the client's network (203.0.113.0/24), for anonymous accesses
     * @param actor the partner administrator (their address, else their account)
     * @param subject the certificate number, the share link, or the company
     * @param accountIds for a partner's read, the employees shown; null: every employee (an export)
     */
    @Document(AccessDay.COLLECTION)
    record AccessDay(@Id String id, List<Access> entries) {
        static final String COLLECTION = "access_log";

        static String id(String key, LocalDate day) {
            return key + "|" + day;
        }
    }

    public record Access(
            Instant at,
            Kind kind,
            String network,
            String actor,
            String subject,
            String what,
            List<String> accountIds) {}

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
                        now(), Kind.CERTIFICATE_VERIFIED, network(clientAddress), null, certificateNumber, null, null));
    }

    public void shareLinkOpened(String accountId, String linkId, String clientAddress) {
        add(
                accountKey(accountId),
                new Access(now(), Kind.SHARE_LINK_OPENED, network(clientAddress), null, linkId, null, null));
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
                        accountIds == null ? null : List.copyOf(accountIds)));
    }

    /**
     * Keeping the record must not cost the visitor their answer: a failed write is logged (without
     * the client) and counted by the log level, and the access goes unrecorded.
     */
    private void add(String key, Access access) {
        try {
            mongo.upsert(
                    Query.query(Criteria.where("_id").is(AccessDay.id(key, day(access.at())))),
                    new Update().push("entries", access),
                    AccessDay.class);
        } catch (RuntimeException e) {
            log.warn("An access of kind {} could not be recorded: {}", access.kind(), e.toString());
        }
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
