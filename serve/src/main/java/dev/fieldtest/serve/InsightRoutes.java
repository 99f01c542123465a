package dev.fieldtest.serve;

import dev.fieldtest.history.ProductionSpansMetrics;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The GET routes of the production, ledger, review and drift pages and their JSON twins (docs/serve.md), kept out of
 * {@link Dispatcher} so that it only hands over the path. Parameters are checked before the history is opened.
 */
final class InsightRoutes {
    static final String PATHS = "/production, /ledger, /reviews, /drift, /api/production, /api/ledger";

    private InsightRoutes() {}

    /** The reply for {@code path} (decoded segments joined by '/'), or null when it is none of these pages. */
    static Reply route(String path, String rawQuery, HistoryReader history, DriftSource drift) {
        switch (path) {
            case "production", "api/production" -> {
                Map<String, String> q = Uris.query(rawQuery, ProductionPage.PARAMS);
                String feature = Params.opt(q, "feature");
                ProductionSpansMetrics.Window w = Params.window(q);
                ProductionPage.Data d = history.read(h -> ProductionPage.read(h, feature, w));
                return path.equals("production") ? ProductionPage.render(d, feature, w) : ProductionLedgerJson.production(d);
            }
            case "ledger", "api/ledger" -> {
                Map<String, String> q = Uris.query(rawQuery, LedgerPage.PARAMS);
                String feature = Params.opt(q, "feature"), model = Params.opt(q, "model"), metric = Params.opt(q, "metric");
                LedgerPage.Data d = history.read(h -> LedgerPage.read(h, feature, model, metric));
                return path.equals("ledger") ? LedgerPage.render(d, feature, model, metric) : ProductionLedgerJson.ledger(d);
            }
            case "reviews" -> {
                Map<String, String> q = Uris.query(rawQuery, ReviewsPage.PARAMS);
                LocalDate given = Params.date(q, "today");
                LocalDate today = given != null ? given : LocalDate.now(ZoneOffset.UTC);
                return ReviewsPage.render(history.read(h -> ReviewsPage.read(h, today)), today);
            }
            case "drift" -> {
                Map<String, String> q = Uris.query(rawQuery, DriftPage.PARAMS);
                var since = Params.bound(q, "since", false);
                var until = Params.bound(q, "until", true);
                if (since != null && until != null && !since.isBefore(until)) {
                    throw HttpProblem.badRequest("since=" + q.get("since") + " is not before until=" + q.get("until") + "; give a window whose start comes first");
                }
                if (drift == null) return DriftPage.noSuite();
                String feature = Params.opt(q, "feature");
                DriftCompute.Inputs in = history.read(h -> DriftCompute.Inputs.read(h, feature, since, until));
                return DriftPage.render(DriftCompute.run(in, drift, feature), drift, q);
            }
            default -> {
                return null;
            }
        }
    }
}
