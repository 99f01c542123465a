package dev.fieldtest.history;

import dev.fieldtest.core.stats.WilsonInterval;
import java.time.Instant;
import java.util.Map;

/**
 * The pass rate of one feature × model × window of a suite's online scores (docs/online-scoring.md), with its
 * sample size and 95 % Wilson interval, the checks that failed and what grading cost. Immutable.
 *
 * @param start         the window's first instant (UTC midnight; Monday for weeks)
 * @param failingChecks check name → spans in the window whose verdict of that check did not pass, by name
 */
public record ProductionScoresWindow(String feature, String model, Period period, Instant start, long n, long passed,
                                     Map<String, Long> failingChecks, double graderCostUsd) {
    /** How long a window is: a UTC day, or an ISO week starting Monday 00:00 UTC. */
    public enum Period {
        DAY, WEEK;

        /** DuckDB's {@code date_trunc} part. */
        public String sqlPart() {
            return this == DAY ? "day" : "week";
        }
    }

    public ProductionScoresWindow {
        failingChecks = Map.copyOf(failingChecks);
        if (n < 1 || passed < 0 || passed > n) throw new IllegalArgumentException("need 0 <= passed <= n and n >= 1, but were " + passed + "/" + n);
    }

    /** passed / n. */
    public double passRate() {
        return (double) passed / n;
    }

    /** The 95 % Wilson interval of the pass rate. */
    public WilsonInterval interval() {
        return WilsonInterval.of(passed, n);
    }
}
