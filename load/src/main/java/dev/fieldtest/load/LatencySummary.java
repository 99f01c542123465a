package dev.fieldtest.load;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency histogram, in milliseconds, with the sample size they rest on. All values are 0
 * when {@code n} is 0. Immutable.
 */
public record LatencySummary(long n, double p50Ms, double p90Ms, double p95Ms, double p99Ms, double p999Ms, double maxMs) {

    /** Summarises a histogram whose values are microseconds. */
    public static LatencySummary ofMicros(Histogram micros) {
        long n = micros.getTotalCount();
        if (n == 0) return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        return new LatencySummary(n, ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }
}
