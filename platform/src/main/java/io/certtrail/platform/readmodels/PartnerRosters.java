package io.certtrail.platform.readmodels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The partner view's rosters: each company's employees as compact rows, written by the query side's
 * {@code PartnerViewProjection}; the command side reads them for the partner administrators' weekly
 * digest of certificates about to expire.
 */
public final class PartnerRosters {

    /**
     * Employees of a company are spread over up to this many roster documents: small enough that
     * rewriting one (the embedded wire server rewrites a document whole on every change) stays cheap
     * for a company of ten thousand, few enough to read them all by key.
     */
    public static final int BUCKETS = 64;

    private PartnerRosters() {}

    public static int bucketOf(String accountId) {
        return Math.floorMod(accountId.hashCode(), BUCKETS);
    }

    public static String rosterId(String companyId, int bucket) {
        return companyId + "#" + bucket;
    }

    /**
     * Up to one {@link #BUCKETS}th of a company's employees, each as a compact row: what filtering,
     * sorting and counting need, and no more, so a page of a company of ten thousand reads little.
     */
    @Document("partner_rosters")
    public record Roster(@Id String id, String companyId, List<Employee> employees) {
        public Roster {
            employees = employees == null ? new ArrayList<>() : new ArrayList<>(employees);
        }
    }

    /**
     * @param certifications the certificates held: name, expiry, revocation
     * @param courses the training courses completed, by code and by name
     */
    public record Employee(
            String accountId,
            String firstName,
            String lastName,
            Instant memberSince,
            List<Held> certifications,
            List<String> courses) {}

    public record Held(String certificationName, LocalDate expirationDate, Instant revokedAt) {}

    /**
     * Which roster buckets a company uses (so a small company's view reads one or two documents, not
     * all), each with a version that moves whenever the bucket is rewritten: readers keep buckets
     * they have read and read again only those whose version moved.
     *
     * @param buckets bucket number (as text, as MongoDB keys are) to version
     */
    @Document("partner_companies")
    public record Company(@Id String companyId, Map<String, Long> buckets) {
        public Company {
            buckets = buckets == null ? new TreeMap<>() : new TreeMap<>(buckets);
        }
    }

    /** Every employee of the company, read bucket by bucket (by {@code _id}). */
    public static List<Employee> employees(MongoOperations mongo, String companyId) {
        List<Employee> employees = new ArrayList<>();
        Company company = mongo.findById(companyId, Company.class);
        if (company == null) {
            return employees;
        }
        for (String bucket : company.buckets().keySet()) {
            Roster roster = mongo.findById(rosterId(companyId, Integer.parseInt(bucket)), Roster.class);
            if (roster != null && companyId.equals(roster.companyId())) {
                employees.addAll(roster.employees());
            }
        }
        return employees;
    }
}
