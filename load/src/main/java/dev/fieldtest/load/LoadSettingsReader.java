package dev.fieldtest.load;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.config.Spelling;
import dev.fieldtest.load.LoadSettings.Arrival;
import dev.fieldtest.load.LoadSettings.Profile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a suite's {@code load:} section (docs/load.md) into {@link LoadSettings}, gathering every problem with its
 * file:line:column and a fix. A key that the chosen profile does not use is a problem too, so a typo'd profile
 * cannot silently run something else.
 */
public final class LoadSettingsReader {
    private static final Set<String> COMMON = Set.of("profile", "duration", "warm_up", "cool_down", "max_in_flight", "drain",
            "seed", "quality_sample", "slo", "targets");
    /** The keys only some profiles use, and which. */
    private static final Map<String, Set<Profile>> SPECIFIC = Map.of(
            "rates", Set.of(Profile.CONSTANT, Profile.POISSON, Profile.GAMMA),
            "rate", Set.of(Profile.SPIKE),
            "users", Set.of(Profile.CLOSED),
            "shape", Set.of(Profile.GAMMA, Profile.SWEEP),
            "spike", Set.of(Profile.SPIKE),
            "sweep", Set.of(Profile.SWEEP),
            "arrival", Set.of(Profile.SWEEP));
    private static final double ANY = Double.MAX_VALUE;

    private LoadSettingsReader() {}

    /** Reads {@code load}, the suite's section; problems go to {@code problems} and the result is then null. */
    public static LoadSettings read(ConfigNode load, Problems problems) {
        int before = problems.list().size();
        if (!load.isMap()) {
            problems.add(load.location(), "load must be a map of keys such as profile, rates, duration", "see docs/load.md for an example");
            return null;
        }
        Set<String> allowed = new java.util.HashSet<>(COMMON);
        allowed.addAll(SPECIFIC.keySet());
        ConfigReader r = new ConfigReader(load, problems).allowKeys(allowed);
        Profile profile = profile(r, problems);
        if (profile != null) unusedKeys(r, profile, problems);
        Arrival arrival = profile == Profile.SWEEP ? arrival(r, problems) : profile == Profile.POISSON ? Arrival.POISSON
                : profile == Profile.GAMMA ? Arrival.GAMMA : Arrival.CONSTANT;
        List<Double> rates = profile == Profile.SPIKE ? rates(r, "rate", problems) : rates(r, "rates", problems);
        List<Integer> users = users(r, problems);
        if (profile != null) required(r, profile, problems);
        double shape = r.number("shape", Defaults.LOAD_GAMMA_SHAPE, 1e-6, 1e6);
        OpenLoopRunner.Settings step = step(r, problems);
        LoadSettings.Spike spike = profile == Profile.SPIKE ? spike(r, problems) : null;
        LoadSettings.Sweep sweep = profile == Profile.SWEEP ? sweep(r, problems) : null;
        long seed = r.integer("seed", (int) Defaults.LOAD_SEED, 0, Integer.MAX_VALUE);
        int sample = r.integer("quality_sample", Defaults.LOAD_QUALITY_SAMPLE, 0, 100_000);
        Slo slo = slo(r, problems);
        List<String> targets = r.strings("targets");
        if (problems.list().size() > before || profile == null) return null;
        return new LoadSettings(profile, arrival, rates, users, shape, spike, sweep, step, seed, sample, slo, targets);
    }

    private static Profile profile(ConfigReader r, Problems problems) {
        String name = r.requiredString("profile", "add `profile: constant` (or closed, poisson, gamma, spike, sweep)");
        if (name == null) return null;
        try {
            return Profile.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(Profile.values()).map(Profile::wireName).toList();
            String near = Spelling.closest(name, names);
            problems.add(r.get("profile").orElseThrow().location(), "load.profile must be one of " + String.join(", ", names) + ", but was \"" + name + "\"",
                    near != null ? "did you mean \"" + near + "\"?" : "see docs/load.md for what each profile does");
            return null;
        }
    }

    private static void unusedKeys(ConfigReader r, Profile profile, Problems problems) {
        SPECIFIC.forEach((key, profiles) -> r.get(key).filter(n -> !profiles.contains(profile)).ifPresent(n -> problems.add(n.keyLocation(),
                "load." + key + " is not used by profile " + profile.wireName(),
                "remove it, or use it with profile " + profiles.stream().map(Profile::wireName).sorted().reduce((a, b) -> a + " or " + b).orElseThrow())));
    }

    private static void required(ConfigReader r, Profile profile, Problems problems) {
        String key = switch (profile) {
            case CONSTANT, POISSON, GAMMA -> "rates";
            case SPIKE -> "rate";
            case CLOSED -> "users";
            case SWEEP -> "sweep";
        };
        if (!r.has(key)) {
            String example = switch (key) {
                case "rates" -> "`rates: [5, 10, 20]` (requests per second, one step each)";
                case "rate" -> "`rate: 10` (the base rate) and `spike: {rate: 50, at: 10s, length: 5s}`";
                case "users" -> "`users: [1, 4, 16]` (virtual users, one step each)";
                default -> "`sweep: {from: 5, factor: 2, max: 500}`";
            };
            problems.add(r.node().location(), "profile " + profile.wireName() + " needs load." + key, "add " + example);
        }
    }

    private static Arrival arrival(ConfigReader r, Problems problems) {
        String name = r.string("arrival", "constant");
        try {
            return Arrival.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(r.get("arrival").orElseThrow().location(), "load.arrival must be constant, poisson or gamma, but was \"" + name + "\"", null);
            return Arrival.CONSTANT;
        }
    }

    /** A positive rate or a list of them (requests per second). */
    private static List<Double> rates(ConfigReader r, String key, Problems problems) {
        ConfigNode n = r.get(key).orElse(null);
        if (n == null) return List.of();
        List<Double> out = new ArrayList<>();
        for (ConfigNode item : n.isList() ? n.items() : List.of(n)) {
            if (item.isNumber() && ((Number) item.scalar()).doubleValue() > 0 && ((Number) item.scalar()).doubleValue() <= 1e6) {
                out.add(((Number) item.scalar()).doubleValue());
            } else {
                problems.add(item.location(), "load." + key + " must be requests per second above 0 and at most 1000000, but was " + item.describe(),
                        "write a number such as 10 or 2.5");
            }
        }
        if (n.isList() && n.items().isEmpty()) problems.add(n.location(), "load." + key + " is empty", "give at least one rate");
        return out;
    }

    private static List<Integer> users(ConfigReader r, Problems problems) {
        ConfigNode n = r.get("users").orElse(null);
        if (n == null) return List.of();
        List<Integer> out = new ArrayList<>();
        for (ConfigNode item : n.isList() ? n.items() : List.of(n)) {
            if (item.scalar() instanceof Long l && l >= 1 && l <= 100_000) out.add(l.intValue());
            else problems.add(item.location(), "load.users must be whole numbers from 1 to 100000, but was " + item.describe(), "write e.g. [1, 4, 16]");
        }
        if (n.isList() && n.items().isEmpty()) problems.add(n.location(), "load.users is empty", "give at least one number of users");
        return out;
    }

    private static OpenLoopRunner.Settings step(ConfigReader r, Problems problems) {
        Duration duration = r.positiveDuration("duration", Defaults.LOAD_STEP_DURATION);
        Duration warmUp = r.duration("warm_up", Defaults.LOAD_WARM_UP);
        Duration coolDown = r.duration("cool_down", Defaults.LOAD_COOL_DOWN);
        Duration drain = r.duration("drain", Defaults.LOAD_DRAIN);
        int maxInFlight = r.integer("max_in_flight", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        if (!duration.isZero() && warmUp.plus(coolDown).compareTo(duration) >= 0) {
            problems.add(r.get("duration").map(ConfigNode::location).orElse(r.node().location()),
                    "load.warm_up (" + warmUp.toMillis() / 1000.0 + " s) plus load.cool_down (" + coolDown.toMillis() / 1000.0
                            + " s) must be shorter than load.duration (" + duration.toMillis() / 1000.0 + " s)",
                    "lengthen duration or shorten warm_up and cool_down, so that a measurement window remains");
            return null;
        }
        return duration.isZero() ? null : new OpenLoopRunner.Settings(duration, warmUp, coolDown, 1_000_000_000, maxInFlight, drain);
    }

    private static LoadSettings.Spike spike(ConfigReader r, Problems problems) {
        ConfigNode n = r.get("spike").orElse(null);
        if (n == null) return null;
        ConfigReader s = new ConfigReader(n, problems).allowKeys(Set.of("rate", "at", "length"));
        double rate = s.number("rate", 0, 1e-9, 1e6);
        if (!s.has("rate")) problems.add(n.location(), "load.spike needs rate", "add `rate: 50` (requests per second during the burst)");
        return new LoadSettings.Spike(rate, s.duration("at", Duration.ZERO), s.positiveDuration("length", Duration.ofSeconds(5)));
    }

    private static LoadSettings.Sweep sweep(ConfigReader r, Problems problems) {
        ConfigNode n = r.get("sweep").orElse(null);
        if (n == null) return null;
        ConfigReader s = new ConfigReader(n, problems).allowKeys(Set.of("from", "factor", "step", "max", "max_steps"));
        if (!s.has("from")) problems.add(n.location(), "load.sweep needs from", "add `from: 5` (the first rate, requests per second)");
        if (s.has("factor") && s.has("step")) problems.add(n.location(), "load.sweep has both factor and step", "keep one: factor multiplies the rate, step adds to it");
        double from = s.number("from", 1, 1e-9, 1e6);
        double factor = s.number("factor", Defaults.LOAD_SWEEP_FACTOR, 1.01, 100);
        double step = s.number("step", 0, 1e-9, 1e6);
        double max = s.number("max", 1e6, 1e-9, 1e6);
        if (max < from) problems.add(n.get("max").orElse(n).location(), "load.sweep.max (" + max + ") is below from (" + from + ")", "raise max");
        return new LoadSettings.Sweep(from, factor, step, max, s.integer("max_steps", Defaults.LOAD_SWEEP_MAX_STEPS, 1, 1000));
    }

    private static Slo slo(ConfigReader r, Problems problems) {
        ConfigNode n = r.get("slo").orElse(null);
        if (n == null) return Slo.NONE;
        ConfigReader s = new ConfigReader(n, problems).allowKeys(Set.of("latency", "ttft", "tpot", "goodput", "max_error_rate"));
        return new Slo(millis(s, "latency"), millis(s, "ttft"), millis(s, "tpot"), s.number("goodput", Defaults.LOAD_GOODPUT, 0, 1),
                s.number("max_error_rate", Defaults.LOAD_MAX_ERROR_RATE, 0, 1));
    }

    private static Double millis(ConfigReader r, String key) {
        if (!r.has(key)) return null;
        Duration d = r.positiveDuration(key, Duration.ZERO);
        return d.toNanos() / 1e6;
    }
}
