package io.certtrail.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How big and how long. {@code full} is the data set the targets are stated for; {@code smoke}
 * takes seconds and only proves, in CI, that the benchmark still runs end to end.
 *
 * @param accounts seeded holder accounts (a fifth of them with a second address)
 * @param records seeded record events (training, exam results, certifications)
 * @param applications seeded certificate applications (accounts that do not sign in during the run)
 * @param largestCompany employees of the largest of the ten partner companies; each next one has half
 * @param users accounts that sign in during the run (the embedded identity provider's directory)
 * @param rates association flows per second, one step each, until p99 exceeds the bound
 * @param step how long each rate step lasts
 * @param readers concurrent readers in the query phase
 * @param queryTime how long each query phase lasts
 * @param appHeap the application's maximum heap
 * @param warmUp light load before the measured steps, so the JIT has compiled the web paths
 * @param soak steady load after the rebuild, instead of the measured steps (zero: none)
 */
public record Preset(
        String name,
        int accounts,
        int records,
        int applications,
        int largestCompany,
        int users,
        List<Integer> rates,
        Duration step,
        int readers,
        Duration queryTime,
        String appHeap,
        Duration warmUp,
        Duration soak) {

    Preset(
            String name,
            int accounts,
            int records,
            int applications,
            int largestCompany,
            int users,
            List<Integer> rates,
            Duration step,
            int readers,
            Duration queryTime,
            String appHeap,
            Duration warmUp) {
        this(
                name,
                accounts,
                records,
                applications,
                largestCompany,
                users,
                rates,
                step,
                readers,
                queryTime,
                appHeap,
                warmUp,
                Duration.ZERO);
    }

    static final double P99_BOUND_MS = 50;

    public static Preset named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "smoke" ->
                new Preset(
                        "smoke",
                        300,
                        3_000,
                        100,
                        30,
                        40,
                        List.of(20, 40),
                        Duration.ofSeconds(2),
                        4,
                        Duration.ofSeconds(2),
                        "512m",
                        Duration.ofSeconds(3));
            case "small" ->
                new Preset(
                        "small",
                        2_000,
                        20_000,
                        1_000,
                        200,
                        200,
                        List.of(100, 250, 500, 1000, 1500, 2000),
                        Duration.ofSeconds(5),
                        32,
                        Duration.ofSeconds(5),
                        "512m",
                        Duration.ofSeconds(30));
            case "medium" ->
                new Preset(
                        "medium",
                        10_000,
                        100_000,
                        5_000,
                        1_000,
                        500,
                        List.of(250, 500, 1000, 1500, 2000, 3000),
                        Duration.ofSeconds(8),
                        32,
                        Duration.ofSeconds(8),
                        "512m",
                        Duration.ofSeconds(45));
            case "full" ->
                new Preset(
                        "full",
                        100_000,
                        1_000_000,
                        50_000,
                        10_000,
                        2_000,
                        List.of(250, 500, 1000, 1500, 2000, 2500, 3000, 4000),
                        Duration.ofSeconds(15),
                        32,
                        Duration.ofSeconds(15),
                        "512m",
                        Duration.ofSeconds(60));
            // the partner view at full company size (10,000 employees) without the full rebuild's hour
            case "partner" ->
                new Preset(
                        "partner",
                        22_000,
                        100_000,
                        5_000,
                        10_000,
                        500,
                        List.of(250, 500, 1000),
                        Duration.ofSeconds(8),
                        32,
                        Duration.ofSeconds(10),
                        "512m",
                        Duration.ofSeconds(30));
            // the small data set, then 30 minutes of steady association flows (rates: the one rate) and
            // corrected exam results: does the read-model store's file follow its contents?
            case "soak" ->
                new Preset(
                        "soak",
                        2_000,
                        20_000,
                        1_000,
                        200,
                        200,
                        List.of(20),
                        Duration.ofSeconds(50),
                        32,
                        Duration.ofSeconds(5),
                        "512m",
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(30));
            default ->
                throw new IllegalArgumentException(
                        "Unknown preset " + name + ": smoke, small, medium, partner, full or soak");
        };
    }
}
