package dev.fieldtest.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claimed vs offline vs production for one (feature, vendor model, metric) (docs/ledger.md, {@code fieldtest gap}):
 * the claims, every offline measurement, the production value per ISO week, the deltas of the latest of each, and the
 * vendor's realisation on that metric over its other claims applied as an expectation. Immutable.
 *
 * @param feature             null when the claims are about the model whatever feature uses it
 * @param claimedMinusOffline latest claim − latest offline value; null without an offline value
 * @param offlineMinusProd    latest offline value − latest production week; null without either
 * @param realisation         the vendor's realisation on this metric over claims of other rows; null when none has a ratio
 */
public record LedgerGap(String feature, LedgerModel model, String metric, List<Claim> claims, List<LedgerOffline> offline,
                        List<LedgerWindow> production, Double claimedMinusOffline, Double offlineMinusProd, LedgerRealisation realisation) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Claim latestClaim() {
        return claims.get(claims.size() - 1);
    }

    /** The expectation for the latest claim from {@link #realisation}, or null. */
    public Double expected() {
        return realisation == null ? null : realisation.expect(latestClaim().value());
    }

    /**
     * Every gap row for the stored claims that pass the filters (each null for any).
     *
     * @param overrides target id → (vendor, model), beating {@link LedgerTargets}' rule for that target
     */
    public static List<LedgerGap> compute(Ledger ledger, String feature, String model, String metric, Map<String, LedgerModel> overrides) {
        Map<List<String>, List<Claim>> rows = new LinkedHashMap<>();
        for (Claim c : ledger.claims()) rows.computeIfAbsent(Arrays.key(c), k -> new ArrayList<>()).add(c);
        Set<String> paths = new LinkedHashSet<>();
        rows.keySet().forEach(k -> paths.addAll(Arrays.companions(k.get(3))));
        Map<String, List<TargetMetric>> metrics = ledger.metrics(paths);
        List<LedgerRows.Run> runs = ledger.runs(null);
        Map<String, Map<String, LedgerModel>> targetsOf = new HashMap<>();
        for (LedgerRows.Run r : runs) targetsOf.put(r.runId(), targets(r, overrides));
        Map<String, String> suiteOf = new HashMap<>();
        ledger.features().forEach(f -> suiteOf.put(f.name(), f.suiteName()));

        Map<List<String>, List<LedgerOffline>> offlineOf = new LinkedHashMap<>();
        rows.forEach((k, claims) -> offlineOf.put(k, offline(k, k.get(0) == null ? null : suiteOf.get(k.get(0)), runs, targetsOf, metrics)));
        List<LedgerGap> out = new ArrayList<>();
        rows.forEach((k, claims) -> {
            if (!matches(k.get(0), k.get(2), k.get(3), feature, model, metric)) return;
            List<LedgerOffline> offline = offlineOf.get(k);
            // Only the rows of this feature and model are read; pass_rate needs only the scores, the rest only the spans.
            boolean pass = k.get(3).equals("pass_rate.value");
            List<LedgerWindow> prod = LedgerProduction.supports(k.get(3))
                    ? LedgerProduction.weekly(k.get(3), k.get(2), pass ? List.of() : ledger.spans(k.get(0), k.get(2)), pass ? ledger.scores(k.get(0), k.get(2)) : List.of())
                    : List.of();
            Double lastOffline = offline.isEmpty() ? null : offline.get(offline.size() - 1).value();
            Double lastProd = prod.isEmpty() ? null : prod.get(prod.size() - 1).value();
            Claim latest = claims.get(claims.size() - 1);
            List<LedgerRealisation.Pair> others = new ArrayList<>();
            rows.forEach((k2, cs) -> {
                List<LedgerOffline> o = offlineOf.get(k2);
                if (k2.equals(k) || o.isEmpty() || !k2.get(1).equals(k.get(1)) || !k2.get(3).equals(k.get(3))) return;
                cs.forEach(c -> others.add(new LedgerRealisation.Pair(c.value(), o.get(o.size() - 1).value())));
            });
            out.add(new LedgerGap(k.get(0), new LedgerModel(k.get(1), k.get(2)), k.get(3), List.copyOf(claims), offline, prod,
                    lastOffline == null ? null : latest.value() - lastOffline,
                    lastOffline == null || lastProd == null ? null : lastOffline - lastProd,
                    LedgerRealisation.of(k.get(1), k.get(3), others)));
        });
        return out;
    }

    /** Whether this row passes the filters of {@link #compute} (each null for any; the model's case ignored). */
    public boolean matches(String feature, String model, String metric) {
        return matches(this.feature, this.model.model(), this.metric, feature, model, metric);
    }

    private static boolean matches(String rowFeature, String rowModel, String rowMetric, String feature, String model, String metric) {
        return (feature == null || feature.equals(rowFeature)) && (model == null || model.equalsIgnoreCase(rowModel)) && (metric == null || metric.equals(rowMetric));
    }

    /** The vendor's realisation on {@code metric} over every stored claim with an offline measurement (no row left out). */
    public static LedgerRealisation realisation(List<LedgerGap> gaps, String vendor, String metric) {
        List<LedgerRealisation.Pair> pairs = new ArrayList<>();
        for (LedgerGap g : gaps) {
            if (!g.model().vendor().equalsIgnoreCase(vendor) || !g.metric().equals(metric) || g.offline().isEmpty()) continue;
            double measured = g.offline().get(g.offline().size() - 1).value();
            g.claims().forEach(c -> pairs.add(new LedgerRealisation.Pair(c.value(), measured)));
        }
        return LedgerRealisation.of(vendor.toLowerCase(java.util.Locale.ROOT), metric, pairs);
    }

    private static Map<String, LedgerModel> targets(LedgerRows.Run run, Map<String, LedgerModel> overrides) {
        Map<String, LedgerModel> out = new HashMap<>();
        try {
            JsonNode t = JSON.readTree(run.summaryJson()).path("provenance").path("targets");
            t.fieldNames().forEachRemaining(id -> LedgerTargets.of(t.get(id)).ifPresent(m -> out.put(id, m)));
        } catch (Exception e) {
            // A summary that does not parse names no model; the run then simply does not line up with a claim.
        }
        out.putAll(overrides);
        return out;
    }

    private static List<LedgerOffline> offline(List<String> key, String suite, List<LedgerRows.Run> runs,
                                               Map<String, Map<String, LedgerModel>> targetsOf, Map<String, List<TargetMetric>> metrics) {
        LedgerModel want = new LedgerModel(key.get(1), key.get(2));
        List<String> companions = Arrays.companions(key.get(3));
        List<LedgerOffline> out = new ArrayList<>();
        for (LedgerRows.Run r : runs) {
            if (suite != null && !suite.equals(r.suite())) continue;
            List<TargetMetric> ms = metrics.getOrDefault(r.runId(), List.of());
            targetsOf.get(r.runId()).entrySet().stream().filter(e -> e.getValue().equals(want)).map(Map.Entry::getKey).sorted().forEach(target -> {
                Map<String, Double> v = new HashMap<>();
                ms.stream().filter(m -> m.target().equals(target)).forEach(m -> v.put(m.metric(), m.value()));
                Double value = v.get(companions.get(0));
                if (value == null) return;
                Double n = companions.size() > 1 ? v.get(companions.get(1)) : null;
                Double lo = companions.size() > 2 ? v.get(companions.get(2)) : null, hi = companions.size() > 2 ? v.get(companions.get(3)) : null;
                out.add(new LedgerOffline(r.runId(), r.startedAt(), r.suite(), target, value, lo, hi, n == null ? null : Math.round(n)));
            });
        }
        out.sort(Comparator.comparing(LedgerOffline::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    /** Grouping keys and the metric paths read with a metric. */
    private static final class Arrays {
        static List<String> key(Claim c) {
            LedgerModel m = new LedgerModel(c.vendor(), c.model());
            return java.util.Arrays.asList(c.feature(), m.vendor(), m.model(), c.metric());
        }

        /** The metric, then its sample size and 95 % bounds where summary.json has them (x.value → x.n, x.ci95.0, x.ci95.1). */
        static List<String> companions(String metric) {
            if (metric.endsWith(".value")) {
                String base = metric.substring(0, metric.length() - ".value".length());
                return List.of(metric, base + ".n", base + ".ci95.0", base + ".ci95.1");
            }
            int dot = metric.lastIndexOf('.');
            return dot < 0 ? List.of(metric) : List.of(metric, metric.substring(0, dot) + ".n");
        }
    }
}
