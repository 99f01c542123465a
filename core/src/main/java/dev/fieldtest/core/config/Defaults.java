package dev.fieldtest.core.config;

import java.time.Duration;

/**
 * Every default fieldtest uses, in one place (documented in docs/suite.md). A value given on the command
 * line beats the suite file, which beats these.
 */
public final class Defaults {
    private Defaults() {}

    /** Runs per case and target. */
    public static final int REPEAT = 1;
    /** Calls in flight at once, over all targets. */
    public static final int CONCURRENCY = 4;

    /** Time one attempt may take, send to last byte. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Retries after the first attempt, on the error classes in {@link #RETRY_ON}. */
    public static final int MAX_RETRIES = 3;
    /** Error classes retried unless a target sets {@code retry_on}. */
    public static final java.util.List<String> RETRY_ON = java.util.List.of("throttled", "server_error", "connection");
    /** First backoff; doubles each retry, with jitter drawn from [delay/2, delay]. */
    public static final Duration BACKOFF_BASE = Duration.ofMillis(500);
    /** Longest backoff between attempts. */
    public static final Duration BACKOFF_MAX = Duration.ofSeconds(30);
    /** Longest Retry-After honoured; a longer one is capped to this. */
    public static final Duration RETRY_AFTER_MAX = Duration.ofSeconds(60);

    /** Equal-width bins of stated confidence for the expected calibration error. */
    public static final int CALIBRATION_BINS = 10;
    /** Stated confidence from which a failed call counts as confidently wrong ({@code confidence.confident_wrong_at}). */
    public static final double CONFIDENT_WRONG_AT = 0.8;
    /** Fewest calls a slice needs to be named the worst slice (smaller slices still appear in slices). */
    public static final int WORST_SLICE_MIN_N = 5;

    /** results.jsonl is forced to disk after this many rows ... */
    public static final int FSYNC_EVERY_ROWS = 64;
    /** ... or after this long, whichever comes first. */
    public static final Duration FSYNC_EVERY = Duration.ofSeconds(1);
    /** A target whose first this-many calls all fail with client_error or connection aborts the run. */
    public static final int ABORT_AFTER_FAILED_CALLS = 10;

    /** When a property ({@code properties:}, docs/ci.md) is reviewed unless it sets {@code review}. */
    public static final java.util.List<String> PROPERTY_REVIEW = java.util.List.of("week12", "quarterly");
    /** Review calendar (docs/ledger.md): a review is "due" from this many days before its date. */
    public static final int REVIEW_DUE_WITHIN_DAYS = 14;
    /** Review calendar: a quarterly review falls every this many days (13 weeks) after launch. */
    public static final int REVIEW_QUARTER_DAYS = 91;

    /** Load ({@code load:}, docs/load.md): how long each step runs, warm-up and cool-down included. */
    public static final Duration LOAD_STEP_DURATION = Duration.ofSeconds(30);
    /** Sends in the first part of a step are made but not measured (connections, caches, JIT warming). */
    public static final Duration LOAD_WARM_UP = Duration.ofSeconds(5);
    /** Sends in the last part of a step are made but not measured (the step's own tail). */
    public static final Duration LOAD_COOL_DOWN = Duration.ofSeconds(2);
    /** How long a step waits for calls still in flight after its last send before cutting them off. */
    public static final Duration LOAD_DRAIN = Duration.ofSeconds(30);
    /** Successful requests per step scored with the suite's checks (quality under load). */
    public static final int LOAD_QUALITY_SAMPLE = 20;
    /** Seeds Poisson and gamma schedules and the quality sample. */
    public static final long LOAD_SEED = 1;
    /** Gamma inter-arrival shape k: coefficient of variation sqrt(1/k) ≈ 1.41, burstier than Poisson. */
    public static final double LOAD_GAMMA_SHAPE = 0.5;
    /** A sweep multiplies the rate by this each step unless it gives {@code step}. */
    public static final double LOAD_SWEEP_FACTOR = 2;
    /** A sweep runs at most this many steps. */
    public static final int LOAD_SWEEP_MAX_STEPS = 12;
    /** Share of a step's requests that must be good (succeeded and met every latency SLO). */
    public static final double LOAD_GOODPUT = 0.95;
    /** Largest share of a step's completed requests that may fail. */
    public static final double LOAD_MAX_ERROR_RATE = 0.05;
    /** A step whose achieved rate falls below this share of the offered rate has collapsed. */
    public static final double LOAD_MIN_ACHIEVED_SHARE = 0.95;

    /** Online scoring ({@code online:}, docs/online-scoring.md): share of a feature's production spans scored unless the suite says otherwise. */
    public static final double ONLINE_RATE = 0.01;
    /** Online scoring: the most one {@code fieldtest score-production} spends on model-graded checks, in USD. */
    public static final double ONLINE_BUDGET_USD = 1.00;

    /** Run history (docs/history.md): the DuckDB file every finished run and load run is recorded in, under the working directory. */
    public static final java.nio.file.Path HISTORY_FILE = java.nio.file.Path.of(".fieldtest", "history.duckdb");

    /**
     * Run history: the environment variable that, when set, is every command's default history location, a DuckDB
     * file path or a PostgreSQL URL (docs/history.md "PostgreSQL"); {@code --history} beats it, and it beats {@link #HISTORY_FILE}.
     */
    public static final String HISTORY_ENV = "FIELDTEST_HISTORY";

    /** Production traces (docs/production.md): the span attribute (then resource attribute) whose value names a span's AI feature. */
    public static final String FEATURE_ATTRIBUTE = "fieldtest.feature";
    /** Largest OTLP/HTTP request body {@code fieldtest serve} accepts at POST /v1/traces, before and after gzip (413 beyond). */
    public static final int OTLP_MAX_BODY_BYTES = 16 * 1024 * 1024;

    /** Drift (docs/drift.md): PSI from which a descriptor counts as moderately drifted (rule of thumb) ... */
    public static final double DRIFT_PSI_MODERATE = 0.1;
    /** ... and above which it counts as shifted. */
    public static final double DRIFT_PSI_SHIFT = 0.25;
    /** A production input whose nearest golden case has a lower cosine is uncovered (all-MiniLM-L6-v2's scale; e5 needs about 0.9). */
    public static final double DRIFT_COVERAGE_MIN_COSINE = 0.6;
    /** The same for e5-small-v2, which puts unrelated texts at 0.68–0.8 (docs/embedded.md). */
    public static final double DRIFT_COVERAGE_MIN_COSINE_E5 = 0.9;
    /** k of the k-means topic clusters over golden and production embeddings (fewer when there are fewer inputs). */
    public static final int DRIFT_TOPICS = 8;
    /** Label permutations of the MMD² test. */
    public static final int DRIFT_PERMUTATIONS = 200;
    /** Seeds k-means, the permutations and the production sample. */
    public static final long DRIFT_SEED = 1;
    /** Production inputs embedded at most (a seeded sample beyond that); descriptors use every input. */
    public static final int DRIFT_MAX_EMBEDDED = 2000;
    /** Farthest uncovered production inputs shown as examples. */
    public static final int DRIFT_EXAMPLES = 10;

    /** Budget ({@code budget:}, docs/suite.md): no cost limit unless the suite sets {@code max_usd} (USD, above 0) ... */
    public static final Double BUDGET_MAX_USD = null;
    /** ... and no call limit unless it sets {@code max_calls} ... */
    public static final Integer BUDGET_MAX_CALLS = null;
    /** ... which is a whole number from 1 to this. */
    public static final int BUDGET_MAX_CALLS_LIMIT = 1_000_000_000;
    /** Resume (docs/cli.md {@code --resume}): the manifest written durably into the run directory before the first call. */
    public static final String RUN_MANIFEST = "run.json";

    /** Response cache folder of {@code fieldtest run --cache} given without a DIR, relative to the working directory (docs/cache.md). */
    public static final String CACHE_DIR = ".fieldtest/cache";
}
