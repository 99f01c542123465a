package dev.fieldtest.history;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.stats.LatencyHistogram;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Production metrics per feature × model × window (docs/production.md), computed by the same code offline runs use:
 * latency and TTFT percentiles come from core's {@link LatencyHistogram} (HdrHistogram, 3 significant digits) over
 * successful calls, as in a run's summary. Windows are UTC days or ISO weeks (Monday to Sunday). The model is the
 * response model, else the requested one. Change points come from {@link ProductionSpansChanges}.
 */
public final class ProductionSpansMetrics {
    private ProductionSpansMetrics() {}

    /** How spans are grouped in time. */
    public enum Window {
        DAY, WEEK;

        /** The first day (UTC) of the window holding {@code t}. */
        public LocalDate start(Instant t) {
            LocalDate d = LocalDate.ofInstant(t, ZoneOffset.UTC);
            return this == DAY ? d : d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
    }

    /**
     * One feature × model × window. Rates are over all calls; latency and TTFT percentiles (ms) over successful calls,
     * null when none; cost sums the priced calls only ({@code pricedCalls} of them), null when none was priced.
     */
    public record Row(String feature, String model, LocalDate window, long calls, long errors, long throttled,
                      Double latencyP50, Double latencyP95, Double latencyP99, long latencyN, Double ttftP50, Double ttftP95, long ttftN,
                      long inputTokens, long outputTokens, Double costUsd, long pricedCalls) {
        public double errorRate() {
            return calls == 0 ? 0 : (double) errors / calls;
        }

        public double throttleRate() {
            return calls == 0 ? 0 : (double) throttled / calls;
        }

        /** Cost per priced call, null when no call was priced. */
        public Double costPerCall() {
            return costUsd == null || pricedCalls == 0 ? null : costUsd / pricedCalls;
        }
    }

    /** Every row (by feature, model, window) and every change point (by time). */
    public record Report(Window window, List<Row> rows, List<ProductionSpansChanges.Change> changes) {}

    /** Groups {@code spans} (any order) into rows and finds their change points. */
    public static Report compute(List<ProductionSpan> spans, Window window) {
        Map<String, Acc> groups = new TreeMap<>();
        for (ProductionSpan s : spans) {
            LocalDate w = window.start(s.startedAt());
            String key = s.feature() + "\u0000" + s.model() + "\u0000" + w;
            groups.computeIfAbsent(key, k -> new Acc(s.feature(), s.model(), w)).add(s);
        }
        List<Row> rows = new ArrayList<>(groups.values().stream().map(Acc::row).toList());
        rows.sort(Comparator.comparing(Row::feature).thenComparing(Row::model).thenComparing(Row::window));
        return new Report(window, List.copyOf(rows), ProductionSpansChanges.find(spans, window));
    }

    private static final class Acc {
        final String feature, model;
        final LocalDate window;
        final LatencyHistogram latency = new LatencyHistogram(), ttft = new LatencyHistogram();
        long calls, errors, throttled, in, out, priced;
        double cost;

        Acc(String feature, String model, LocalDate window) {
            this.feature = feature;
            this.model = model;
            this.window = window;
        }

        void add(ProductionSpan s) {
            calls++;
            if (s.errorType() != null) {
                errors++;
                if (dev.fieldtest.core.genai.ErrorTypes.classify(s.errorType()) == ErrorClass.THROTTLED) throttled++;
            } else {
                if (s.durationMs() != null && s.durationMs() >= 0) latency.recordMs(s.durationMs());
                if (s.ttftMs() != null && s.ttftMs() >= 0) ttft.recordMs(s.ttftMs());
            }
            if (s.inputTokens() != null) in += s.inputTokens();
            if (s.outputTokens() != null) out += s.outputTokens();
            if (s.costUsd() != null) {
                priced++;
                cost += s.costUsd();
            }
        }

        Row row() {
            return new Row(feature, model, window, calls, errors, throttled, pct(latency, 50), pct(latency, 95), pct(latency, 99), latency.count(),
                    pct(ttft, 50), pct(ttft, 95), ttft.count(), in, out, priced == 0 ? null : cost, priced);
        }

        private static Double pct(LatencyHistogram h, double p) {
            var v = h.percentileMs(p);
            return v.isPresent() ? v.getAsDouble() : null;
        }
    }
}
