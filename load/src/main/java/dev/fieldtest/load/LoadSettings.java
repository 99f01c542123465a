package dev.fieldtest.load;

import java.time.Duration;
import java.util.List;

/**
 * A load run as declared by the suite's {@code load:} section, with the command line's overrides applied
 * (docs/load.md lists every key and its default, which live in {@link dev.fieldtest.core.config.Defaults}).
 * Built by {@link LoadSettingsReader}, which checks every rule; immutable.
 *
 * @param profile      the shape of the run
 * @param arrival      how sends are spaced within an open step: constant, poisson or gamma (spike is always constant)
 * @param rates        offered rates of the steps, requests per second (constant, poisson, gamma); for a spike, the base rate
 * @param users        virtual users of each closed-loop step
 * @param gammaShape   shape k of gamma inter-arrival times (&lt; 1 burstier than Poisson)
 * @param spike        the burst of a spike profile, null otherwise
 * @param sweep        how a sweep raises the rate, null otherwise
 * @param step         duration, warm-up, cool-down, in-flight cap and drain of every step
 * @param seed         seeds the Poisson and gamma schedules and the quality sample
 * @param qualitySample successful requests per step scored with the suite's checks (0: none)
 * @param slo          what a good request is, and the limits a step must meet
 * @param targets      ids of the suite's targets to load, one after another; empty: all of them
 */
public record LoadSettings(Profile profile, Arrival arrival, List<Double> rates, List<Integer> users, double gammaShape,
                           Spike spike, Sweep sweep, OpenLoopRunner.Settings step, long seed, int qualitySample, Slo slo,
                           List<String> targets) {

    /** The shapes of a load run. */
    public enum Profile {
        /** Fixed numbers of virtual users, one step per number. */
        CLOSED,
        /** Open-loop steps at each rate, evenly spaced sends. */
        CONSTANT,
        /** Open-loop steps at each rate, Poisson arrivals. */
        POISSON,
        /** Open-loop steps at each rate, gamma-distributed gaps (burstiness set by the shape). */
        GAMMA,
        /** One open-loop step: a base rate with a burst on top. */
        SPIKE,
        /** Open-loop steps of rising rate until a step breaks an SLO or limit. */
        SWEEP;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How sends are spaced within an open step. */
    public enum Arrival {
        CONSTANT, POISSON, GAMMA;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A burst of {@code rps} starting {@code at} into the step, lasting {@code length}. */
    public record Spike(double rps, Duration at, Duration length) {}

    /**
     * A rising sequence of rates: {@code from}, then each rate times {@code factor} (or plus {@code step} when
     * step &gt; 0), while the rate stays at most {@code max} and the steps number at most {@code maxSteps}.
     */
    public record Sweep(double from, double factor, double step, double max, int maxSteps) {
        /** The rate after {@code rate}, or NaN when the sweep ends there. */
        public double next(double rate, int stepsDone) {
            double next = step > 0 ? rate + step : rate * factor;
            return stepsDone >= maxSteps || next > max * (1 + 1e-9) ? Double.NaN : next;
        }
    }

    public LoadSettings {
        rates = List.copyOf(rates);
        users = List.copyOf(users);
        targets = List.copyOf(targets);
    }

    /** The schedule of one open step at {@code rps}, for this run's arrival and seed. */
    public Schedule schedule(double rps, int stepIndex) {
        if (profile == Profile.SPIKE) return new Schedule.Spike(rps, spike.rps(), spike.at(), spike.length());
        long stepSeed = seed + stepIndex;
        return switch (arrival) {
            case CONSTANT -> new Schedule.ConstantRate(rps);
            case POISSON -> new Schedule.Poisson(rps, stepSeed);
            case GAMMA -> new Schedule.Gamma(rps, gammaShape, stepSeed);
        };
    }

    /** The arrival an open step of this run uses, as load.json names it. */
    public String arrivalName() {
        return profile == Profile.SPIKE ? "spike" : arrival.wireName();
    }
}
