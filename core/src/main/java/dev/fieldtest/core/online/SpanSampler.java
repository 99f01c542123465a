package dev.fieldtest.core.online;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which production spans a suite scores: a span is selected when
 * {@code bucket(trace_id, span_id, suite) < round(rate × 10,000)}, where the bucket is the first 8 bytes of
 * SHA-256 over the UTF-8 text {@code trace_id + "\n" + span_id + "\n" + suite}, read as an unsigned big-endian
 * 64-bit number, modulo 10,000. Deterministic on every machine and run, independent per suite. Stateless.
 */
public final class SpanSampler {
    /** Buckets a rate is expressed in: a rate is honoured to 1/10,000. */
    public static final int BUCKETS = 10_000;

    private SpanSampler() {}

    /** The span's bucket in [0, 10,000). */
    public static int bucket(String traceId, String spanId, String suite) {
        byte[] digest = sha256((traceId + "\n" + spanId + "\n" + suite).getBytes(StandardCharsets.UTF_8));
        long first8 = 0;
        for (int i = 0; i < 8; i++) first8 = (first8 << 8) | (digest[i] & 0xff);
        return (int) Long.remainderUnsigned(first8, BUCKETS);
    }

    /** Whether the span falls in the sampled share {@code rate} (0 selects nothing, 1 everything). */
    public static boolean selected(String traceId, String spanId, String suite, double rate) {
        return bucket(traceId, spanId, suite) < Math.round(rate * BUCKETS);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
