package dev.fieldtest.serve;

import static dev.fieldtest.report.HtmlEscape.text;

import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Property;
import dev.fieldtest.core.config.SuiteLoader;
import dev.fieldtest.core.gate.PropertyResult;
import dev.fieldtest.history.Ledger;
import dev.fieldtest.history.LedgerFeature;
import dev.fieldtest.history.ReviewCalendar;
import dev.fieldtest.history.ReviewItem;
import dev.fieldtest.history.RunHistory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /reviews?today=YYYY-MM-DD}: what {@code fieldtest review} shows (docs/ledger.md) — each feature's properties
 * with their reviews' due dates, due/overdue/signed/upcoming on {@code today} (default: today, UTC), and how each
 * property stands on the latest offline run of the feature's suite and on the last 7 days of production. Properties
 * are read from the feature's suite file at request time, as the CLI does; a file that no longer loads is named on the page.
 */
final class ReviewsPage {
    static final Set<String> PARAMS = Set.of("today");

    private ReviewsPage() {}

    /** One feature with its review items, or the reason its suite could not be read (then no items). */
    record FeatureReviews(LedgerFeature feature, List<ReviewItem> items, String problem) {}

    static List<FeatureReviews> read(RunHistory h, LocalDate today) {
        Ledger ledger = h.ledger();
        List<FeatureReviews> out = new ArrayList<>();
        for (LedgerFeature f : ledger.features()) {
            if (f.suiteFile() == null) {
                out.add(new FeatureReviews(f, List.of(), null));
                continue;
            }
            List<Property> properties;
            try {
                properties = SuiteLoader.load(Path.of(f.suiteFile())).properties();
            } catch (ConfigException e) {
                out.add(new FeatureReviews(f, List.of(), e.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("; "))));
                continue;
            }
            out.add(new FeatureReviews(f, ReviewCalendar.items(ledger, f, properties, today), null));
        }
        return out;
    }

    static Reply render(List<FeatureReviews> all, LocalDate today) {
        StringBuilder h = new StringBuilder("<h1>Reviews</h1>\n<form method=\"get\" action=\"/reviews\"><label>On day <input type=\"date\" name=\"today\" id=\"today\" value=\"")
                .append(today).append("\"></label> <button type=\"submit\" id=\"show\">Show</button></form>\n");
        if (all.isEmpty()) {
            h.append("<p class=\"note\" id=\"message\">No features recorded yet: fieldtest feature add NAME --launched YYYY-MM-DD --suite FILE records one (docs/ledger.md).</p>\n");
        }
        for (FeatureReviews fr : all) h.append(feature(fr, today));
        h.append("<p class=\"note\">Due dates count from the launch: week4 = launch + 28 days, week12 = + 84, quarterly = + 91·k. Sign a review with "
                + "fieldtest review sign (the dashboard is read-only).</p>\n");
        return Reply.html(200, Layout.page("reviews", h.toString()));
    }

    private static String feature(FeatureReviews fr, LocalDate today) {
        LedgerFeature f = fr.feature();
        StringBuilder b = new StringBuilder("<section class=\"feature\"><h2>").append(text(f.name())).append("</h2>\n<p>Launched ").append(f.launchedOn())
                .append(f.owner() == null ? "" : "; owner " + text(f.owner())).append(f.suiteName() == null ? "" : "; suite " + text(f.suiteName())).append(".</p>\n");
        if (f.suiteFile() == null) return b.append("<p class=\"note\">No suite recorded, so no properties to review.</p></section>\n").toString();
        if (fr.problem() != null) return b.append("<p class=\"error\">The suite file ").append(text(f.suiteFile())).append(" does not load: ").append(text(fr.problem()))
                .append("</p></section>\n").toString();
        if (fr.items().isEmpty()) return b.append("<p class=\"note\">The suite has no properties (docs/ci.md).</p></section>\n").toString();
        b.append("<table class=\"reviews\"><thead><tr><th>property</th><th>metric</th><th>bounds</th><th>owner</th><th>review</th><th>due</th><th>status</th><th>signed</th>"
                + "<th>offline</th><th>production (last 7 days)</th></tr></thead><tbody>\n");
        for (ReviewItem it : fr.items()) {
            Property p = it.property();
            b.append("<tr class=\"").append(it.status().wire()).append("\"><td>").append(text(p.name())).append("</td><td>").append(text(p.metric())).append("</td><td>")
                    .append(text(bounds(p))).append("</td><td>").append(text(p.owner() == null ? "–" : p.owner())).append("</td><td>").append(text(it.review()))
                    .append("</td><td>").append(it.dueOn()).append("</td><td class=\"status\">").append(it.status().wire()).append("</td><td>")
                    .append(it.signoff() == null ? "–" : text(it.signoff().signedBy() + (it.signoff().note() == null ? "" : ": " + it.signoff().note())))
                    .append("</td><td>").append(it.offlineRun() == null ? "no recorded run" : "<a href=\"/runs/" + Uris.encode(it.offlineRun()) + "\">" + text(it.offlineRun())
                            + "</a>: " + text(results(it.offline())))
                    .append("</td><td>").append(it.production() == null ? "no production data" : text(results(it.production()))).append("</td></tr>\n");
        }
        return b.append("</tbody></table></section>\n").toString();
    }

    private static String bounds(Property p) {
        String s = (p.min() == null ? "" : "≥ " + PropertyResult.format(p.min())) + (p.min() != null && p.max() != null ? ", " : "")
                + (p.max() == null ? "" : "≤ " + PropertyResult.format(p.max()));
        return s.isEmpty() ? "–" : s;
    }

    static String results(List<PropertyResult> rs) {
        if (rs.isEmpty()) return "–";
        return rs.stream().map(r -> (r.target() == null ? "" : r.target() + " ") + r.status().wire()
                + (r.value() == null ? "" : " " + PropertyResult.format(r.value())) + (r.reason() == null ? "" : " (" + r.reason() + ")")).collect(Collectors.joining("; "));
    }
}
