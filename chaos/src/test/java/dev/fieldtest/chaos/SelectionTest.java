package dev.fieldtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which requests a plan picks: by hand for every/window, and re-derived with the JDK's SplitMix64 for share. */
class SelectionTest {
    private static final Action DELAY = new Action.Latency(0, 0);

    private static List<Long> picked(Plan plan, int requests, double seconds) {
        List<Long> out = new ArrayList<>();
        for (long n = 1; n <= requests; n++) if (plan.select(n, seconds) != null) out.add(n);
        return out;
    }

    @Test
    void everyThirdOfTenRequestsIsRequests3_6_9() {
        Plan plan = new Plan(List.of(new Fault(0, new Trigger(null, 3, null, null), DELAY)), 1);
        assertThat(picked(plan, 10, 0)).containsExactly(3L, 6L, 9L);
    }

    @Test
    void aWindowFrom10To20SecondsHitsOnlyInsideIt() {
        Plan plan = new Plan(List.of(new Fault(0, new Trigger(null, null, 10.0, 20.0), DELAY)), 1);
        assertThat(picked(plan, 5, 9.99)).isEmpty();
        assertThat(picked(plan, 5, 10.0)).hasSize(5);
        assertThat(picked(plan, 5, 20.0)).isEmpty(); // `to` is exclusive
    }

    @Test
    void aShareOf30PercentOver1000RequestsPicksTheCountTheSeedDetermines() {
        Plan plan = new Plan(List.of(new Fault(0, new Trigger(0.3, null, null, null), DELAY)), 42);
        // The rule re-derived from the JDK: SplittableRandom(s).nextLong() is SplitMix64 of s + golden gamma.
        long expected = 0;
        for (long n = 1; n <= 1000; n++) {
            long inner = new SplittableRandom(n * 0x9E3779B97F4A7C15L).nextLong();
            double u = (new SplittableRandom(42 ^ inner).nextLong() >>> 11) * 0x1.0p-53;
            if (u < 0.3) expected++;
        }
        assertThat(picked(plan, 1000, 0)).hasSize((int) expected);
        assertThat(expected).isEqualTo(318); // the figure docs/chaos.md quotes
        assertThat(expected).isBetween(255L, 345L); // ±3 standard deviations of Binomial(1000, 0.3): the draw is uniform
        assertThat(picked(plan.withSeed(42), 1000, 0)).isEqualTo(picked(plan, 1000, 0)); // reproducible
        assertThat(picked(plan.withSeed(43), 1000, 0)).isNotEqualTo(picked(plan, 1000, 0));
    }

    @Test
    void theFirstMatchingFaultWinsSoARequestGetsOneFault() {
        Fault every2 = new Fault(0, new Trigger(null, 2, null, null), new Action.Reset());
        Fault every3 = new Fault(1, new Trigger(null, 3, null, null), new Action.Timeout());
        Plan plan = new Plan(List.of(every2, every3), 1);
        assertThat(plan.select(6, 0)).isEqualTo(every2);
        assertThat(plan.select(9, 0)).isEqualTo(every3);
        assertThat(plan.select(7, 0)).isNull();
    }

    @Test
    void theMixMatchesTheJdksSplitMix64() {
        for (long s : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) assertThat(Trigger.mix(s)).isEqualTo(new SplittableRandom(s).nextLong());
    }

    @Test
    void everyAndAWindowTogetherNeedBoth() {
        Plan plan = new Plan(List.of(new Fault(0, new Trigger(null, 2, 5.0, 6.0), DELAY)), 1);
        assertThat(picked(plan, 6, 5.5)).containsExactly(2L, 4L, 6L);
        assertThat(picked(plan, 6, 7)).isEmpty();
    }
}
