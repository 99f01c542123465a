package dev.fieldtest.load;

import java.time.Duration;
import java.util.PrimitiveIterator;
import java.util.SplittableRandom;

/**
 * When an open-loop step intends to send each request: an endless, non-decreasing sequence of offsets in
 * nanoseconds from the step start. Pure: {@link #offsets()} returns a fresh iterator each time, and two
 * iterators of the same schedule (same seed) yield the same offsets. Immutable.
 */
public sealed interface Schedule permits Schedule.ConstantRate, Schedule.Poisson, Schedule.Gamma, Schedule.Spike {

    /** A fresh iterator over intended send offsets, nanoseconds from the step start; never ends. */
    PrimitiveIterator.OfLong offsets();

    /** The long-run offered rate in requests per second (for a spike: averaged over {@code duration}). */
    double offeredRps(Duration duration);

    /** The offsets strictly before {@code durationNanos}, at most {@code maxCount} of them. */
    default long[] offsetsBefore(long durationNanos, int maxCount) {
        var it = offsets();
        var out = new java.util.ArrayList<Long>();
        while (out.size() < maxCount) {
            long t = it.nextLong();
            if (t >= durationNanos) break;
            out.add(t);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static void requireRate(double rps, String name) {
        if (!(rps > 0) || Double.isInfinite(rps)) throw new IllegalArgumentException(name + " must be a positive finite rate, was " + rps);
    }

    /** Evenly spaced sends: send {@code i} at exactly {@code round(i · 10⁹ / rps)} ns. */
    record ConstantRate(double rps) implements Schedule {
        public ConstantRate {
            requireRate(rps, "rps");
        }

        @Override
        public PrimitiveIterator.OfLong offsets() {
            return new Offsets() {
                long i;

                @Override
                public long nextLong() {
                    return Math.round(i++ * 1e9 / rps);
                }
            };
        }

        @Override
        public double offeredRps(Duration duration) {
            return rps;
        }
    }

    /** A Poisson process: exponential inter-arrival times with mean {@code 1/rps} seconds, drawn from {@code seed}. */
    record Poisson(double rps, long seed) implements Schedule {
        public Poisson {
            requireRate(rps, "rps");
        }

        @Override
        public PrimitiveIterator.OfLong offsets() {
            var random = new SplittableRandom(seed);
            return new Offsets() {
                double seconds;

                @Override
                public long nextLong() {
                    long now = Math.round(seconds * 1e9);
                    seconds += -Math.log(1 - random.nextDouble()) / rps;
                    return now;
                }
            };
        }

        @Override
        public double offeredRps(Duration duration) {
            return rps;
        }
    }

    /**
     * A renewal process with Gamma(shape {@code k}, scale {@code 1/(k·rps)}) inter-arrival times: mean
     * {@code 1/rps} seconds, coefficient of variation {@code sqrt(1/k)}. {@code k = 1} is Poisson; {@code k < 1}
     * is burstier; {@code k > 1} is more regular.
     */
    record Gamma(double rps, double shape, long seed) implements Schedule {
        public Gamma {
            requireRate(rps, "rps");
            if (!(shape > 0) || Double.isInfinite(shape)) throw new IllegalArgumentException("shape must be positive and finite, was " + shape);
        }

        @Override
        public PrimitiveIterator.OfLong offsets() {
            var random = new SplittableRandom(seed);
            double scale = 1 / (shape * rps);
            return new Offsets() {
                double seconds;

                @Override
                public long nextLong() {
                    long now = Math.round(seconds * 1e9);
                    seconds += GammaSampler.sample(random, shape) * scale;
                    return now;
                }
            };
        }

        @Override
        public double offeredRps(Duration duration) {
            return rps;
        }
    }

    /**
     * Evenly spaced sends at {@code baseRps}, switching to {@code spikeRps} from {@code spikeStart} for
     * {@code spikeLength}, then back. The first send of the spike is at exactly {@code spikeStart}, the first after
     * it at exactly {@code spikeStart + spikeLength}.
     */
    record Spike(double baseRps, double spikeRps, Duration spikeStart, Duration spikeLength) implements Schedule {
        public Spike {
            requireRate(baseRps, "baseRps");
            requireRate(spikeRps, "spikeRps");
            if (spikeStart.isNegative() || spikeLength.isNegative()) throw new IllegalArgumentException("spike start and length must not be negative");
        }

        @Override
        public PrimitiveIterator.OfLong offsets() {
            long start = spikeStart.toNanos();
            long end = start + spikeLength.toNanos();
            return new Offsets() {
                // Each phase is a constant rate counted from its own beginning, so no rounding drift accumulates.
                long phaseStart;
                double phaseRps = start == 0 && end > 0 ? spikeRps : baseRps;
                long phaseEnd = start == 0 ? (end > 0 ? end : Long.MAX_VALUE) : start;
                long i;

                @Override
                public long nextLong() {
                    long t = phaseStart + Math.round(i * 1e9 / phaseRps);
                    if (t >= phaseEnd) {
                        phaseStart = phaseEnd;
                        boolean enteringSpike = phaseEnd == start && end > start;
                        phaseRps = enteringSpike ? spikeRps : baseRps;
                        phaseEnd = enteringSpike ? end : Long.MAX_VALUE;
                        i = 0;
                        t = phaseStart;
                    }
                    i++;
                    return t;
                }
            };
        }

        @Override
        public double offeredRps(Duration duration) {
            double total = duration.toNanos() / 1e9;
            if (total <= 0) return baseRps;
            double inSpike = Math.max(0, Math.min(total, (spikeStart.toNanos() + spikeLength.toNanos()) / 1e9) - spikeStart.toNanos() / 1e9);
            return (baseRps * (total - inSpike) + spikeRps * inSpike) / total;
        }
    }

    /** An endless iterator of offsets. */
    abstract class Offsets implements PrimitiveIterator.OfLong {
        @Override
        public boolean hasNext() {
            return true;
        }
    }
}
