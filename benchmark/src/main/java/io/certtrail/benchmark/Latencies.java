package io.certtrail.benchmark;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** A thread-safe latency histogram in microseconds, 1 µs to 60 s at three significant digits. */
final class Latencies {

    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    private long failures;

    synchronized void record(long nanos) {
        histogram.recordValue(Math.min(histogram.getHighestTrackableValue(), Math.max(1, nanos / 1_000)));
    }

    synchronized void failed() {
        failures++;
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized long failures() {
        return failures;
    }

    /** @return the percentile in milliseconds */
    synchronized double ms(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
