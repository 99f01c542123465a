package dev.fieldtest.core.stats;

import static dev.fieldtest.core.stats.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.ScoredCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Aggregates over any split of a run's calls, merged, render exactly as one aggregate over all of them. */
class MergeTest {
    private static final String[] TARGETS = {"alpha", "beta", "gamma"};
    private static final String[] TAGS = {"math", "code", "long", "multilingual", "hard", "edge"};
    private static final ErrorClass[] ERRORS = ErrorClass.values();

    /** Random calls: varied pass rates per target, errors, retries, confidences, costs, tags, latencies. */
    static List<ScoredCall> randomCalls(Random random, int count, int repeat) {
        List<ScoredCall> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int t = random.nextInt(TARGETS.length);
            String caseId = "case-" + random.nextInt(40);
            var b = call(TARGETS[t], caseId).repeat(random.nextInt(repeat));
            if (random.nextInt(10) == 0) {
                b.error(ERRORS[random.nextInt(ERRORS.length)]).latencyMs(random.nextDouble() * 60_000);
            } else {
                b.pass(random.nextDouble() < 0.5 + 0.2 * t).latencyMs(Math.exp(4 + random.nextGaussian()));
                if (t != 2 && random.nextBoolean()) b.ttftMs(random.nextDouble() * 500); // gamma never streams
            }
            b.attempts(1 + random.nextInt(3)).throttled(random.nextInt(3));
            b.cost(random.nextDouble() * 0.003).usage(random.nextInt(4000), random.nextInt(800));
            if (random.nextInt(4) != 0) b.confidence(random.nextInt(3) == 0 ? random.nextInt(11) / 10.0 : random.nextDouble());
            List<String> tags = new ArrayList<>();
            for (String tag : TAGS) if (random.nextInt(4) == 0) tags.add(tag);
            b.tags(tags.toArray(String[]::new));
            calls.add(b.build());
        }
        return calls;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void splitAggregateMergeEqualsWhole(long seed) {
        Random random = new Random(seed);
        int repeat = 1 + random.nextInt(12);
        List<ScoredCall> calls = randomCalls(random, 50 + random.nextInt(1000), repeat);

        RunAggregate whole = new RunAggregate();
        calls.forEach(whole::add);

        RunAggregate left = new RunAggregate();
        RunAggregate right = new RunAggregate();
        for (ScoredCall c : calls) (random.nextBoolean() ? left : right).add(c);
        RunAggregate leftThenRight = left.copy();
        leftThenRight.merge(right);
        RunAggregate rightThenLeft = right.copy();
        rightThenLeft.merge(left);

        ObjectNode expected = TargetSummaryJson.targets(whole, repeat);
        for (RunAggregate merged : List.of(leftThenRight, rightThenLeft)) {
            ObjectNode actual = TargetSummaryJson.targets(merged, repeat);
            assertThat(actual).isEqualTo(expected); // order of targets aside
            for (String id : whole.targets().keySet()) {
                assertThat(actual.get(id).toString()).isEqualTo(expected.get(id).toString());
                assertThat(unrounded(merged.targets().get(id), repeat))
                        .isEqualTo(unrounded(whole.targets().get(id), repeat));
            }
        }
        // the split really split: both parts non-empty for these sizes
        assertThat(left.targets()).isNotEmpty();
        assertThat(right.targets()).isNotEmpty();
    }

    /** Every statistic before rounding, to the last bit: exact sums make merging order-free. */
    private static List<Object> unrounded(TargetAggregate a, int repeat) {
        List<Object> values = new ArrayList<>(List.of(a.calls(), a.errors(), a.passes(), a.throttled(), a.retries(),
                a.inputTokens(), a.outputTokens(), a.costUsd().stripTrailingZeros(), a.perCase(), a.slices(),
                a.calibration().n(), a.calibration().ece(), a.calibration().brier(), a.latency().count(),
                a.ttft().count()));
        for (int k : PassAtK.reportedK(repeat)) {
            values.add(PassAtK.meanPassAtK(a.perCase().values(), k));
            values.add(PassAtK.meanPassAllK(a.perCase().values(), k));
        }
        for (double p : new double[] {50, 90, 95, 99, 100}) {
            values.add(a.latency().count() == 0 ? null : a.latency().percentileMs(p));
            values.add(a.ttft().count() == 0 ? null : a.ttft().percentileMs(p));
        }
        values.add(a.latency().maxMs());
        return values;
    }

    @Test
    void manyPartsInAnyOrderAndShuffledInput() {
        Random random = new Random(99);
        int repeat = 5;
        List<ScoredCall> calls = randomCalls(random, 2000, repeat);
        RunAggregate whole = new RunAggregate();
        calls.forEach(whole::add);
        ObjectNode expected = TargetSummaryJson.targets(whole, repeat);

        List<ScoredCall> shuffled = new ArrayList<>(calls);
        Collections.shuffle(shuffled, random);
        List<RunAggregate> parts = new ArrayList<>();
        for (int p = 0; p < 7; p++) parts.add(new RunAggregate());
        for (ScoredCall c : shuffled) parts.get(random.nextInt(parts.size())).add(c);
        Collections.shuffle(parts, random);
        RunAggregate merged = new RunAggregate();
        // a tree of merges, not a chain
        RunAggregate a = parts.get(0);
        a.merge(parts.get(1));
        RunAggregate b = parts.get(2);
        b.merge(parts.get(3));
        b.merge(parts.get(4));
        merged.merge(parts.get(5));
        merged.merge(b);
        merged.merge(parts.get(6));
        merged.merge(a);

        ObjectNode actual = TargetSummaryJson.targets(merged, repeat);
        for (String id : whole.targets().keySet()) {
            assertThat(actual.get(id).toString()).isEqualTo(expected.get(id).toString());
            assertThat(unrounded(merged.targets().get(id), repeat)).isEqualTo(unrounded(whole.targets().get(id), repeat));
        }
    }

    @Test
    void parallelCollectorEqualsSequential() {
        List<ScoredCall> calls = randomCalls(new Random(5), 5000, 3);
        RunAggregate sequential = calls.stream().collect(RunAggregate.collector());
        RunAggregate parallel = calls.parallelStream().collect(RunAggregate.collector());
        ObjectNode expected = TargetSummaryJson.targets(sequential, 3);
        ObjectNode actual = TargetSummaryJson.targets(parallel, 3);
        assertThat(actual.toString()).isEqualTo(expected.toString());
    }

    @Test
    void mergeLeavesTheOtherAggregateUnchanged() {
        List<ScoredCall> calls = randomCalls(new Random(11), 300, 4);
        RunAggregate a = new RunAggregate();
        RunAggregate b = new RunAggregate();
        calls.subList(0, 150).forEach(a::add);
        calls.subList(150, 300).forEach(b::add);
        String before = TargetSummaryJson.targets(b, 4).toString();
        a.merge(b);
        a.add(calls.get(0));
        assertThat(TargetSummaryJson.targets(b, 4).toString()).isEqualTo(before);
    }
}
