package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class QualityTrendTest {
    private static String trend(String steps) throws Exception {
        return QualityTrend.sentence(new ObjectMapper().readTree(steps));
    }

    private static String step(int index, double rps, double rate, double low, double high) {
        return String.format(java.util.Locale.ROOT, "{\"index\": %d, \"kind\": \"open\", \"offered_rps\": %s, "
                + "\"quality\": {\"n\": 20, \"pass_rate\": %s, \"ci95\": [%s, %s]}}", index, rps, rate, low, high);
    }

    @Test
    void fellOnlyWhenTheLastIntervalLiesWhollyBelowTheFirst() throws Exception {
        assertThat(trend("[" + step(0, 10, 0.95, 0.764, 0.991) + ", {\"index\": 1, \"quality\": null}, " + step(2, 40, 0.5, 0.299, 0.701) + "]"))
                .isEqualTo("Quality pass rate fell from 95.0% (step 0, 10 rps) to 50.0% (step 2, 40 rps); the 95% intervals do not overlap.");
        assertThat(trend("[" + step(0, 10, 0.95, 0.764, 0.991) + ", " + step(1, 20, 0.6, 0.387, 0.764) + "]"))
                .isEqualTo("Quality pass rate went from 95.0% (step 0, 10 rps) to 60.0% (step 1, 20 rps): no change beyond the 95% intervals.");
    }

    @Test
    void nothingToCompareWithFewerThanTwoMeasuredSteps() throws Exception {
        assertThat(trend("[" + step(0, 10, 0.95, 0.764, 0.991) + ", {\"index\": 1, \"quality\": {\"n\": 0}}]")).isEmpty();
        assertThat(trend("[]")).isEmpty();
    }
}
