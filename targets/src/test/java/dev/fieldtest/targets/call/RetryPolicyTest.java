package dev.fieldtest.targets.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.ErrorClass;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(3, Set.of(ErrorClass.THROTTLED), Duration.ofMillis(100),
            Duration.ofMillis(350), Duration.ofSeconds(60));

    @Test
    void backoffDoublesWithJitterInTheUpperHalfAndIsCapped() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            assertThat(policy.delay(1, null, random)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(policy.delay(2, null, random)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(policy.delay(3, null, random)).isBetween(Duration.ofMillis(175), Duration.ofMillis(350));
            assertThat(policy.delay(60, null, random)).isBetween(Duration.ofMillis(175), Duration.ofMillis(350));
        }
    }

    @Test
    void retryAfterReplacesTheBackoffClampedToItsMaximum() {
        Random random = new Random(1);
        assertThat(policy.delay(1, Duration.ofSeconds(2), random)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(1, Duration.ofSeconds(-5), random)).isEqualTo(Duration.ZERO);
        assertThat(policy.delay(1, Duration.ofHours(1), random)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void retriesOnlyListedClassesUpToTheLimit() {
        assertThat(policy.shouldRetry(1, ErrorClass.THROTTLED)).isTrue();
        assertThat(policy.shouldRetry(3, ErrorClass.THROTTLED)).isTrue();
        assertThat(policy.shouldRetry(4, ErrorClass.THROTTLED)).isFalse();
        assertThat(policy.shouldRetry(1, ErrorClass.SERVER_ERROR)).isFalse();
        assertThat(policy.shouldRetry(1, null)).isFalse();
    }

    @Test
    void parsesRetryAfterAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2025-01-01T12:00:00Z");
        assertThat(RetryPolicy.parseRetryAfter("3", now)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryPolicy.parseRetryAfter(" 0.5 ", now)).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryPolicy.parseRetryAfter("Wed, 01 Jan 2025 12:00:07 GMT", now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryPolicy.parseRetryAfter("soon", now)).isNull();
        assertThat(RetryPolicy.parseRetryAfter(null, now)).isNull();
    }
}
