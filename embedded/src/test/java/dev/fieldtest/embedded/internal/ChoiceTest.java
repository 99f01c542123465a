package dev.fieldtest.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.config.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChoiceTest {
    static final List<KbIndex.Match> RANKED = List.of(match("a", 0.90), match("b", 0.89), match("c", 0.88), match("d", 0.40));

    @Test
    void temperatureZeroAlwaysTakesTheBest() {
        for (int repeat = 0; repeat < 20; repeat++) {
            assertThat(Choice.choose(RANKED, 0.5, 0, 0, "case", repeat).entry().id()).isEqualTo("a");
        }
    }

    @Test
    void aBestMatchBelowTheThresholdAbstains() {
        assertThat(Choice.choose(RANKED, 0.95, 0, 0, "case", 0)).isNull();
        assertThat(Choice.choose(RANKED, 0.90, 0, 0, "case", 0).entry().id()).isEqualTo("a"); // equal is enough
    }

    @Test
    void samplingDrawsNearlyUniformlyAmongCloseCandidatesAndNeverBelowTheThreshold() {
        Map<String, Integer> counts = new HashMap<>();
        for (int repeat = 0; repeat < 3000; repeat++) {
            counts.merge(Choice.choose(RANKED, 0.5, 10, 7, "case-1", repeat).entry().id(), 1, Integer::sum);
        }
        // at temperature 10 the weights of a, b, c differ by 0.1% — a third each; d is below the threshold
        assertThat(counts).doesNotContainKey("d");
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(900, 1100));
    }

    @Test
    void aLowTemperatureFavoursTheBestByItsSoftmaxWeight() {
        // at T = 0.01: weights 1, e^-1, e^-2 → P(a) = 1 / (1 + 0.3679 + 0.1353) = 0.665
        int best = 0;
        for (int repeat = 0; repeat < 4000; repeat++) {
            if (Choice.choose(RANKED, 0.5, 0.01, 3, "c", repeat).entry().id().equals("a")) best++;
        }
        assertThat(best / 4000.0).isBetween(0.63, 0.70);
    }

    @Test
    void theSameSeedCaseAndRepeatAlwaysDrawTheSame() {
        assertThat(Choice.seedFor(1, "refund-1", 3)).isEqualTo(Choice.seedFor(1, "refund-1", 3));
        assertThat(Choice.seedFor(1, "refund-1", 3)).isNotEqualTo(Choice.seedFor(1, "refund-1", 4))
                .isNotEqualTo(Choice.seedFor(1, "refund-2", 3)).isNotEqualTo(Choice.seedFor(2, "refund-1", 3));
    }

    private static KbIndex.Match match(String id, double similarity) {
        return new KbIndex.Match(new KbEntry(id, "q " + id, "answer " + id, null, Location.of(null)), similarity);
    }
}
