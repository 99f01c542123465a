package dev.fieldtest.history;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.stats.LatencyHistogram;
import dev.fieldtest.core.stats.WilsonInterval;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Production values of the metrics summary.json also has, computed from production rows by the same code offline uses
 * (docs/ledger.md): {@code pass_rate.value} from online scores with its Wilson interval; {@code latency_ms.pNN|max}
 * and {@code ttft_ms.pNN|max} from a {@link LatencyHistogram} of the spans that succeeded (offline leaves failed calls
 * out of latency too); {@code cost_usd.per_call} the mean cost of spans that have one; {@code error_rate} the share of
 * spans with an error.type, with its Wilson interval. Stateless.
 */
public final class LedgerProduction {
    private static final Pattern SNAPSHOT = Pattern.compile("\\d[\\d-]*");
    private static final Pattern PERCENTILE = Pattern.compile("(latency_ms|ttft_ms)\\.(p(\\d{1,2}(?:\\.\\d+)?)|max)");

    private LedgerProduction() {}

    /** Whether production can compute {@code metric}. */
    public static boolean supports(String metric) {
        return metric.equals("pass_rate.value") || metric.equals("cost_usd.per_call") || metric.equals("error_rate") || PERCENTILE.matcher(metric).matches();
    }

    /**
     * A span's model is the claim's when they are equal ignoring case, or the span's is the claim's followed by '-' and a
     * snapshot suffix of digits and dashes starting with a digit (gpt-4o-2024-08-06 and claude-3-5-sonnet-20240620 are
     * their base models; gpt-4o-mini is not gpt-4o).
     */
    public static boolean sameModel(String model, String spanModel) {
        if (spanModel == null) return false;
        String a = model.toLowerCase(Locale.ROOT), b = spanModel.toLowerCase(Locale.ROOT);
        return a.equals(b) || b.startsWith(a + "-") && SNAPSHOT.matcher(b.substring(a.length() + 1)).matches();
    }

    /** The ISO week (Monday, UTC) an instant falls in. */
    public static LocalDate weekOf(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** {@code metric} per ISO week, oldest first, over the rows of {@code model}; weeks where it has no value are left out. */
    public static List<LedgerWindow> weekly(String metric, String model, List<LedgerRows.Span> spans, List<LedgerRows.Score> scores) {
        List<LedgerWindow> out = new ArrayList<>();
        if (metric.equals("pass_rate.value")) {
            Map<LocalDate, List<LedgerRows.Score>> weeks = new TreeMap<>();
            scores.stream().filter(s -> sameModel(model, s.model())).forEach(s -> weeks.computeIfAbsent(weekOf(s.startedAt()), k -> new ArrayList<>()).add(s));
            weeks.forEach((week, rows) -> out.add(rate(week, rows.size(), rows.stream().filter(LedgerRows.Score::passed).count())));
            return out;
        }
        Map<LocalDate, List<LedgerRows.Span>> weeks = new TreeMap<>();
        spans.stream().filter(s -> sameModel(model, s.model())).forEach(s -> weeks.computeIfAbsent(weekOf(s.startedAt()), k -> new ArrayList<>()).add(s));
        weeks.forEach((week, rows) -> {
            LedgerWindow w = spanMetric(metric, week, rows);
            if (w != null) out.add(w);
        });
        return out;
    }

    static LedgerWindow spanMetric(String metric, LocalDate week, List<LedgerRows.Span> rows) {
        if (metric.equals("error_rate")) return rate(week, rows.size(), rows.stream().filter(s -> s.error() != null).count());
        if (metric.equals("cost_usd.per_call")) {
            List<Double> costs = rows.stream().map(LedgerRows.Span::costUsd).filter(c -> c != null).toList();
            return costs.isEmpty() ? null : new LedgerWindow(week, costs.size(), sig6(costs.stream().mapToDouble(Double::doubleValue).sum() / costs.size()), null, null);
        }
        Matcher m = PERCENTILE.matcher(metric);
        if (!m.matches()) return null;
        LatencyHistogram h = histogram(rows, m.group(1).equals("ttft_ms"));
        OptionalDouble v = m.group(3) == null ? h.maxMs() : h.percentileMs(Double.parseDouble(m.group(3)));
        return v.isPresent() ? new LedgerWindow(week, h.count(), v.getAsDouble(), null, null) : null;
    }

    private static LatencyHistogram histogram(List<LedgerRows.Span> rows, boolean ttft) {
        LatencyHistogram h = new LatencyHistogram();
        for (LedgerRows.Span s : rows) {
            Double ms = ttft ? s.ttftMs() : s.durationMs();
            if (s.error() == null && ms != null && ms >= 0 && Double.isFinite(ms)) h.recordMs(ms);
        }
        return h;
    }

    private static LedgerWindow rate(LocalDate week, long n, long hits) {
        WilsonInterval ci = WilsonInterval.of(hits, n);
        return new LedgerWindow(week, n, sig6((double) hits / n), sig6(ci.lo()), sig6(ci.hi()));
    }

    /** Six significant digits, as summary.json writes its rates. */
    static double sig6(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }

    /**
     * The production rows in [from, to) shaped like summary.json's {@code targets} — one entry per model, with calls,
     * errors, error_rate, pass_rate {value, ci95, n}, latency_ms and ttft_ms {p50, p90, p95, p99, max, n},
     * cost_usd.per_call — so a suite's properties are judged by {@link dev.fieldtest.core.gate.PropertyGate} the same
     * way offline and in production. Null when there are no spans in the window.
     */
    public static ObjectNode summary(List<LedgerRows.Span> spans, List<LedgerRows.Score> scores, Instant from, Instant to) {
        Predicate<Instant> in = t -> !t.isBefore(from) && t.isBefore(to);
        Map<String, List<LedgerRows.Span>> byModel = new TreeMap<>();
        spans.stream().filter(s -> in.test(s.startedAt())).forEach(s -> byModel.computeIfAbsent(s.model() == null ? "(none)" : s.model(), k -> new ArrayList<>()).add(s));
        if (byModel.isEmpty()) return null;
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode targets = root.putObject("targets");
        LocalDate any = LocalDate.EPOCH;
        byModel.forEach((model, rows) -> {
            ObjectNode t = targets.putObject(model);
            long errors = rows.stream().filter(s -> s.error() != null).count();
            t.put("calls", rows.size()).put("errors", errors).put("error_rate", sig6((double) errors / rows.size()));
            List<LedgerRows.Score> mine = scores.stream().filter(s -> in.test(s.startedAt()) && model.equals(s.model())).toList();
            ObjectNode pass = t.putObject("pass_rate");
            if (mine.isEmpty()) pass.putNull("value");
            else {
                LedgerWindow w = rate(any, mine.size(), mine.stream().filter(LedgerRows.Score::passed).count());
                pass.put("value", w.value()).put("n", w.n());
                pass.putArray("ci95").add(w.lo()).add(w.hi());
            }
            for (String kind : List.of("latency_ms", "ttft_ms")) {
                LatencyHistogram h = histogram(rows, kind.equals("ttft_ms"));
                ObjectNode l = t.putObject(kind);
                for (String p : List.of("50", "90", "95", "99")) put(l, "p" + p, h.count() == 0 ? OptionalDouble.empty() : h.percentileMs(Double.parseDouble(p)));
                put(l, "max", h.maxMs());
                l.put("n", h.count());
            }
            LedgerWindow cost = spanMetric("cost_usd.per_call", any, rows);
            if (cost == null) t.putObject("cost_usd").putNull("per_call");
            else t.putObject("cost_usd").put("per_call", cost.value());
        });
        return root;
    }

    private static void put(ObjectNode o, String key, OptionalDouble v) {
        if (v.isPresent()) o.put(key, v.getAsDouble());
        else o.putNull(key);
    }
}
