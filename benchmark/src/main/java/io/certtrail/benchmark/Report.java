package io.certtrail.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every figure of one run, printed beside its target and the machine's raw limit. */
final class Report {

    final Preset preset;
    RawLimits.Figures raw;
    Seeder.Seeded seeded;
    Duration startedIn;
    Duration rebuild;
    final List<Benchmark.Step> steps = new ArrayList<>();
    Latencies activations;
    Latencies applications;
    int applicationRate;
    final java.util.concurrent.atomic.AtomicReference<String> firstApplicationError =
            new java.util.concurrent.atomic.AtomicReference<>();
    int checkedVerifications;
    Latencies floor;
    Latencies myCertificates;
    Latencies auditHistory;
    Latencies partnerView;
    int largestCompany;
    Latencies largestCompanyAlone;
    Latencies auditHistoryAlone;
    long[] heap;
    long rss;
    double storeAfterRebuild = Double.NaN;
    /** The documents' BSON as the wire server counts it (dbStats dataSize), right after the rebuild. */
    double liveAfterRebuild = Double.NaN;

    double readLimit = Double.NaN;
    /** The rebuild in the production shape, from the query sides' launch; their CPU once started. */
    Duration productionRebuild;

    double productionCpuSeconds = Double.NaN;
    Imports imports;

    /** @param viewsCaughtUp from the end of the second import until every view had all of it */
    record Imports(int lines, double csvPerSecond, double jsonLinesPerSecond, Duration viewsCaughtUp) {}

    double storeAtEnd = Double.NaN;
    /** The soak preset's samples of the read-model store: its file and the documents it holds, in MB. */
    record StoreSample(String when, double fileMegabytes, double liveMegabytes) {}

    final List<StoreSample> soakSamples = new ArrayList<>();
    long soakFlows;
    long soakRecords;
    long mails;
    int checkedHolders;

    Report(Preset preset) {
        this.preset = preset;
    }

    double rebuildPerSecond() {
        return seeded.events() / (rebuild.toNanos() / 1e9);
    }

    private void productionRows(PrintStream out, String format) {
        if (productionRebuild == null) {
            return;
        }
        double perSecond = seeded.events() / (productionRebuild.toNanos() / 1e9);
        row(
                out,
                format,
                "rebuild, production shape (" + ProductionShape.QUERY_SIDES + " query sides, stand-ins)",
                perSecond,
                "%.0f ev/s",
                ">= 20,000/s",
                perSecond >= 20_000,
                readLimit,
                "%.0f ev/s read");
        out.printf(
                Locale.ROOT,
                "  %-52s %14s%n",
                "  (from the query sides' launch; their CPU per event once",
                String.format(Locale.ROOT, "%.1f s", seconds(productionRebuild)));
        out.printf(
                Locale.ROOT,
                "  %-52s %14s%n",
                "   started, all eight projections, stand-ins not counted)",
                String.format(Locale.ROOT, "%.0f us", productionCpuSeconds * 1e6 / seeded.events()));
    }

    /** The highest rate done with p99 within the bound and without failures. */
    Optional<Benchmark.Step> bestWithinBound() {
        return steps.stream()
                .filter(step -> step.flow.ms(99) <= Preset.P99_BOUND_MS && step.flow.failures() == 0)
                .max(Comparator.comparingDouble(step -> step.achieved));
    }

    /** Lag at the step closest to 1,000 commands/s (the target's load), from below. */
    Optional<Benchmark.Step> lagStep() {
        return steps.stream()
                .filter(step -> step.rate <= 1000)
                .max(Comparator.comparingInt(step -> step.rate))
                .or(() -> steps.stream().findFirst());
    }

    void print(PrintStream out) {
        out.println();
        out.printf(
                Locale.ROOT,
                "CertTrail benchmark, preset %s: %,d accounts, %,d records, %,d events seeded in %.1f s;"
                        + " %d cores, app heap limit %s%n",
                preset.name(),
                preset.accounts(),
                preset.records(),
                seeded.events(),
                seconds(seeded.took()),
                Runtime.getRuntime().availableProcessors(),
                preset.appHeap());
        out.println();
        out.println(
                "Association flow (verification challenge + association request), open loop, latency from the scheduled start:");
        out.println("  offered/s   done/s     p50 ms   p95 ms   p99 ms  p99.9 ms  failed   lag p50 ms  lag p99 ms"
                + "  lag > bound   CPU ms/flow: app  driver");
        for (Benchmark.Step step : steps) {
            out.printf(
                    Locale.ROOT,
                    "  %8d  %8.0f  %8.1f %8.1f %8.1f %9.1f  %6d   %10.1f  %10.1f  %5d of %-5d %10.1f  %6.1f%n",
                    step.rate,
                    step.achieved,
                    step.flow.ms(50),
                    step.flow.ms(95),
                    step.flow.ms(99),
                    step.flow.ms(99.9),
                    step.flow.failures(),
                    step.lag.ms(50),
                    step.lag.ms(99),
                    step.lagPastBound.get(),
                    step.lag.count(),
                    step.appCpuPerFlowMs,
                    step.driverCpuPerFlowMs);
        }
        out.println(
                "  (lag: from the command's acknowledgement until the holder's view shows it, asked with minVersion;"
                        + " includes one HTTP round trip; a probe still behind after the 5 s bound counts with the time it waited. CPU: process CPU time during the step per completed flow, the"
                        + " application's and the load driver's, on the same cores)");
        out.println();
        String format = "  %-52s %14s  %-14s %-5s %18s  %s%n";
        out.printf(Locale.ROOT, format, "figure", "measured", "target", "met", "raw limit", "ratio");
        double best = bestWithinBound().map(step -> step.achieved).orElse(0.0);
        row(
                out,
                format,
                "association flows/s with p99 < 50 ms",
                best,
                "%.0f/s",
                ">= 300/s",
                best >= 300,
                raw.appendsPerSecond(),
                "%.0f appends/s");
        bestWithinBound().or(() -> steps.stream().findFirst()).ifPresent(step -> {
            row(
                    out,
                    format,
                    "application CPU per flow at " + step.rate + "/s",
                    step.appCpuPerFlowMs,
                    "%.1f ms",
                    "<= 3 ms",
                    step.appCpuPerFlowMs <= 3,
                    Double.NaN,
                    "");
            row(
                    out,
                    format,
                    "load driver CPU per flow (not the limit)",
                    step.driverCpuPerFlowMs,
                    "%.1f ms",
                    "<= app's",
                    step.driverCpuPerFlowMs <= step.appCpuPerFlowMs,
                    Double.NaN,
                    "");
        });
        Benchmark.Step lag = lagStep().orElse(null);
        if (lag != null) {
            row(
                    out,
                    format,
                    "projection lag p99 at " + lag.rate + "/s offered",
                    lag.lag.ms(99),
                    "%.1f ms",
                    "< 100 ms",
                    lag.lag.ms(99) < 100,
                    Double.NaN,
                    "");
        }
        if (activations != null && activations.count() > 0) {
            row(
                    out,
                    format,
                    "activation (link followed) p99, " + activations.count() + " links",
                    activations.ms(99),
                    "%.1f ms",
                    "",
                    true,
                    Double.NaN,
                    "");
        }
        if (applications != null && applications.count() > 0) {
            row(
                    out,
                    format,
                    "certificate application p50, " + applications.count() + " at " + applicationRate + "/s",
                    applications.ms(50),
                    "%.1f ms",
                    "",
                    true,
                    Double.NaN,
                    "");
            row(out, format, "certificate application p99", applications.ms(99), "%.1f ms", "", true, Double.NaN, "");
        }
        row(
                out,
                format,
                "My Certificates p50, " + preset.readers() + " readers",
                myCertificates.ms(50),
                "%.2f ms",
                "",
                true,
                raw.lookups().ms(50),
                "%.2f ms lookup");
        row(
                out,
                format,
                "My Certificates p99, " + preset.readers() + " readers",
                myCertificates.ms(99),
                "%.2f ms",
                "< 50 ms",
                myCertificates.ms(99) < 50,
                raw.lookups().ms(99),
                "%.2f ms lookup");
        row(
                out,
                format,
                "audit history p50, " + preset.readers() + " readers",
                auditHistory.ms(50),
                "%.2f ms",
                "",
                true,
                raw.lookups().ms(50),
                "%.2f ms lookup");
        row(
                out,
                format,
                "audit history p99, " + preset.readers() + " readers",
                auditHistory.ms(99),
                "%.2f ms",
                "< 50 ms",
                auditHistory.ms(99) < 50,
                raw.lookups().ms(99),
                "%.2f ms lookup");
        if (partnerView != null) {
            row(
                    out,
                    format,
                    "partner view first page p50, " + preset.readers() + " readers",
                    partnerView.ms(50),
                    "%.2f ms",
                    "",
                    true,
                    raw.lookups().ms(50),
                    "%.2f ms lookup");
            row(
                    out,
                    format,
                    "partner view first page p99 (largest: " + largestCompany + ")",
                    partnerView.ms(99),
                    "%.2f ms",
                    "< 50 ms",
                    partnerView.ms(99) < 50,
                    raw.lookups().ms(99),
                    "%.2f ms lookup");
        }
        if (largestCompanyAlone != null) {
            out.printf(
                    Locale.ROOT,
                    "  %-52s %14s%n",
                    "one reader alone: largest company's first page p50 / p99",
                    String.format(
                            Locale.ROOT, "%.1f / %.1f ms", largestCompanyAlone.ms(50), largestCompanyAlone.ms(99)));
            out.printf(
                    Locale.ROOT,
                    "  %-52s %14s%n",
                    "one reader alone: one account's audit history p50 / p99",
                    String.format(Locale.ROOT, "%.1f / %.1f ms", auditHistoryAlone.ms(50), auditHistoryAlone.ms(99)));
        }
        double floorPerSecond = floor.count() / seconds(preset.queryTime());
        throughput(out, format, "My Certificates", myCertificates, floorPerSecond);
        throughput(out, format, "one account's audit history", auditHistory, floorPerSecond);
        if (partnerView != null) {
            throughput(out, format, "partner view first page", partnerView, floorPerSecond);
        }
        out.printf(
                Locale.ROOT, "  %-52s %14s%n", "  (floor: an authenticated request refused by role, nothing read,", "");
        out.printf(
                Locale.ROOT,
                "  %-52s %14s%n",
                String.format(
                        Locale.ROOT,
                        "   same %d readers: %.0f/s, p99 %.1f ms)",
                        preset.readers(),
                        floorPerSecond,
                        floor.ms(99)),
                "");
        row(
                out,
                format,
                "rebuild of all read models from the event store",
                rebuildPerSecond(),
                "%.0f ev/s",
                ">= 5,000/s",
                rebuildPerSecond() >= 5_000,
                readLimit,
                "%.0f ev/s read");
        out.printf(
                Locale.ROOT, "  %-52s %14s%n", "  (limit: the same events read and deserialised once, one thread;", "");
        out.printf(
                Locale.ROOT,
                "  %-52s %14s%n",
                String.format(Locale.ROOT, "   bulk list upserts into the store: %.0f/s)", raw.upsertsPerSecond()),
                "");
        out.printf(
                Locale.ROOT,
                "  %-52s %14s%n",
                "  (from launch, including JVM start of " + seconds(startedIn) + " s)",
                String.format(Locale.ROOT, "%.1f s", seconds(rebuild)));
        productionRows(out, format);
        if (imports != null) {
            row(
                    out,
                    format,
                    "bulk import, CSV, " + imports.lines() + " exam results",
                    imports.csvPerSecond(),
                    "%.0f /s",
                    ">= 0.5 x appends",
                    imports.csvPerSecond() >= 0.5 * raw.appendsPerSecond(),
                    raw.appendsPerSecond(),
                    "%.0f appends/s");
            row(
                    out,
                    format,
                    "bulk import, JSON lines, " + imports.lines(),
                    imports.jsonLinesPerSecond(),
                    "%.0f /s",
                    ">= 0.5 x appends",
                    imports.jsonLinesPerSecond() >= 0.5 * raw.appendsPerSecond(),
                    raw.appendsPerSecond(),
                    "%.0f appends/s");
            out.printf(
                    Locale.ROOT,
                    "  %-52s %14s%n",
                    "  views caught up after the last import line's answer",
                    String.format(Locale.ROOT, "%.1f s", imports.viewsCaughtUp().toMillis() / 1000.0));
        }
        row(
                out,
                format,
                "heap live after full GC (in use before it)",
                heap[1],
                "%.0f MB",
                "< 512 MB",
                heap[1] < 512,
                Double.NaN,
                "");
        out.printf(
                Locale.ROOT,
                "  %-52s %14s%n",
                "  heap in use before the GC / process RSS",
                heap[0] + " / " + rss + " MB");
        out.printf(
                Locale.ROOT,
                "  %-52s %14s%n",
                "read-model store on disk after the rebuild / at the end",
                String.format(Locale.ROOT, "%.0f / %.0f MB", storeAfterRebuild, storeAtEnd));
        out.printf(
                Locale.ROOT,
                "  %-52s %14s%n",
                "  its live data after the rebuild (documents, dbStats)",
                String.format(Locale.ROOT, "%.0f MB", liveAfterRebuild));
        out.println();
        out.printf(
                Locale.ROOT,
                "Raw limits, same engines and settings, scratch files: %.0f single-event transactional"
                        + " appends/s (H2, 8 writers); %.0f bulk inserts/s and %.0f bulk list upserts/s (MongoDB wire server,"
                        + " H2 backend, BSON documents); lookup by _id p50 %.2f ms, p99 %.2f ms.%n",
                raw.appendsPerSecond(),
                raw.insertsPerSecond(),
                raw.upsertsPerSecond(),
                raw.lookups().ms(50),
                raw.lookups().ms(99));
        out.printf(
                Locale.ROOT,
                "After the rebuild, %d holders' My Certificates matched the seeded events exactly, and"
                        + " %d seeded applications verified publicly with their printed names (%,d applications seeded).%n",
                checkedHolders,
                checkedVerifications,
                preset.applications());
        out.printf(
                Locale.ROOT,
                "Mails received by the outside SMTP server: %,d. Failed requests: association %d,"
                        + " lag probes %d, activations %d, applications %d%s, My Certificates %d, audit %d, partner view %d.%n",
                mails,
                steps.stream().mapToLong(step -> step.flow.failures()).sum(),
                steps.stream().mapToLong(step -> step.lag.failures()).sum(),
                activations == null ? 0 : activations.failures(),
                applications == null ? 0 : applications.failures(),
                firstApplicationError.get() == null ? "" : " (first: " + firstApplicationError.get() + ")",
                myCertificates.failures(),
                auditHistory.failures(),
                partnerView == null ? 0 : partnerView.failures());
    }

    /** The soak preset: the store's file beside its live data, from start to rest. */
    void printSoak(PrintStream out) {
        out.println();
        out.printf(
                Locale.ROOT,
                "CertTrail benchmark, preset soak: %,d events seeded; %s of %d association flows/s"
                        + " (%,d done) and %,d corrected exam results%n",
                seeded.events(),
                preset.soak(),
                preset.rates().get(0),
                soakFlows,
                soakRecords);
        out.printf(Locale.ROOT, "  %-20s %12s %12s %8s%n", "read-model store", "file MB", "live MB", "file/live");
        for (StoreSample sample : soakSamples) {
            out.printf(
                    Locale.ROOT,
                    "  %-20s %12.0f %12.1f %8.2f%n",
                    sample.when(),
                    sample.fileMegabytes(),
                    sample.liveMegabytes(),
                    sample.fileMegabytes() / sample.liveMegabytes());
        }
        StoreSample rest = soakSamples.get(soakSamples.size() - 1);
        double ratio = rest.fileMegabytes() / rest.liveMegabytes();
        out.printf(
                Locale.ROOT,
                "  at rest: file %.2f x its live data (target: at most 3): %s%n",
                ratio,
                ratio <= 3 ? "yes" : "NO");
        out.println(
                "  (live data: the documents' BSON as the wire server counts it, dbStats dataSize; indexes not counted)");
    }

    /** The rebuild alone ({@code -Dbenchmark.phases=rebuild}). */
    void printRebuild(PrintStream out) {
        out.println();
        out.printf(
                Locale.ROOT,
                "CertTrail benchmark (rebuild only), preset %s: %,d events seeded in %.1f s%n",
                preset.name(),
                seeded.events(),
                seconds(seeded.took()));
        String format = "  %-52s %14s  %-14s %-5s %18s  %s%n";
        row(
                out,
                format,
                "rebuild of all read models from the event store",
                rebuildPerSecond(),
                "%.0f ev/s",
                ">= 5,000/s",
                rebuildPerSecond() >= 5_000,
                readLimit,
                "%.0f ev/s read");
        out.printf(
                Locale.ROOT,
                "  %-52s %14s%n",
                "  (from launch, including JVM start of " + seconds(startedIn) + " s)",
                String.format(Locale.ROOT, "%.1f s", seconds(rebuild)));
        out.printf(
                Locale.ROOT,
                "  %-52s %14s%n",
                "read-model store on disk after the rebuild / its live data",
                String.format(Locale.ROOT, "%.0f / %.0f MB", storeAfterRebuild, liveAfterRebuild));
        productionRows(out, format);
        out.printf(
                Locale.ROOT,
                "After the rebuild, %d holders' My Certificates matched the seeded events exactly, and"
                        + " %d seeded applications verified publicly with their printed names.%n",
                checkedHolders,
                checkedVerifications);
    }

    private void throughput(PrintStream out, String format, String label, Latencies reads, double floorPerSecond) {
        double perSecond = reads.count() / seconds(preset.queryTime());
        row(
                out,
                format,
                label + " /s, " + preset.readers() + " readers",
                perSecond,
                "%.0f /s",
                ">= 0.5 x floor",
                perSecond >= 0.5 * floorPerSecond,
                floorPerSecond,
                "%.0f /s floor");
    }

    private static void row(
            PrintStream out,
            String format,
            String label,
            double value,
            String valueFormat,
            String target,
            boolean met,
            double raw,
            String rawFormat) {
        String ratio = Double.isNaN(raw) || raw == 0 ? "" : String.format(Locale.ROOT, "%.2f", value / raw);
        out.printf(
                Locale.ROOT,
                format,
                label,
                String.format(Locale.ROOT, valueFormat, value),
                target,
                target.isEmpty() ? "" : met ? "yes" : "NO",
                Double.isNaN(raw) ? "" : String.format(Locale.ROOT, rawFormat, raw),
                ratio);
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
