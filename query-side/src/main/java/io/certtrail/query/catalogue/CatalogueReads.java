package io.certtrail.query.catalogue;

import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.platform.certificates.DefaultCatalogue;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalogue as read: the shipped defaults, each replaced by the office's own definition of the
 * same name, and the certifications that records stated but the catalogue lacks (the records are
 * kept and shown all the same; the office is shown them to define them).
 */
@Component
public class CatalogueReads {

    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private final MongoTemplate mongo;
    /**
     * The catalogue by name, read again at most every ten seconds: it changes rarely, and reading it
     * on every request was a query more per page (the benchmark's partner figure). A change reaches
     * the readers within that time.
     */
    private volatile Map<String, Certification> byName = Map.of();

    private volatile long readAt = Long.MIN_VALUE;

    CatalogueReads(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The catalogue by exact name, as read at most ten seconds ago. */
    public Map<String, Certification> byName() {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt > CACHE_NANOS) {
            Map<String, Certification> read = new java.util.HashMap<>();
            catalogue().forEach(c -> read.put(c.certificationName(), c));
            byName = Map.copyOf(read);
            readAt = now;
        }
        return byName;
    }

    /**
     * @param definedBy DEFAULT (shipped) or OFFICE (defined over the API, audited)
     * @param definedAt for the office's definitions, when
     */
    public record Certification(
            String certificationName,
            String track,
            String level,
            int validityMonths,
            List<CertificateFormat> formats,
            boolean revivesExpired,
            String definedBy,
            Instant definedAt) {}

    /** @param exampleRecordId a record that states it */
    public record Unknown(String certificationName, String exampleRecordId, Instant firstRecordedAt) {}

    public List<Certification> catalogue() {
        Map<String, Certification> byName = new TreeMap<>();
        for (DefaultCatalogue.Definition d : DefaultCatalogue.definitions()) {
            byName.put(
                    d.certificationName(),
                    new Certification(
                            d.certificationName(),
                            d.track(),
                            d.level(),
                            d.validityMonths(),
                            d.formats(),
                            d.revivesExpired(),
                            "DEFAULT",
                            null));
        }
        for (CatalogueEntry e : mongo.findAll(CatalogueEntry.class)) {
            byName.put(
                    e.certificationName(),
                    new Certification(
                            e.certificationName(),
                            e.track(),
                            e.level(),
                            e.validityMonths(),
                            e.formats(),
                            e.revivesExpired(),
                            "OFFICE",
                            e.definedAt()));
        }
        return byName.values().stream()
                .sorted(Comparator.comparing(Certification::track)
                        .thenComparing(c -> DefaultCatalogue.LEVELS.indexOf(c.level()))
                        .thenComparing(Certification::certificationName))
                .toList();
    }

    public List<Unknown> unknown() {
        java.util.Set<String> known = new java.util.HashSet<>();
        catalogue().forEach(c -> known.add(c.certificationName()));
        return mongo.findAll(RecordedCertification.class).stream()
                .filter(r -> !known.contains(r.certificationName()))
                .sorted(Comparator.comparing(RecordedCertification::firstRecordedAt)
                        .thenComparing(RecordedCertification::certificationName))
                .map(r -> new Unknown(r.certificationName(), r.exampleRecordId(), r.firstRecordedAt()))
                .toList();
    }
}
