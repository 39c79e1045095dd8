package io.certtrail.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.certtrail.command.catalogue.CatalogueCommands;
import io.certtrail.command.certificate.CertificateCommands;
import io.certtrail.command.expiry.ExpiryCommands;
import io.certtrail.command.expiry.HeldCertificate;
import io.certtrail.command.expiry.RenewalRules;
import io.certtrail.command.partner.MembershipCommands;
import io.certtrail.events.account.AccountHolderNamed;
import io.certtrail.events.account.AssociationMethod;
import io.certtrail.events.account.EmailActivated;
import io.certtrail.events.account.EmailAssociationRequested;
import io.certtrail.events.address.AddressClaimed;
import io.certtrail.events.catalogue.CertificationDefined;
import io.certtrail.events.certificate.CertificateApplied;
import io.certtrail.events.certificate.CertificateApproved;
import io.certtrail.events.certificate.CertificateFormat;
import io.certtrail.events.certificate.MailingInformation;
import io.certtrail.events.certificate.PackageShipped;
import io.certtrail.events.partner.MembershipApproved;
import io.certtrail.events.partner.MembershipRequested;
import io.certtrail.events.records.CertificationEarned;
import io.certtrail.events.records.CertificationNoted;
import io.certtrail.events.records.CertificationRecorded;
import io.certtrail.events.records.CertificationRenewed;
import io.certtrail.events.records.ExamResult;
import io.certtrail.events.records.ExamResultRecorded;
import io.certtrail.events.records.TrainingCompletion;
import io.certtrail.events.records.TrainingRecorded;
import io.certtrail.platform.axon.AxonInfrastructureConfiguration;
import io.certtrail.platform.axon.H2EventTableFactory;
import io.certtrail.platform.certificates.DefaultCatalogue;
import io.certtrail.platform.privacy.AddressKeys;
import io.certtrail.platform.time.WorkingDays;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Writes the data set straight into an event store file, in the stored format and with the
 * sequence numbers the aggregates themselves would produce: for each account, a holder name, an
 * association request, the ownership claim and the activation (a fifth of the accounts have a
 * second address); then the records, in random order across addresses, as integrations send them,
 * and the holders' applications for some of their certificates (nine in ten electronic and approved,
 * one in ten paper, half of those shipped), never for the accounts that sign in during the run, so
 * theirs are left to apply for under load.
 * Every timestamp lies months in the past, so the link mailer (which skips expired requests) sends
 * nothing for them. Certificates are associate or professional levels of four tracks (one track per
 * account), so professional ones renew associate ones, written as the domain's own renewal rules
 * decide; a few certificates expire around the end of 2026 (the expiry schedule's reminders), and the
 * office's catalogue has definitions of its own. Deterministic: the same preset writes the same events.
 */
final class Seeder {

    static final Instant BASE = Instant.parse("2026-01-05T08:00:00Z");
    private static final int BATCH = 2_000;

    private final Preset preset;
    private final AddressKeys addressKeys;
    private final Random random = new Random(20261122);
    private final int[] certificationsOf;
    private int applications;
    /** Each address's certificates, as its HeldCertifications aggregate holds them, and its next sequence number. */
    private final Map<String, Map<String, HeldCertificate>> held = new HashMap<>();

    private final Map<String, long[]> heldSequence = new HashMap<>();
    private long renewals;
    private final List<String[]> appliedSamples = new ArrayList<>();

    Seeder(Preset preset, String addressKeySecret) {
        this.preset = preset;
        this.addressKeys = new AddressKeys(addressKeySecret);
        this.certificationsOf = new int[preset.accounts()];
    }

    /** How many renewals the seeded certificates caused. */
    long renewals() {
        return renewals;
    }

    /** How many certifications the seeded events give this account: what its My Certificates must show. */
    int certificationsOf(int account) {
        return certificationsOf[account];
    }

    /** Partner companies of skewed size: the first has the preset's largest size, each next one half the one before. */
    static final int COMPANIES = 10;

    static String companyId(int company) {
        return "bench-co-" + company;
    }

    /** How many employees company {@code company} gets: the largest size, halved for each next company, at least one. */
    int companySize(int company) {
        return Math.max(1, preset.largestCompany() >> company);
    }

    /** Up to 20 seeded applications as {certificate number, name printed}: public verification must confirm them. */
    List<String[]> appliedSamples() {
        return appliedSamples;
    }

    static String accountId(int account) {
        return "bench-acct-" + account;
    }

    static String email(int account, int address) {
        return address == 0 ? "holder" + account + "@bench.example" : "holder" + account + ".work@bench.example";
    }

    static boolean hasSecondAddress(int account) {
        return account % 5 == 0;
    }

    /** The account holder's given name, as the identity provider states it. */
    static String firstName(int account) {
        return "Holder";
    }

    /**
     * The account holder's family name: letters only (a printed name holds no digits), one per
     * account. The benchmark's holders print their own name, so no application waits for the office.
     */
    static String lastName(int account) {
        StringBuilder letters = new StringBuilder();
        int n = account;
        do {
            letters.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }

    /** The name printed on the account's certificates: the holder's own. */
    static String printedName(int account) {
        return firstName(account) + " " + lastName(account);
    }

    record Seeded(long events, Duration took) {}

    Seeded seed(Path dataDir) {
        long started = System.nanoTime();
        long written = 0;
        try (HikariDataSource dataSource = eventStore(dataDir)) {
            JdbcEventStorageEngine engine = engine(dataSource, 100);
            engine.createSchema(new H2EventTableFactory());
            List<EventMessage<?>> batch = new ArrayList<>(BATCH + 8);
            catalogueEvents(batch);
            for (int account = 0; account < preset.accounts(); account++) {
                accountEvents(account, batch);
                if (batch.size() >= BATCH) {
                    written += flush(engine, batch);
                }
            }
            int employee = preset.users(); // the accounts that sign in during the run stay out of companies
            for (int company = 0; company < COMPANIES; company++) {
                for (int i = 0; i < companySize(company) && employee < preset.accounts(); i++, employee++) {
                    membershipEvents(employee, company, batch);
                    if (batch.size() >= BATCH) {
                        written += flush(engine, batch);
                    }
                }
            }
            for (int record = 0; record < preset.records(); record++) {
                recordEvents(record, batch);
                if (batch.size() >= BATCH) {
                    written += flush(engine, batch);
                }
            }
            written += flush(engine, batch);
            try (var connection = dataSource.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Seeded(written, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The rebuild's limit: how fast the seeded events can merely be read from the store and
     * deserialised (payload and metadata), in one thread, as a processor reads them (1,000 a query).
     */
    static double readLimit(Path dataDir, long events) {
        try (HikariDataSource dataSource = eventStore(dataDir)) {
            JdbcEventStorageEngine engine = engine(dataSource, 1000);
            long started = System.nanoTime();
            long[] read = {0};
            try (var stream = engine.readEvents(null, false)) {
                stream.limit(events).forEach(event -> {
                    if (event.getPayload() != null && event.getMetaData() != null) {
                        read[0]++;
                    }
                });
            }
            return read[0] / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** The seeded event store, as the application opens it. */
    private static HikariDataSource eventStore(Path dataDir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("eventstore") + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    /** @param readBatch events per query when reading (Axon's default 100; the application reads 1,000) */
    static JdbcEventStorageEngine engine(HikariDataSource dataSource, int readBatch) {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(AxonInfrastructureConfiguration.storedFormat())
                .build();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(readBatch)
                .build();
    }

    private static long flush(JdbcEventStorageEngine engine, List<EventMessage<?>> batch) {
        int size = batch.size();
        if (size > 0) {
            engine.appendEvents(batch);
            batch.clear();
        }
        return size;
    }

    private void accountEvents(int account, List<EventMessage<?>> out) {
        String accountId = accountId(account);
        Instant at = BASE.plusSeconds(account * 60L);
        MetaData meta = meta(accountId, "HOLDER");
        long sequence = 0;
        out.add(event(
                "Account",
                accountId,
                sequence++,
                new AccountHolderNamed(accountId, firstName(account), lastName(account)),
                meta,
                at));
        int addresses = hasSecondAddress(account) ? 2 : 1;
        for (int address = 0; address < addresses; address++) {
            String email = email(account, address);
            String key = addressKeys.of(email);
            String requestId = UUID.nameUUIDFromBytes((accountId + "/" + address).getBytes())
                    .toString();
            Instant requested = at.plusSeconds(address * 10L);
            Instant activated = requested.plusSeconds(120);
            out.add(event(
                    "Account",
                    accountId,
                    sequence++,
                    new EmailAssociationRequested(
                            accountId,
                            requestId,
                            key,
                            email,
                            AssociationMethod.EMAIL,
                            null,
                            false,
                            requested,
                            requested.plus(Duration.ofHours(24)),
                            "2026-01"),
                    meta,
                    requested));
            out.add(event(
                    "AddressOwnership", key, 0, new AddressClaimed(key, accountId, null, activated), meta, activated));
            out.add(event(
                    "Account",
                    accountId,
                    sequence++,
                    new EmailActivated(
                            accountId, requestId, key, email, AssociationMethod.EMAIL, null, activated, null),
                    meta,
                    activated));
        }
    }

    /** Nine in ten records go to an account's address; the rest to addresses nobody has associated yet. */
    private void recordEvents(int record, List<EventMessage<?>> out) {
        int account = random.nextInt(preset.accounts());
        boolean unclaimed = random.nextInt(10) == 0;
        String email = unclaimed
                ? "unclaimed" + account + "@bench.example"
                : email(account, hasSecondAddress(account) && random.nextBoolean() ? 1 : 0);
        String key = addressKeys.of(email);
        Instant at = BASE.plus(Duration.ofDays(30)).plusSeconds(record * 5L);
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(random.nextInt(300));
        int kind = record % 10;
        String source = "S-" + record;
        if (kind < 4) {
            String recordId = "TRAINING:" + source;
            out.add(event(
                    "SourceRecord",
                    recordId,
                    0,
                    new TrainingRecorded(
                            recordId,
                            1,
                            at,
                            new TrainingCompletion(
                                    key,
                                    email,
                                    "C-" + (record % 300),
                                    "Course " + (record % 300),
                                    "Authorized Learning Partner",
                                    day.minusDays(3),
                                    day,
                                    "COMPLETED"),
                            null),
                    meta("training-system", "INTEGRATION"),
                    at));
            return;
        }
        if (kind < 8) {
            String recordId = "EXAM:" + source;
            boolean suspect = random.nextInt(100) == 0;
            out.add(event(
                    "SourceRecord",
                    recordId,
                    0,
                    new ExamResultRecorded(
                            recordId,
                            1,
                            at,
                            new ExamResult(
                                    key,
                                    email,
                                    "REG-" + record,
                                    suspect ? "Someone" : firstName(account),
                                    suspect ? "Else" : lastName(account),
                                    "H12-" + (record % 900),
                                    "HCIA-Datacom",
                                    day,
                                    400 + random.nextInt(600),
                                    random.nextInt(4) > 0),
                            null),
                    meta("exam-centre", "INTEGRATION"),
                    at));
            return;
        }
        if (!unclaimed) {
            certificationsOf[account]++;
        }
        String recordId = "CERT:" + source;
        boolean applies = !unclaimed && account >= preset.users() && applications < preset.applications();
        // one in ten of the certificates nobody applies for during the run expires around now: the
        // expiry schedule has reminders to send and expiries to state
        boolean expiringSoon = !applies && account >= preset.users() && record % 50 == 9;
        CertificationEarned earned = new CertificationEarned(
                key,
                email,
                certificationName(account, record),
                String.format("%019d", 101001000000000000L + record),
                day,
                expiringSoon ? LocalDate.ofInstant(BASE, ZoneOffset.UTC).plusDays(320 + record % 90) : day.plusYears(3),
                random.nextInt(5) == 0);
        MetaData meta = meta("certification-office", "INTEGRATION");
        out.add(event("SourceRecord", recordId, 0, new CertificationRecorded(recordId, 1, at, earned, null), meta, at));
        heldEvents(recordId, earned, meta, at, out);
        if (applies) {
            applicationEvents(account, recordId, earned, at.plusSeconds(2), out);
        }
    }

    private static final List<String> TRACKS = List.of("Datacom", "Security", "Cloud", "Storage");

    /**
     * Each account keeps to one track; one certificate in four is the professional level, which
     * renews the account's associate one of the track when it took effect while that was valid.
     */
    private static String certificationName(int account, int record) {
        return ((record / 10) % 4 == 3 ? "HCIP-" : "HCIA-") + TRACKS.get(account % TRACKS.size());
    }

    /** The catalogue the office changed: a track of its own, and the associate Datacom revived by a higher one. */
    private static final List<CertificationDefined> CATALOGUE = List.of(
            new CertificationDefined(
                    CatalogueCommands.CATALOGUE_ID,
                    "HCIA-Datacom",
                    "Datacom",
                    "ASSOCIATE",
                    36,
                    List.of(CertificateFormat.ELECTRONIC),
                    true,
                    BASE),
            new CertificationDefined(
                    CatalogueCommands.CATALOGUE_ID,
                    "HCIA-AI",
                    "AI",
                    "ASSOCIATE",
                    24,
                    List.of(CertificateFormat.ELECTRONIC),
                    false,
                    BASE),
            new CertificationDefined(
                    CatalogueCommands.CATALOGUE_ID,
                    "HCIP-AI",
                    "AI",
                    "PROFESSIONAL",
                    24,
                    List.of(CertificateFormat.ELECTRONIC),
                    false,
                    BASE));

    private static void catalogueEvents(List<EventMessage<?>> out) {
        for (int i = 0; i < CATALOGUE.size(); i++) {
            out.add(event(
                    "Catalogue",
                    CatalogueCommands.CATALOGUE_ID,
                    i,
                    CATALOGUE.get(i),
                    meta("operator-bench", "OPERATOR"),
                    BASE));
        }
    }

    private static HeldCertificate.Placement placement(String certificationName) {
        for (CertificationDefined d : CATALOGUE) {
            if (d.certificationName().equals(certificationName)) {
                return new HeldCertificate.Placement(
                        d.track(), DefaultCatalogue.LEVELS.indexOf(d.level()) + 1, d.revivesExpired());
            }
        }
        for (DefaultCatalogue.Definition d : DefaultCatalogue.definitions()) {
            if (d.certificationName().equals(certificationName)) {
                return new HeldCertificate.Placement(
                        d.track(), DefaultCatalogue.LEVELS.indexOf(d.level()) + 1, d.revivesExpired());
            }
        }
        return null;
    }

    /**
     * What the address's {@code HeldCertifications} writes for a certificate that arrives: the note,
     * then a renewal for each date the rules (the domain's own, {@link RenewalRules}) now set.
     */
    private void heldEvents(
            String recordId, CertificationEarned earned, MetaData meta, Instant at, List<EventMessage<?>> out) {
        String key = earned.addressKey();
        String holderId = ExpiryCommands.holderIdOf(key);
        Map<String, HeldCertificate> certificates = held.computeIfAbsent(key, k -> new LinkedHashMap<>());
        long[] sequence = heldSequence.computeIfAbsent(key, k -> new long[1]);
        HeldCertificate.Placement placement = placement(earned.certificationName());
        certificates.put(recordId, new HeldCertificate(recordId, earned, placement, false, null));
        out.add(event(
                "HeldCertifications",
                holderId,
                sequence[0]++,
                new CertificationNoted(
                        holderId,
                        key,
                        recordId,
                        1,
                        CertificationNoted.State.HELD,
                        earned.certificationName(),
                        earned.certificateNumber(),
                        earned.effectiveDate(),
                        earned.expirationDate(),
                        placement == null ? null : placement.track(),
                        placement == null ? null : DefaultCatalogue.LEVELS.get(placement.rank() - 1),
                        placement != null && placement.revivesExpired(),
                        earned.email(),
                        at),
                meta,
                at));
        for (HeldCertificate certificate : List.copyOf(certificates.values())) {
            RenewalRules.Outcome outcome = RenewalRules.expiryOf(certificate, certificates.values());
            if (outcome.cause() == null || outcome.expirationDate().equals(certificate.expirationDate())) {
                continue;
            }
            out.add(event(
                    "HeldCertifications",
                    holderId,
                    sequence[0]++,
                    new CertificationRenewed(
                            holderId,
                            key,
                            certificate.recordId(),
                            certificate.earned().certificateNumber(),
                            certificate.name(),
                            certificate.expirationDate(),
                            outcome.expirationDate(),
                            outcome.rule(),
                            outcome.cause().recordId(),
                            outcome.cause().earned().certificateNumber(),
                            outcome.cause().name(),
                            at),
                    meta,
                    at));
            certificates.put(certificate.recordId(), certificate.renewedTo(outcome.expirationDate()));
            renewals++;
        }
    }

    private static void membershipEvents(int account, int company, List<EventMessage<?>> out) {
        String accountId = accountId(account);
        String membershipId = MembershipCommands.membershipIdFor(accountId);
        Instant at = BASE.plus(Duration.ofDays(20)).plusSeconds(account);
        out.add(event(
                "PartnerMembership",
                membershipId,
                0,
                new MembershipRequested(accountId, companyId(company), at),
                meta(accountId, "HOLDER"),
                at));
        out.add(event(
                "PartnerMembership",
                membershipId,
                1,
                new MembershipApproved(accountId, companyId(company), "bench-admin-" + company, at.plusSeconds(3600)),
                meta("bench-admin-" + company, "PARTNER_ADMIN"),
                at.plusSeconds(3600)));
    }

    private void applicationEvents(
            int account, String recordId, CertificationEarned earned, Instant at, List<EventMessage<?>> out) {
        int n = applications++;
        String accountId = accountId(account);
        String applicationId = CertificateCommands.applicationIdFor(recordId);
        boolean paper = n % 10 == 0;
        String name = printedName(account);
        if (appliedSamples.size() < 20) {
            appliedSamples.add(new String[] {earned.certificateNumber(), name});
        }
        MetaData meta = meta(accountId, "HOLDER");
        out.add(event(
                "CertificateApplication",
                applicationId,
                0,
                new CertificateApplied(
                        applicationId,
                        accountId,
                        recordId,
                        earned.certificateNumber(),
                        earned.certificationName(),
                        earned.effectiveDate(),
                        earned.expirationDate(),
                        earned.addressKey(),
                        earned.email(),
                        paper ? CertificateFormat.PAPER : CertificateFormat.ELECTRONIC,
                        name,
                        "+49 30 1234567",
                        paper
                                ? new MailingInformation(
                                        name, "+49 30 1234567", "Musterstrasse " + n + "\n10115 Berlin")
                                : null,
                        "2026-01",
                        WorkingDays.next(earned.effectiveDate()),
                        at,
                        false),
                meta,
                at));
        out.add(event(
                "CertificateApplication",
                applicationId,
                1,
                new CertificateApproved(
                        applicationId,
                        accountId,
                        earned.certificateNumber(),
                        true,
                        at,
                        earned.email(),
                        paper ? CertificateFormat.PAPER : CertificateFormat.ELECTRONIC),
                meta,
                at));
        if (paper && n % 20 == 0) {
            out.add(event(
                    "CertificateApplication",
                    applicationId,
                    2,
                    new PackageShipped(
                            applicationId,
                            accountId,
                            earned.certificateNumber(),
                            "DHL",
                            "JD" + (1_000_000_000L + n),
                            earned.email(),
                            at.plusSeconds(60),
                            null),
                    meta("logistics", "INTEGRATION"),
                    at.plusSeconds(60)));
        }
    }

    private static MetaData meta(String actor, String role) {
        String correlation = UUID.randomUUID().toString();
        return MetaData.from(Map.of(
                AxonInfrastructureConfiguration.ACTOR,
                actor,
                AxonInfrastructureConfiguration.ACTOR_ROLE,
                role,
                AxonInfrastructureConfiguration.CLIENT_ADDRESS,
                "127.0.0.1",
                "correlationId",
                correlation,
                "traceId",
                correlation));
    }

    private static EventMessage<?> event(
            String type, String aggregateId, long sequence, Object payload, MetaData meta, Instant at) {
        return new GenericDomainEventMessage<>(
                type, aggregateId, sequence, payload, meta, UUID.randomUUID().toString(), at);
    }
}
