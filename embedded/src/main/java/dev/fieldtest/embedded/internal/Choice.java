package dev.fieldtest.embedded.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Which knowledge-base match the target answers with. At temperature 0, always the best; above 0, one of
 * the candidates at or above the threshold drawn with probability softmax(similarity / temperature), from
 * a {@link Random} seeded by (seed, case id, repeat index): the same call always draws the same way, while
 * repeats of a case may differ. Internal, not API. Stateless.
 */
final class Choice {
    private Choice() {}

    /** The chosen match, or null to abstain (the best similarity is below the threshold). */
    static KbIndex.Match choose(List<KbIndex.Match> ranked, double threshold, double temperature, long seed, String caseId, int repeat) {
        if (ranked.isEmpty() || ranked.get(0).similarity() < threshold) return null;
        List<KbIndex.Match> candidates = ranked.stream().filter(m -> m.similarity() >= threshold).toList();
        if (temperature == 0 || candidates.size() == 1) return candidates.get(0);
        double best = candidates.get(0).similarity();
        double[] weights = new double[candidates.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            // shifted by the best similarity so exp never overflows, whatever the temperature
            weights[i] = Math.exp((candidates.get(i).similarity() - best) / temperature);
            total += weights[i];
        }
        double draw = new Random(seedFor(seed, caseId, repeat)).nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) return candidates.get(i);
        }
        return candidates.get(weights.length - 1); // only reached through rounding
    }

    /**
     * A 64-bit seed from the three parts, mixed (FNV-1a, then a SplitMix64 finaliser) so neighbouring
     * repeat indexes and similar case ids give unrelated streams; java.util.Random's first draws from
     * neighbouring seeds are correlated.
     */
    static long seedFor(long seed, String caseId, int repeat) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (seed + "\u0000" + caseId + "\u0000" + repeat).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
