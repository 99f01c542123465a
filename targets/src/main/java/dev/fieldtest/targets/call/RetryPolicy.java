package dev.fieldtest.targets.call;

import dev.fieldtest.core.ErrorClass;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * When to try again and how long to wait. Immutable and thread-safe.
 *
 * @param maxRetries    retries after the first attempt
 * @param retryOn       error classes worth another attempt
 * @param base          backoff before the first retry; doubles each retry
 * @param max           longest backoff
 * @param retryAfterMax longest server-requested wait (Retry-After) honoured
 */
public record RetryPolicy(int maxRetries, Set<ErrorClass> retryOn, Duration base, Duration max, Duration retryAfterMax) {
    public RetryPolicy {
        retryOn = Set.copyOf(retryOn);
    }

    /** Whether attempt number {@code attempt} (1-based) failing with {@code error} earns another one. */
    public boolean shouldRetry(int attempt, ErrorClass error) {
        return error != null && attempt <= maxRetries && retryOn.contains(error);
    }

    /**
     * The wait before retry number {@code retry} (1-based). A server's Retry-After wins, clamped to
     * [0, retryAfterMax]; otherwise base·2^(retry-1) capped at max, drawn uniformly from [delay/2, delay] so
     * clients throttled together do not return together.
     */
    public Duration delay(int retry, Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null) {
            Duration wait = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
            return wait.compareTo(retryAfterMax) > 0 ? retryAfterMax : wait;
        }
        long capNanos = max.toNanos();
        long delay = base.toNanos();
        for (int i = 1; i < retry && delay < capNanos; i++) delay = delay > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : delay * 2;
        delay = Math.min(delay, capNanos);
        if (delay <= 0) return Duration.ZERO;
        long half = delay / 2;
        return Duration.ofNanos(half + random.nextLong(delay - half + 1));
    }

    /**
     * A Retry-After header value: delay-seconds or an HTTP-date (RFC 9110). Null when absent or unreadable,
     * so the normal backoff applies.
     */
    public static Duration parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) return null;
        String value = header.strip();
        try {
            double seconds = Double.parseDouble(value);
            return Double.isFinite(seconds) ? Duration.ofMillis(Math.round(seconds * 1000)) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                return Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
