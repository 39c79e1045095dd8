package io.certtrail.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The benchmark: measures the machine's raw limits, seeds the data set into a fresh event store,
 * starts the all-in-one jar on it (the catch-up of every read model from nothing is the rebuild),
 * then drives it over HTTP with bearer tokens from its identity provider, and prints a table.
 *
 * <pre>./mvnw -Pbenchmark -pl benchmark -am verify -DskipTests [-Dbenchmark.preset=full|medium|smoke]</pre>
 */
public final class Benchmark {

    static {
        // the production shape's H2 TCP server listens on the loopback address only; H2 reads this
        // once, when it is first used, which is after this class is loaded
        System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    static final String ADDRESS_KEY_SECRET = "benchmark-address-key-secret";
    private static final String PASSWORD = "bench-pass";

    private final Preset preset;
    private final Path jar;
    private final Path work;
    private final Report report;
    private final PrintStream log;

    private boolean rebuildOnly;
    private boolean productionShape = true;

    Benchmark(Preset preset, Path jar, Path work, PrintStream log) {
        this.preset = preset;
        this.jar = jar;
        this.work = work;
        this.log = log;
        this.report = new Report(preset);
    }

    public static void main(String[] args) throws Exception {
        Preset preset = Preset.named(args.length > 0 ? args[0] : "full");
        Path jar = Path.of("all-in-one", "target", "certtrail-exec.jar");
        Path work = Files.createTempDirectory("certtrail-benchmark-");
        try {
            Benchmark benchmark = new Benchmark(preset, jar, work, System.out);
            // "rebuild": seed, rebuild and check the read models, then stop (profiling a rebuild)
            benchmark.rebuildOnly = args.length > 1 && "rebuild".equals(args[1]);
            // "embedded": without the production shape (the full preset's would take hours)
            benchmark.productionShape = args.length < 3 || args[2].contains("production");
            Report report = benchmark.run();
            if (benchmark.rebuildOnly) {
                report.printRebuild(System.out);
            } else if (!preset.soak().isZero()) {
                report.printSoak(System.out);
            } else {
                report.print(System.out);
            }
            // the full preset leaves tens of gigabytes of stores behind: only a failed run keeps them
            deleteRecursively(work);
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.err.println("The benchmark failed; its files are in " + work);
            System.exit(1);
        }
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    Report run() throws Exception {
        progress("raw limits on scratch files in %s", work);
        report.raw =
                RawLimits.measure(Files.createDirectories(work.resolve("raw")), Math.min(100_000, preset.records()));
        progress("seeding %,d accounts and %,d records", preset.accounts(), preset.records());
        Seeder seeder = new Seeder(preset, ADDRESS_KEY_SECRET);
        report.seeded = seeder.seed(Files.createDirectories(work.resolve("data")));
        progress(
                "seeded %,d events in %.1f s (%,d renewals among them)",
                report.seeded.events(), report.seeded.took().toMillis() / 1000.0, seeder.renewals());
        report.readLimit = Seeder.readLimit(work.resolve("data"), report.seeded.events());
        progress("read and deserialised them again at %,.0f events/s (the rebuild's limit)", report.readLimit);
        // the seeded store as it is now, for the production shape's rebuild after the embedded run
        ProductionShape production = ProductionShape.prepare(
                work,
                jar.toAbsolutePath().getParent().getParent().getParent(),
                work.resolve("data").resolve("eventstore.mv.db"));
        try {
            embedded(seeder);
        } catch (Exception | Error e) {
            production.close();
            throw e;
        }
        if (preset.soak().isZero() && productionShape) {
            productionRebuild(production, seeder);
        } else {
            production.close();
        }
        return report;
    }

    private void embedded(Seeder seeder) throws Exception {
        try (SmtpSink mail = new SmtpSink();
                AppUnderTest app = AppUnderTest.start(jar, work, preset.appHeap(), settings(mail))) {
            app.awaitHealthy(Duration.ofMinutes(3));
            report.startedIn = app.sinceLaunch();
            Api api = new Api(app.baseUrl());
            String operator = api.token("oscar", PASSWORD);
            awaitCaughtUp(api, operator, report.seeded.events(), Duration.ofHours(3));
            report.rebuild = app.sinceLaunch();
            report.storeAfterRebuild = app.readModelStoreMegabytes();
            report.liveAfterRebuild = app.liveDataMegabytes();
            progress(
                    "read models rebuilt: %,d events in %.1f s",
                    report.seeded.events(), report.rebuild.toMillis() / 1000.0);
            List<String> holders = new ArrayList<>();
            for (int user = 0; user < preset.users(); user++) {
                holders.add(api.token("bench" + user, PASSWORD));
            }
            String auditor = api.token("audrey", PASSWORD);
            checkReadModels(api, seeder, holders);
            checkVerification(api, seeder);
            if (rebuildOnly) {
                return;
            }
            // The JIT has compiled the projections during the rebuild, not yet the web paths: a first
            // step measured cold spent a fifth of the CPU in the compiler. This load is not reported.
            progress("warming up for %d s", preset.warmUp().toSeconds());
            warmUp(api, holders, operator);
            if (!preset.soak().isZero()) {
                soak(app, api, holders, operator);
                return;
            }
            for (int rate : preset.rates()) {
                // every step starts from caught-up projections, so no step pays for the one before
                awaitCaughtUp(api, operator, 0, Duration.ofMinutes(10));
                double appCpu = app.cpuSeconds();
                double ownCpu = ownCpuSeconds();
                Step step = associationStep(api, holders, rate, preset.step());
                step.appCpuPerFlowMs = (app.cpuSeconds() - appCpu) * 1000 / Math.max(1, step.flow.count());
                step.driverCpuPerFlowMs = (ownCpuSeconds() - ownCpu) * 1000 / Math.max(1, step.flow.count());
                report.steps.add(step);
                progress(
                        "%,d/s offered: %,.0f/s done, p99 %.1f ms, lag p99 %.1f ms, %d failed%s%s",
                        rate,
                        step.achieved,
                        step.flow.ms(99),
                        step.lag.ms(99),
                        step.flow.failures(),
                        step.firstError.get() == null ? "" : " (" + step.firstError.get() + ")",
                        step.firstLagError.get() == null ? "" : "; a lag probe: " + step.firstLagError.get());
                if (step.flow.ms(99) > Preset.P99_BOUND_MS) {
                    break;
                }
            }
            report.activations = activations(api, mail);
            awaitCaughtUp(api, operator, 0, Duration.ofMinutes(10));
            report.applications = applications(api, holders, preset.rates().get(0), preset.step());
            progress(
                    "certificate applications: %,d done, p99 %.1f ms, %d failed%s",
                    report.applications.count(),
                    report.applications.ms(99),
                    report.applications.failures(),
                    report.firstApplicationError.get() == null ? "" : " (" + report.firstApplicationError.get() + ")");
            awaitCaughtUp(api, operator, 0, Duration.ofMinutes(10));
            Random random = new Random(5);
            // the floor: an authenticated request that reads nothing (the JWT checked, the role refused), the same
            // readers
            report.floor = readers(
                    api,
                    user -> holders.get(random.nextInt(holders.size())),
                    user -> "/api/audit/events",
                    preset.queryTime(),
                    preset.readers(),
                    403);
            report.myCertificates = readers(
                    api,
                    user -> holders.get(random.nextInt(holders.size())),
                    user -> "/api/me/certificates?size=20",
                    preset.queryTime());
            report.auditHistory = readers(
                    api,
                    user -> auditor,
                    user -> "/api/audit/accounts/" + Seeder.accountId(random.nextInt(preset.accounts())) + "/events",
                    preset.queryTime());
            // the partner view: admins of all companies, most of the load on the largest ones, as in life
            List<String> admins = new ArrayList<>();
            for (int company = 0; company < Seeder.COMPANIES; company++) {
                admins.add(api.token("admin" + company, PASSWORD));
            }
            checkPartnerView(api, seeder, admins);
            report.partnerView = readers(
                    api,
                    user -> admins.get(Math.min(
                            Seeder.COMPANIES - 1,
                            Integer.numberOfTrailingZeros(random.nextInt() | (1 << (Seeder.COMPANIES - 1))))),
                    user -> "/api/partner/employees?size=20",
                    preset.queryTime());
            report.largestCompany = seeder.companySize(0);
            // one reader, nothing else running: how long one answer takes, not how many fit on two cores
            report.largestCompanyAlone = readers(
                    api, user -> admins.get(0), user -> "/api/partner/employees?size=20", preset.queryTime(), 1);
            report.auditHistoryAlone = readers(
                    api,
                    user -> auditor,
                    user -> "/api/audit/accounts/" + Seeder.accountId(random.nextInt(preset.accounts())) + "/events",
                    preset.queryTime(),
                    1);
            report.imports = imports(api, operator);
            report.heap = app.heapMegabytes();
            report.rss = app.rssMegabytes();
            report.storeAtEnd = app.readModelStoreMegabytes();
            report.mails = mail.received();
        }
    }

    /**
     * The same rebuild in the production shape (see {@link ProductionShape}), after the embedded run
     * has stopped, so neither shares the cores with the other.
     */
    private void productionRebuild(ProductionShape production, Seeder seeder) throws Exception {
        try (production) {
            progress(
                    "production shape: %d query sides on stand-ins (H2 over TCP, the wire server in memory)",
                    ProductionShape.QUERY_SIDES);
            production.start(ADDRESS_KEY_SECRET);
            String operator = new Api(production.issuer()).token("oscar", "oscar-demo");
            List<Api> instances = new ArrayList<>();
            for (int instance = 0; instance < ProductionShape.QUERY_SIDES; instance++) {
                instances.add(new Api(production.baseUrl(instance)));
            }
            awaitAllCaughtUp(instances, operator, report.seeded.events(), Duration.ofHours(3));
            report.productionRebuild = production.sinceLaunch();
            report.productionCpuSeconds = production.queryCpuSinceStarted();
            for (Api instance : instances) {
                checkVerification(instance, seeder);
            }
            progress(
                    "production shape: read models rebuilt in %.1f s, %.1f CPU seconds in the query sides once started",
                    report.productionRebuild.toMillis() / 1000.0, report.productionCpuSeconds);
        }
    }

    /**
     * Every processor's segments claimed by one instance or another, and every instance at the head
     * with the segments it holds (each instance reports only its own).
     */
    private void awaitAllCaughtUp(List<Api> instances, String operator, long minHead, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastLog = System.nanoTime();
        Map<String, Long> erring = new HashMap<>();
        while (true) {
            Map<String, Set<Integer>> claimed = new HashMap<>();
            boolean done = true;
            long slowest = Long.MAX_VALUE;
            for (Api instance : instances) {
                JsonNode status = instance.get("/api/operator/projections", operator);
                long head = status.path("headPosition").asLong(-1);
                done &= head >= minHead;
                for (JsonNode processor : status.path("processors")) {
                    String name = processor.path("name").asText();
                    if (processor.path("error").asBoolean()) {
                        // a work package that lost its claim aborts and starts again: an error that lasts is one
                        long since = erring.computeIfAbsent(name, n -> System.nanoTime());
                        if (System.nanoTime() - since > TimeUnit.MINUTES.toNanos(2)) {
                            throw new IllegalStateException("Processor " + name + " has been in error for two minutes");
                        }
                        done = false;
                    } else {
                        erring.remove(name);
                    }
                    Set<Integer> held = claimed.computeIfAbsent(name, n -> new HashSet<>());
                    processor.path("claimedSegments").forEach(segment -> held.add(segment.asInt()));
                    if (processor.path("claimedSegments").size() > 0) {
                        long position = processor.path("position").asLong(-1);
                        slowest = Math.min(slowest, position);
                        done &= processor.path("caughtUp").asBoolean() && position >= head;
                    }
                }
            }
            // every segment of every processor is held by one instance or the other
            done &= !claimed.isEmpty()
                    && claimed.values().stream().allMatch(segments -> segments.size() == ProductionShape.SEGMENTS);
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Production shape: projections still behind after " + timeout);
            }
            if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(15)) {
                progress("production shape catching up: slowest claimed segment at %,d", slowest);
                lastLog = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    /**
     * Steady load for the preset's soak time: association flows at its one rate, and each minute the
     * same 1,000 exam results again with other scores (corrections: the same documents rewritten).
     * The read-model store's file is sampled beside its live data each minute, and once more after a
     * minute at rest: the file must follow what it holds, not what was written over.
     */
    private void soak(AppUnderTest app, Api api, List<String> holders, String operator) throws Exception {
        int rate = preset.rates().get(0);
        long end = System.nanoTime() + preset.soak().toNanos();
        report.soakSamples.add(storeSample(app, "start"));
        progress(
                "soak: %d association flows/s and 1,000 corrected exam results a minute for %d minutes",
                rate, preset.soak().toMinutes());
        for (int minute = 1; System.nanoTime() < end; minute++) {
            Step step = associationStep(api, holders, rate, preset.step());
            if (step.flow.failures() > 0) {
                throw new IllegalStateException("soak: association failed: " + step.firstError.get());
            }
            report.soakFlows += step.flow.count();
            StringBuilder csv = new StringBuilder(
                    "sourceRecordId,registrationNumber,firstName,lastName,email,examCode,examName,examDate,score,passed\n");
            for (int i = 0; i < 1_000; i++) {
                csv.append("SOAK-")
                        .append(i)
                        .append(",REG-SOAK-")
                        .append(i)
                        .append(",Given,Family,soak")
                        .append(i % 200)
                        .append("@example.com,H12-811,HCIA-Datacom,2026-02-20,")
                        .append(600 + (i + minute) % 400)
                        .append(",true\n");
            }
            HttpResponse<String> response =
                    api.postBody("/api/operator/record-imports/exams", operator, "text/csv", csv.toString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "soak: import failed: " + response.statusCode() + " " + response.body());
            }
            report.soakRecords += 1_000;
            awaitCaughtUp(api, operator, 0, Duration.ofMinutes(10));
            Report.StoreSample sample = storeSample(app, "minute " + minute);
            report.soakSamples.add(sample);
            progress(
                    "soak, minute %d: store file %.0f MB, live data %.0f MB",
                    minute, sample.fileMegabytes(), sample.liveMegabytes());
        }
        Thread.sleep(TimeUnit.MINUTES.toMillis(1));
        report.soakSamples.add(storeSample(app, "a minute at rest"));
    }

    private static Report.StoreSample storeSample(AppUnderTest app, String when) throws IOException {
        return new Report.StoreSample(when, app.readModelStoreMegabytes(), app.liveDataMegabytes());
    }

    /** Exam results in bulk, as CSV and as JSON lines, and how long until the views have them all. */
    private Report.Imports imports(Api api, String operator) throws IOException, InterruptedException {
        int lines = Math.max(1_000, preset.records() / 2);
        StringBuilder csv = new StringBuilder(
                "sourceRecordId,registrationNumber,firstName,lastName,email,examCode,examName,examDate,score,passed\n");
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            csv.append("IMP-C-")
                    .append(i)
                    .append(",REG-IMP-C-")
                    .append(i)
                    .append(",Given,Family,import")
                    .append(i % 5_000)
                    .append("@example.com,H12-811,HCIA-Datacom,2026-02-20,")
                    .append(600 + i % 400)
                    .append(",true\n");
            json.append("{\"sourceRecordId\":\"IMP-J-")
                    .append(i)
                    .append("\",\"registrationNumber\":\"REG-IMP-J-")
                    .append(i)
                    .append("\",\"firstName\":\"Given\",\"lastName\":\"Family\",\"email\":\"import")
                    .append(i % 5_000)
                    .append(
                            "@example.com\",\"examCode\":\"H12-811\",\"examName\":\"HCIA-Datacom\",\"examDate\":\"2026-02-20\",")
                    .append("\"score\":")
                    .append(600 + i % 400)
                    .append(",\"passed\":true}\n");
        }
        double[] perSecond = new double[2];
        String[] bodies = {csv.toString(), json.toString()};
        String[] types = {"text/csv", "application/x-ndjson"};
        for (int k = 0; k < 2; k++) {
            long start = System.nanoTime();
            HttpResponse<String> response =
                    api.postBody("/api/operator/record-imports/exams", operator, types[k], bodies[k]);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 200 || !response.body().contains("\"recorded\":" + lines)) {
                throw new IllegalStateException("import " + types[k] + " failed: " + response.statusCode() + " "
                        + response.body().substring(Math.max(0, response.body().length() - 300)));
            }
            perSecond[k] = lines / seconds;
            progress("imported %,d exam results as %s at %,.0f/s", lines, types[k], perSecond[k]);
        }
        long start = System.nanoTime();
        awaitCaughtUp(api, operator, 0, Duration.ofMinutes(30));
        return new Report.Imports(lines, perSecond[0], perSecond[1], Duration.ofNanos(System.nanoTime() - start));
    }

    private List<String> settings(SmtpSink mail) throws IOException {
        List<String> lines = new ArrayList<>();
        IntFunction<String> user = i -> "certtrail.identity.users[" + i + "].";
        for (int i = 0; i < preset.users(); i++) {
            lines.add(user.apply(i) + "username=bench" + i);
            lines.add(user.apply(i) + "password={noop}" + PASSWORD);
            lines.add(user.apply(i) + "account-id=" + Seeder.accountId(i));
            lines.add(user.apply(i) + "roles=HOLDER");
            lines.add(user.apply(i) + "first-name=" + Seeder.firstName(i));
            lines.add(user.apply(i) + "last-name=" + Seeder.lastName(i));
        }
        int next = preset.users();
        for (String[] staff :
                new String[][] {{"audrey", "auditor-audrey", "AUDITOR"}, {"oscar", "operator-oscar", "OPERATOR"}}) {
            lines.add(user.apply(next) + "username=" + staff[0]);
            lines.add(user.apply(next) + "password={noop}" + PASSWORD);
            lines.add(user.apply(next) + "account-id=" + staff[1]);
            lines.add(user.apply(next) + "roles=" + staff[2]);
            next++;
        }
        for (int company = 0; company < Seeder.COMPANIES; company++) {
            lines.add(user.apply(next) + "username=admin" + company);
            lines.add(user.apply(next) + "password={noop}" + PASSWORD);
            lines.add(user.apply(next) + "account-id=bench-admin-" + company);
            lines.add(user.apply(next) + "roles=PARTNER_ADMIN");
            lines.add(user.apply(next) + "partner-company=" + Seeder.companyId(company));
            next++;
        }
        // The load comes from one client address and a few thousand accounts: per-client and
        // per-account mail budgets would stop it within seconds. Per-address limits stay as they are.
        for (String limit : List.of(
                "mail-per-account",
                "mail-per-client",
                "link-attempts-per-client",
                "verifications-per-client",
                "verification-misses-per-client")) {
            lines.add("certtrail.rate-limits." + limit + ".capacity=100000000");
            lines.add("certtrail.rate-limits." + limit + ".period=PT1H");
        }
        Path file = work.resolve("benchmark.properties");
        Files.write(file, lines);
        return List.of(
                "--spring.config.additional-location=file:" + file.toAbsolutePath(),
                "--certtrail.address-key-secret=" + ADDRESS_KEY_SECRET,
                "--certtrail.embedded.smtp-server=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.port());
    }

    /** Waits until every processor has reached the head of the event stream (and at least {@code minHead}). */
    private void awaitCaughtUp(Api api, String operator, long minHead, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastLog = System.nanoTime();
        while (true) {
            JsonNode status = api.get("/api/operator/projections", operator);
            long head = status.path("headPosition").asLong(-1);
            boolean done = head >= minHead && status.path("processors").size() > 0;
            long slowest = Long.MAX_VALUE;
            for (JsonNode processor : status.path("processors")) {
                if (processor.path("error").asBoolean()) {
                    throw new IllegalStateException(
                            "Processor " + processor.path("name").asText() + " is in error");
                }
                long position = processor.path("position").asLong(-1);
                slowest = Math.min(slowest, position);
                done &= processor.path("caughtUp").asBoolean() && position >= head;
            }
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Projections still behind after " + timeout + ": " + status);
            }
            if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(15)) {
                progress("projections catching up: slowest at %,d of %,d", slowest, head);
                lastLog = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    /** A rebuild that is fast but wrong is worth nothing: some holders' views must show exactly what was seeded. */
    private void checkReadModels(Api api, Seeder seeder, List<String> holders) {
        for (int user = 0; user < Math.min(20, holders.size()); user++) {
            long shown = api.get("/api/me/certificates?size=1", holders.get(user))
                    .get("totalElements")
                    .asLong();
            if (shown != seeder.certificationsOf(user)) {
                throw new IllegalStateException("After the rebuild, " + Seeder.accountId(user) + " sees " + shown
                        + " certificates; the event store holds " + seeder.certificationsOf(user));
            }
        }
        report.checkedHolders = Math.min(20, holders.size());
    }

    /** Every company's administrator sees exactly the employees seeded for it. */
    private void checkPartnerView(Api api, Seeder seeder, List<String> admins) {
        for (int company = 0; company < Seeder.COMPANIES; company++) {
            long shown = api.get("/api/partner/employees?size=1", admins.get(company))
                    .path("employees")
                    .path("totalElements")
                    .asLong(-1);
            if (shown != seeder.companySize(company)) {
                throw new IllegalStateException("Company " + Seeder.companyId(company) + " shows " + shown
                        + " employees; " + seeder.companySize(company) + " were seeded");
            }
        }
    }

    /** Seeded applications must show on public verification, with the name printed on the certificate. */
    private void checkVerification(Api api, Seeder seeder) {
        for (String[] sample : seeder.appliedSamples()) {
            JsonNode result = api.get(
                    "/api/public/certificates/" + sample[0] + "?name="
                            + java.net.URLEncoder.encode(sample[1], java.nio.charset.StandardCharsets.UTF_8),
                    null);
            if (!result.path("nameMatches").asBoolean()
                    || !"VALID".equals(result.path("status").asText())) {
                throw new IllegalStateException("After the rebuild, certificate " + sample[0]
                        + " does not verify with its printed name: " + result);
            }
        }
        report.checkedVerifications = seeder.appliedSamples().size();
    }

    /**
     * Holders apply for the certificates they have not applied for yet, open loop at a fixed rate,
     * until the step's time or their certificates run out.
     */
    private Latencies applications(Api api, List<String> holders, int rate, Duration length) {
        List<String[]> pending = new ArrayList<>();
        for (int user = 0; user < holders.size(); user++) {
            for (JsonNode eligible : api.get("/api/me/certificate-applications/eligible", holders.get(user))) {
                pending.add(new String[] {
                    holders.get(user),
                    eligible.get("recordId").asText(),
                    Seeder.email(user, 0),
                    Seeder.printedName(user)
                });
            }
        }
        Latencies latencies = new Latencies();
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        int total = (int) Math.min(pending.size(), rate * length.toSeconds());
        List<CompletableFuture<?>> inflight = new ArrayList<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            String[] application = pending.get(i);
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            // the seeded certifications are HCIA: issued as e-certificates only (CertificateFormats)
            inflight.add(api.postAsync(
                            "/api/me/certificate-applications",
                            application[0],
                            "{\"recordId\":\""
                                    + application[1] + "\",\"email\":\"" + application[2]
                                    + "\",\"format\":\"ELECTRONIC\""
                                    + ",\"fullName\":\"" + application[3] + "\",\"phone\":\"+49 30 1234567\","
                                    + "\"acceptPrivacyStatement\":true}")
                    .thenAccept(response -> {
                        if (response.statusCode() == 201) {
                            latencies.record(System.nanoTime() - intended);
                        } else {
                            latencies.failed();
                            report.firstApplicationError.compareAndSet(
                                    null, response.statusCode() + " " + response.body());
                        }
                    }));
        }
        try {
            CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            latencies.failed();
        }
        report.applicationRate = rate;
        return latencies;
    }

    /** One step of the open-loop association load: arrivals on a fixed schedule, whatever the answers. */
    static final class Step {
        final int rate;
        final Latencies flow = new Latencies();
        final Latencies lag = new Latencies();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final AtomicReference<String> firstLagError = new AtomicReference<>();
        final AtomicLong lagPastBound = new AtomicLong();
        double achieved;
        double appCpuPerFlowMs;
        double driverCpuPerFlowMs;

        Step(int rate) {
            this.rate = rate;
        }
    }

    private static final AtomicLong ADDRESSES = new AtomicLong();

    private Step associationStep(Api api, List<String> holders, int rate, Duration length) throws InterruptedException {
        Step step = new Step(rate);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        int total = (int) (rate * length.toSeconds());
        int probeEvery = Math.max(1, rate / 50);
        ConcurrentLinkedQueue<CompletableFuture<?>> inflight = new ConcurrentLinkedQueue<>();
        AtomicLong lastDone = new AtomicLong();
        AtomicInteger succeeded = new AtomicInteger();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            String token = holders.get(i % holders.size());
            String email = "load" + ADDRESSES.incrementAndGet() + "@bench.example";
            boolean probe = i % probeEvery == 0;
            inflight.add(api.solvedChallenge(token)
                    .thenCompose(verification -> api.postAsync(
                            "/api/me/email-associations",
                            token,
                            "{\"email\":\"" + email + "\",\"acceptPrivacyStatement\":true,\"verification\":"
                                    + verification + "}"))
                    .thenCompose(response -> {
                        long done = System.nanoTime();
                        if (response.statusCode() != 202) {
                            step.flow.failed();
                            step.firstError.compareAndSet(null, response.statusCode() + " " + response.body());
                            return CompletableFuture.completedFuture(null);
                        }
                        step.flow.record(done - intended);
                        succeeded.incrementAndGet();
                        lastDone.accumulateAndGet(done, Math::max);
                        if (!probe) {
                            return CompletableFuture.completedFuture(null);
                        }
                        long version = Api.parse(response).get("accountVersion").asLong();
                        return api.getAsync("/api/me/email-addresses?minVersion=" + version, token)
                                .thenAccept(view -> {
                                    if (view.statusCode() == 200) {
                                        step.lag.record(System.nanoTime() - done);
                                    } else if (view.statusCode() == 503) {
                                        // the view did not catch up within the wait bound: the lag is at
                                        // least that long, and counts as such in the percentiles
                                        step.lag.record(System.nanoTime() - done);
                                        step.lagPastBound.incrementAndGet();
                                    } else {
                                        step.lag.failed();
                                        step.firstLagError.compareAndSet(null, view.statusCode() + " " + view.body());
                                    }
                                });
                    })
                    .exceptionally(error -> {
                        step.flow.failed();
                        step.firstError.compareAndSet(null, String.valueOf(error.getMessage()));
                        return null;
                    }));
        }
        try {
            CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            step.firstError.compareAndSet(null, "unfinished after 60 s: " + e);
        }
        step.achieved = succeeded.get() / Math.max(1e-9, (lastDone.get() - start) / 1e9);
        return step;
    }

    private void warmUp(Api api, List<String> holders, String operator) throws InterruptedException {
        long end = System.nanoTime() + preset.warmUp().toNanos();
        int rate = Math.max(10, preset.rates().get(0) / 4);
        while (System.nanoTime() < end) {
            associationStep(api, holders, rate, Duration.ofSeconds(2));
            readers(
                    api,
                    user -> holders.get(user % holders.size()),
                    user -> "/api/me/certificates?size=20",
                    Duration.ofSeconds(1));
            awaitCaughtUp(api, operator, 0, Duration.ofMinutes(10));
        }
    }

    /** Follows activation links as they arrive by mail, at a fixed rate, for one step's length. */
    private Latencies activations(Api api, SmtpSink mail) throws InterruptedException {
        Latencies latencies = new Latencies();
        int rate = Math.max(10, preset.rates().get(0));
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        List<CompletableFuture<?>> inflight = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < rate * preset.step().toSeconds(); i++) {
            String link = mail.nextLink(2_000);
            if (link == null) {
                break;
            }
            long intended = Math.max(System.nanoTime(), start + i * period);
            LockSupport.parkNanos(intended - System.nanoTime());
            inflight.add(api.postAsync(link, null, null).thenAccept(response -> {
                if (response.statusCode() == 200) {
                    latencies.record(System.nanoTime() - intended);
                } else {
                    latencies.failed();
                }
            }));
        }
        try {
            CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            latencies.failed();
        }
        return latencies;
    }

    /** Closed-loop readers, each asking again as soon as it has its answer. */
    private Latencies readers(Api api, IntFunction<String> token, IntFunction<String> path, Duration length)
            throws InterruptedException {
        return readers(api, token, path, length, preset.readers());
    }

    private Latencies readers(
            Api api, IntFunction<String> token, IntFunction<String> path, Duration length, int readers)
            throws InterruptedException {
        return readers(api, token, path, length, readers, 200);
    }

    private Latencies readers(
            Api api,
            IntFunction<String> token,
            IntFunction<String> path,
            Duration length,
            int readers,
            int expectedStatus)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            int reader = r;
            Thread thread = new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            long start = System.nanoTime();
                            try {
                                HttpResponse<String> response = api.getRaw(path.apply(reader), token.apply(reader));
                                if (response.statusCode() == expectedStatus) {
                                    latencies.record(System.nanoTime() - start);
                                } else {
                                    latencies.failed();
                                }
                            } catch (IOException e) {
                                latencies.failed();
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "reader-" + r);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return latencies;
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    private void progress(String format, Object... args) {
        log.printf(Locale.ROOT, "[benchmark %tT] " + format + "%n", prepend(java.time.LocalTime.now(), args));
    }
}
