package io.certtrail.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the benchmark's smoke preset end to end against the built jar, so CI notices when the
 * benchmark breaks. It asserts that every phase ran and answered correctly, nothing about speed.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path work;

    @Test
    void everyPhaseRunsAndEveryRequestSucceeds() throws Exception {
        Path jar = Path.of("..", "all-in-one", "target", "certtrail-exec.jar");
        Report report = new Benchmark(Preset.named("smoke"), jar, work, System.out).run();

        assertThat(report.seeded.events()).isGreaterThan(3_000);
        assertThat(report.rebuild).isNotNull();
        assertThat(report.productionRebuild)
                .as("the rebuild in the production shape")
                .isNotNull();
        assertThat(report.productionCpuSeconds).isPositive();
        assertThat(report.checkedHolders).isPositive();
        assertThat(report.checkedVerifications).isPositive();
        assertThat(report.steps).isNotEmpty().allSatisfy(step -> {
            assertThat(step.flow.count()).isPositive();
            assertThat(step.flow.failures()).isZero();
            assertThat(step.lag.count()).isPositive();
            assertThat(step.lag.failures()).isZero();
        });
        assertThat(report.activations.count()).isPositive();
        assertThat(report.activations.failures()).isZero();
        assertThat(report.applications.count()).isPositive();
        assertThat(report.applications.failures())
                .as(report.firstApplicationError.get())
                .isZero();
        assertThat(report.myCertificates.count()).isPositive();
        assertThat(report.myCertificates.failures()).isZero();
        assertThat(report.auditHistory.count()).isPositive();
        assertThat(report.auditHistory.failures()).isZero();
        assertThat(report.partnerView.count()).isPositive();
        assertThat(report.partnerView.failures()).isZero();
        assertThat(report.heap[1]).isPositive();
        assertThat(report.mails).isPositive();

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        report.print(new PrintStream(table, true, StandardCharsets.UTF_8));
        assertThat(table.toString(StandardCharsets.UTF_8))
                .contains(
                        "association flows/s with p99 < 50 ms",
                        "application CPU per flow",
                        "projection lag p99",
                        "certificate application p99",
                        "My Certificates p99",
                        "audit history p99",
                        "partner view first page p99",
                        "My Certificates /s",
                        "floor: an authenticated request",
                        "rebuild of all read models",
                        "read and deserialised once",
                        "rebuild, production shape",
                        "bulk import, CSV",
                        "bulk import, JSON lines",
                        "read-model store on disk",
                        "heap live after full GC",
                        "Raw limits");
        assertThat(report.floor.count()).as("the floor's refusals").isPositive();
        assertThat(report.floor.failures()).isZero();
        assertThat(report.readLimit).isPositive();
        assertThat(report.imports.csvPerSecond()).isPositive();
        assertThat(report.imports.jsonLinesPerSecond()).isPositive();
        assertThat(report.storeAfterRebuild).isPositive();
        report.print(System.out);
    }
}
