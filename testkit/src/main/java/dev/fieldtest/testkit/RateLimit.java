package dev.fieldtest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A provider-style request rate limit for {@link RuleResponder}: a token bucket that holds at most
 * {@code burst} tokens (full at the start) and gains {@code rps} tokens per second. Each request takes a
 * token; a request that finds none is throttled, with a Retry-After of the time until the next token
 * rounded up to whole seconds (so at least 1). With a {@code model} regex it counts only requests for a
 * matching model. Thread-safe.
 *
 * <p>The bucket is kept as time rather than as a token count, so the arithmetic is exact in whole
 * nanoseconds: it is full from {@code fullAt} on, and each token taken moves {@code fullAt} one interval
 * (1/rps seconds, rounded to the nanosecond) later.
 */
public final class RateLimit {
    private static final Set<String> KEYS = Set.of("rps", "burst", "model");
    private static final long SECOND = 1_000_000_000L;
    /** Longest allowed refill of a whole bucket, so the nanosecond arithmetic cannot overflow. */
    private static final double MAX_REFILL_SECONDS = 100 * 365.25 * 86_400;

    private final double rps;
    private final int burst;
    private final Pattern model;
    private final LongSupplier clock;
    private final long interval;
    private final long capacity;
    private long fullAt;

    /**
     * @param model regex searched in the request's model; null counts every request
     * @param clock nanoseconds, like {@link System#nanoTime()}; read now, when the bucket starts full
     */
    public RateLimit(double rps, int burst, Pattern model, LongSupplier clock) {
        if (!(rps > 0)) throw new IllegalArgumentException("rate_limit.rps must be a number above 0, but was " + rps);
        if (burst < 1) throw new IllegalArgumentException("rate_limit.burst must be a whole number >= 1, but was " + burst);
        if (burst / rps > MAX_REFILL_SECONDS) throw new IllegalArgumentException("rate_limit." + tooSlow(rps, burst));
        this.rps = rps;
        this.burst = burst;
        this.model = model;
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.interval = Math.max(1, Math.round(SECOND / rps));
        this.capacity = burst * interval;
        this.fullAt = clock.getAsLong();
    }

    public double rps() {
        return rps;
    }

    public int burst() {
        return burst;
    }

    /** The model regex, or null when the limit counts every request. */
    public Pattern model() {
        return model;
    }

    /** Whether requests for {@code requestModel} count against this limit. */
    public boolean appliesTo(String requestModel) {
        return model == null || model.matcher(requestModel == null ? "" : requestModel).find();
    }

    /**
     * Takes a token for one request: 0 when there was one, otherwise the Retry-After in whole seconds
     * (at least 1) until the next token; a throttled request takes nothing.
     */
    public synchronized int take() {
        long now = clock.getAsLong();
        long ahead = Math.max(0, fullAt - now) + interval;   // how far past now the bucket would be full again
        if (ahead <= capacity) {
            fullAt = now + ahead;
            return 0;
        }
        long wait = ahead - capacity;                         // until the bucket regains its first token
        return (int) Math.min(Integer.MAX_VALUE, Math.ceilDiv(wait, SECOND));
    }

    /**
     * Reads {@code rate_limit} of a rules file: one map {@code {rps, burst, model?}} or a list of them (for a
     * request the first whose model matches applies); null gives none. Problems name {@code source}.
     */
    static List<RateLimit> read(JsonNode node, String source, LongSupplier clock) {
        if (node == null || node.isNull()) return List.of();
        if (node.isObject()) return List.of(one(node, "rate_limit", source, clock));
        if (!node.isArray()) {
            throw problem(source, "'rate_limit' must be a map such as {rps: 30, burst: 10} or a list of them, but was " + node);
        }
        List<RateLimit> limits = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) limits.add(one(node.get(i), "rate_limit " + (i + 1), source, clock));
        return limits;
    }

    private static RateLimit one(JsonNode n, String where, String source, LongSupplier clock) {
        if (!n.isObject()) throw problem(source, where + " must be a map such as {rps: 30, burst: 10, model: small}, but was " + n);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw problem(source, "unknown key '" + key + "' in " + where + "; allowed keys are "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        JsonNode rps = n.get("rps");
        if (rps == null || rps.isNull()) throw problem(source, where + " needs 'rps': tokens added per second, a number above 0");
        if (!rps.isNumber() || !(rps.asDouble() > 0)) throw problem(source, where + ".rps must be a number above 0, but was " + rps);
        JsonNode burst = n.get("burst");
        if (burst == null || burst.isNull()) throw problem(source, where + " needs 'burst': the most tokens the bucket holds, a whole number >= 1");
        if (!burst.isIntegralNumber() || !burst.canConvertToInt() || burst.asInt() < 1) {
            throw problem(source, where + ".burst must be a whole number >= 1, but was " + burst);
        }
        if (burst.asInt() / rps.asDouble() > MAX_REFILL_SECONDS) throw problem(source, where + "." + tooSlow(rps.asDouble(), burst.asInt()));
        Pattern model = null;
        JsonNode m = n.get("model");
        if (m != null && !m.isNull()) {
            if (!m.isValueNode()) throw problem(source, where + ".model must be a text (a regex over the request's model), but was " + m);
            try {
                model = Pattern.compile(m.asText());
            } catch (PatternSyntaxException e) {
                throw problem(source, where + ".model is not a valid regular expression: " + e.getDescription());
            }
        }
        return new RateLimit(rps.asDouble(), burst.asInt(), model, clock);
    }

    private static String tooSlow(double rps, int burst) {
        return "rps is too low: refilling " + burst + " token(s) at " + rps + " per second would take over 100 years";
    }

    private static IllegalArgumentException problem(String source, String message) {
        return new IllegalArgumentException(source + ": " + message);
    }

    @Override
    public String toString() {
        return "RateLimit[rps=" + rps + ", burst=" + burst + (model == null ? "" : ", model=" + model) + "]";
    }
}
