package dev.fieldtest.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Silent model changes in production spans (docs/production.md): per feature, in time order, the first span where
 * <ul>
 *   <li>{@code response_model}: the response model of a requested model is a value not seen before for it — or, for the
 *       first response seen, differs from the requested model (a dated snapshot of it, {@code <request>-2024-08-06},
 *       {@code -20241022}, {@code -0613} or {@code @20240620}, is not
 *       a difference at first sight, but a later move to another snapshot is);</li>
 *   <li>{@code system_fingerprint}: a model's system fingerprint takes a value not seen before, after a first one.</li>
 * </ul>
 * Only new values count, so traffic spread over two backends that alternate is reported once, not on every flip.
 */
public final class ProductionSpansChanges {
    // A dated snapshot suffix: -2024-08-06, -20241022, -0613, @20240620.
    private static final java.util.regex.Pattern SNAPSHOT = java.util.regex.Pattern.compile("[-@](\\d{4}-\\d{2}-\\d{2}|\\d{8}|\\d{4})");

    private ProductionSpansChanges() {}

    /** One change point: what changed from what to what, first seen at {@code at} (in {@code window}) on that span. */
    public record Change(String feature, String kind, String model, String from, String to, Instant at, LocalDate window, String traceId, String spanId) {}

    public static List<Change> find(List<ProductionSpan> spans, ProductionSpansMetrics.Window window) {
        List<ProductionSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(ProductionSpan::startedAt).thenComparing(ProductionSpan::traceId).thenComparing(ProductionSpan::spanId));
        Map<String, String> lastResponse = new HashMap<>(), lastPrint = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Change> out = new ArrayList<>();
        for (ProductionSpan s : sorted) {
            if (s.requestModel() != null && s.responseModel() != null) {
                String key = s.feature() + "\u0000" + s.requestModel();
                String before = lastResponse.put(key, s.responseModel());
                boolean isNew = seen.add("r\u0000" + key + "\u0000" + s.responseModel());
                if (before == null && differs(s.requestModel(), s.responseModel())) {
                    out.add(change(s, "response_model", s.requestModel(), s.requestModel(), s.responseModel(), window));
                } else if (before != null && isNew) {
                    out.add(change(s, "response_model", s.requestModel(), before, s.responseModel(), window));
                }
            }
            if (s.systemFingerprint() != null) {
                String key = s.feature() + "\u0000" + s.model();
                String before = lastPrint.put(key, s.systemFingerprint());
                boolean isNew = seen.add("f\u0000" + key + "\u0000" + s.systemFingerprint());
                if (before != null && isNew) out.add(change(s, "system_fingerprint", s.model(), before, s.systemFingerprint(), window));
            }
        }
        return List.copyOf(out);
    }

    private static boolean differs(String requested, String response) {
        return !response.equals(requested) && !(response.startsWith(requested) && SNAPSHOT.matcher(response.substring(requested.length())).matches());
    }

    private static Change change(ProductionSpan s, String kind, String model, String from, String to, ProductionSpansMetrics.Window w) {
        return new Change(s.feature(), kind, model, from, to, s.startedAt(), w.start(s.startedAt()), s.traceId(), s.spanId());
    }
}
