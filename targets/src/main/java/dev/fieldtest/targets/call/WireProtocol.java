package dev.fieldtest.targets.call;

import java.io.InputStream;

/**
 * How an HTTP target reads its provider's responses into {@link Attempt}s: a whole 2xx body, an error status,
 * or an event stream. {@link AttemptRunner} does the transport, deadlines and Retry-After for every protocol.
 * Implementations never throw: anything unreadable is a failed attempt with an error class.
 */
public interface WireProtocol {
    /** A 2xx response body read whole. */
    Attempt completion(byte[] body, double latencyMs, String url);

    /** A non-2xx response; {@code body} is its start (at most 64 KB). */
    Attempt error(int status, byte[] body, String url, double latencyMs);

    /** A 2xx event stream, read to its end; chunk times are offsets from {@code sentNanos} (nanoTime). */
    Attempt stream(InputStream in, String url, long sentNanos);
}
