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
}
