package dev.fieldtest.chaos;

/**
 * Which requests a fault hits: a {@code share} of them, every {@code every}-th, and/or those inside a time window
 * (seconds since the proxy started, from inclusive, to exclusive). All given conditions must hold. A share is
 * decided by {@link #draw}, a pure function of the seed, the request number and the fault's index, so the same
 * plan and seed pick the same requests on every run. Immutable.
 *
 * @param share null when not given
 * @param every null when not given; request numbers start at 1
 * @param from  null when no window
 */
public record Trigger(Double share, Integer every, Double from, Double to) {

    public boolean selects(long seed, long request, int faultIndex, double secondsSinceStart) {
        if (from != null && (secondsSinceStart < from || secondsSinceStart >= to)) return false;
        if (every != null && request % every != 0) return false;
        return share == null || draw(seed, request, faultIndex) < share;
    }

    /**
     * A uniform number in [0, 1): SplitMix64 of seed, request and fault index; the top 53 bits. {@link #mix}(s) equals
     * {@code new SplittableRandom(s).nextLong()}, so anyone can re-derive a plan's selection (docs/chaos.md).
     */
    public static double draw(long seed, long request, int faultIndex) {
        long x = mix(seed ^ mix(request * 0x9E3779B97F4A7C15L + faultIndex));
        return (x >>> 11) * 0x1.0p-53;
    }

    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
