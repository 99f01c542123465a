package com.example.helpcentre;

import static dev.fieldtest.junit.FieldtestAssertions.assertThat;

import dev.fieldtest.api.RunResult;
import dev.fieldtest.junit.FieldtestSuite;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The same suite the fieldtest-maven-plugin gates in `verify`, asserted in a JUnit test: the suite runs once for
 * this class and every method reads its result (docs/junit.md).
 */
@FieldtestSuite(value = "src/test/fieldtest/help-centre.yaml", outDir = "target/fieldtest-junit")
class HelpCentreEvalTest {

    @Test
    void answersFromTheRightEntryAtLeast70PercentOfTheTimeWith95PercentConfidence(RunResult result) {
        // 12 of 12 calls pass: the Wilson 95% interval's lower bound is 12 / (12 + 1.96²) = 0.76.
        assertThat(result).passRateAtLeast(0.7).withConfidence(0.95);
    }

    @Test
    void answersWellWithinASecond(RunResult result) {
        assertThat(result).target("minilm").latencyP95Below(Duration.ofSeconds(1));
    }

    @Test
    void everyPropertyOfTheSuiteHolds(RunResult result) {
        assertThat(result).propertiesHold();
    }
}
