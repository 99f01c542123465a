package dev.fieldtest.testkit.conformance;

/**
 * What a target (with its provider) can do, and so which {@link TargetConformanceKit} tests apply to it. A test
 * is generated only when the target declares every capability it needs; the others are not listed at all.
 */
public enum Capability {
    /** Streams its answer in chunks (setting {@code stream: true}), measuring time to first token and chunk offsets. */
    STREAMING,
    /** Reports input and output token counts, from which cost follows. */
    USAGE,
    /** Gets rate-limit responses with Retry-After from its provider and maps them to {@code throttled}. */
    RATE_LIMIT,
    /** Gets server failures (5xx) and maps them to {@code server_error}. */
    SERVER_ERROR,
    /** Gets refusals of the request itself (auth, 4xx) and maps them to {@code client_error}. */
    CLIENT_ERROR,
    /** Notices answers that are not the protocol's shape ({@code malformed_response}). */
    MALFORMED,
    /** Notices a stream that ends before its end marker ({@code truncated_stream}); needs {@link #STREAMING}. */
    TRUNCATED_STREAM,
    /** Notices a connection closed before any response ({@code connection}). */
    CONNECTION_DROP,
    /** Ends a call at its {@code timeout} setting ({@code timeout}). */
    TIMEOUT,
    /** Ends a call promptly when the calling thread is interrupted. */
    INTERRUPT,
    /** Retries as its {@code max_retries}, {@code backoff} and {@code backoff_max} settings say. */
    RETRIES
}
