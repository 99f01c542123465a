package dev.fieldtest.core;

/**
 * Why a call produced no usable output. The wire name ({@link #wireName()}) is what results.jsonl and
 * summary.json carry.
 */
public enum ErrorClass {
    /** No complete answer within the target's timeout. */
    TIMEOUT,
    /** HTTP 429 on the last attempt. */
    THROTTLED,
    /** HTTP 5xx on the last attempt. */
    SERVER_ERROR,
    /** HTTP 4xx other than 429: a request the provider refuses (auth, model name, bad parameters). */
    CLIENT_ERROR,
    /** Connection refused, reset or closed before a response. */
    CONNECTION,
    /** A response that is not the protocol's shape (bad JSON, no choices). */
    MALFORMED_RESPONSE,
    /** A stream that ended before its end marker. */
    TRUNCATED_STREAM;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ErrorClass fromWireName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
