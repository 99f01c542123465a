package dev.fieldtest.history;

/** What wrote a run directory, and the metric {@code fieldtest history} shows per target for it. */
public enum RunKind {
    /** {@code fieldtest run}: summary.json and results.jsonl; headline is the pass rate. */
    RUN("run", "pass_rate.value", "pass_rate.n"),
    /** {@code fieldtest load}: load.json; headline is the highest rate that met every SLO. */
    LOAD("load", "max_sustained_rps", null);

    private final String wireName;
    private final String headlineMetric;
    private final String headlineSampleMetric;

    RunKind(String wireName, String headlineMetric, String headlineSampleMetric) {
        this.wireName = wireName;
        this.headlineMetric = headlineMetric;
        this.headlineSampleMetric = headlineSampleMetric;
    }

    /** The value stored in {@code runs.kind}. */
    public String wireName() {
        return wireName;
    }

    /** The {@code target_metrics.metric} path that sums a target up for this kind of run. */
    public String headlineMetric() {
        return headlineMetric;
    }

    /** The metric path holding the headline's sample size, or null when it has none. */
    public String headlineSampleMetric() {
        return headlineSampleMetric;
    }

    public static RunKind fromWireName(String name) {
        for (RunKind k : values()) if (k.wireName.equals(name)) return k;
        throw new IllegalArgumentException("unknown run kind \"" + name + "\"");
    }
}
