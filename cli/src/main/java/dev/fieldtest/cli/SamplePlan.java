package dev.fieldtest.cli;

import dev.fieldtest.history.ProductionSpan;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A deterministic stratified sample of production spans (docs/production.md). Each span's rank is the first 8 bytes
 * of SHA-256("trace_id/span_id") as an unsigned number, so the same store gives the same sample and adding spans
 * only moves a span out when a lower-ranked one arrives. Allocation is balanced: strata are visited from the smallest
 * (ties by name); each takes min(its size, ceil(remaining / strata left)), so a small stratum gives all it has and
 * the rest is shared among the larger ones.
 */
final class SamplePlan {
    private SamplePlan() {}

    /** How spans are stratified. */
    enum By {
        NONE(s -> ""), MODEL(ProductionSpan::model), DAY(s -> LocalDate.ofInstant(s.startedAt(), ZoneOffset.UTC).toString());

        final Function<ProductionSpan, String> key;

        By(Function<ProductionSpan, String> key) {
            this.key = key;
        }
    }

    /** At most {@code n} of {@code spans}, by stratum name then rank. */
    static List<ProductionSpan> sample(List<ProductionSpan> spans, int n, By by) {
        Map<String, List<ProductionSpan>> strata = new TreeMap<>();
        for (ProductionSpan s : spans) strata.computeIfAbsent(by.key.apply(s), k -> new ArrayList<>()).add(s);
        strata.values().forEach(l -> l.sort(Comparator.comparing(SamplePlan::rank, Long::compareUnsigned).thenComparing(ProductionSpan::spanId)));
        List<String> order = new ArrayList<>(strata.keySet());
        order.sort(Comparator.comparing((String k) -> strata.get(k).size()).thenComparing(k -> k));
        Map<String, Integer> take = new TreeMap<>();
        int remaining = n, left = order.size();
        for (String k : order) {
            int share = (remaining + left - 1) / left;
            int t = Math.min(strata.get(k).size(), share);
            take.put(k, t);
            remaining -= t;
            left--;
        }
        List<ProductionSpan> out = new ArrayList<>();
        take.forEach((k, t) -> out.addAll(strata.get(k).subList(0, t)));
        return out;
    }

    static long rank(ProductionSpan s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((s.traceId() + "/" + s.spanId()).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(h, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
