package dev.fieldtest.junit;

import static dev.fieldtest.junit.FieldtestAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.api.Answer;
import dev.fieldtest.api.Fieldtest;
import dev.fieldtest.api.RunResult;
import dev.fieldtest.api.SuiteBuilder;
import dev.fieldtest.api.Targets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The assertions on one run with hand-worked numbers: 10 cases, 9 answered right; c9 ("hard", with c8) answered
 * wrong. Every call costs $0.01 and takes at least 30 ms.
 */
class FieldtestAssertionsTest {
    private static RunResult nineOfTen;

    @BeforeAll
    static void run() {
        SuiteBuilder b = Fieldtest.suite("nine-of-ten").prompt("Say {{word}}").check("equals", Map.of("value", "{{expected}}")).concurrency(10);
        for (int i = 0; i < 10; i++) b.addCase("c" + i, Map.of("word", "w" + i), "w" + i, i >= 8 ? "hard" : "easy");
        nineOfTen = Fieldtest.run(b.target(Targets.meteredFunction("fn", req -> {
            sleep(30);
            String word = req.messages().getLast().content().substring("Say ".length());
            return Answer.of(word.equals("w9") ? "something else entirely" : word, 3, 1, 0.01);
        })).build());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void ninePassesOfTenHoldARateOf055At95PercentButNot06() {
        // Wilson 95%, 9 of 10: (0.9 + z²/20 − z·sqrt(0.009 + z²/400)) / (1 + z²/10) = 0.59585.
        assertThatCode(() -> assertThat(nineOfTen).passRateAtLeast(0.55).withConfidence(0.95)).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(nineOfTen).passRateAtLeast(0.6).withConfidence(0.95))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("lower bound was 0.5958 (9 of 10 passed, 95% interval [0.5958, 0.9821])");
    }

    @Test
    void aLowerConfidenceLevelGivesAHigherLowerBound() {
        // At 90% z = Φ⁻¹(0.95) = 1.644854: the lower bound is 0.65228; at 99% (z = 2.575829) it is 0.49277.
        assertThatCode(() -> assertThat(nineOfTen).passRateAtLeast(0.652).withConfidence(0.90)).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(nineOfTen).passRateAtLeast(0.653).withConfidence(0.90)).hasMessageContaining("0.6523");
        assertThatThrownBy(() -> assertThat(nineOfTen).passRateAtLeast(0.5).withConfidence(0.99)).hasMessageContaining("0.4928");
    }

    @Test
    void withoutConfidenceThePointEstimateIsCompared() {
        assertThatCode(() -> assertThat(nineOfTen).passRateAtLeast(0.9)).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(nineOfTen).passRateAtLeast(0.91)).hasMessageContaining("but it was 0.9000 (9 of 10 passed)");
    }

    @Test
    void aFailureListsTheFailingCaseWithTargetOutputAndWhy() {
        assertThatThrownBy(() -> assertThat(nineOfTen).passRateAtLeast(0.95))
                .hasMessageContaining("Failing cases of target \"fn\" (1 of 10 calls):")
                .hasMessageContaining("- case c9, target fn, repeat 0: output \"something else entirely\" — equals:");
    }

    @Test
    void costPerSuccessIsAllCostOverPassingCalls() {
        // 10 calls × $0.01 over 9 passing calls = $0.011111.
        assertThatCode(() -> assertThat(nineOfTen).costPerSuccessBelow(0.0112)).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(nineOfTen).costPerSuccessBelow(0.0111)).hasMessageContaining("0.0111111");
    }

    @Test
    void latencyP95IsComparedWithTheLimit() {
        assertThatCode(() -> assertThat(nineOfTen).latencyP95Below(Duration.ofSeconds(10))).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(nineOfTen).latencyP95Below(Duration.ofMillis(20)))
                .hasMessageContaining("a p95 latency below 20.0 ms").hasMessageContaining("over 10 successful calls");
    }

    @Test
    void theWeakestSliceDecidesNoSliceBelow() {
        // easy: c0–c7, 8 of 8; hard: c8 and c9, 1 of 2 = 0.5.
        assertThatCode(() -> assertThat(nineOfTen).noSliceBelow(0.5)).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(nineOfTen).noSliceBelow(0.6)).hasMessageContaining("slice \"hard\" had 0.5000 (1 of 2 passed)");
    }

    @Test
    void assertionsChainAndNarrowToATarget() {
        assertThatCode(() -> assertThat(nineOfTen).target("fn").passRateAtLeast(0.55).withConfidence(0.95)
                .costPerSuccessBelow(0.02).noSliceBelow(0.5).latencyP95Below(Duration.ofSeconds(10))).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(nineOfTen).target("nope")).hasMessageContaining("target must be one of [fn], but was \"nope\"");
    }

    @Test
    void aRateOutsideZeroToOneIsAMistakeNotAFailure() {
        assertThatThrownBy(() -> assertThat(nineOfTen).passRateAtLeast(80)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate must be a share from 0 to 1, but was 80.0");
    }
}
