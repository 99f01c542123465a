package dev.fieldtest.serve;

import static dev.fieldtest.report.HtmlEscape.text;

import dev.fieldtest.history.Claim;
import dev.fieldtest.history.LedgerGap;
import dev.fieldtest.history.LedgerOffline;
import dev.fieldtest.history.LedgerProduction;
import dev.fieldtest.history.LedgerRealisation;
import dev.fieldtest.history.LedgerWindow;
import dev.fieldtest.history.RunHistory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /ledger?feature=&model=&metric=}: what {@code fieldtest gap} shows (docs/ledger.md) — per (feature, vendor
 * model, metric) the claims, every offline value, the production value per ISO week, the deltas of the latest of
 * each, the vendor's realisation — with a chart of the claim (a horizontal line) against offline and production points,
 * and the realisation of each vendor over all its claims.
 */
final class LedgerPage {
    static final Set<String> PARAMS = Set.of("feature", "model", "metric");

    private LedgerPage() {}

    /** Every gap row (unfiltered: realisations need them all) and the ones the filters keep. */
    record Data(List<LedgerGap> all, List<LedgerGap> shown) {}

    static Data read(RunHistory h, String feature, String model, String metric) {
        List<LedgerGap> all = LedgerGap.compute(h.ledger(), null, null, null, Map.of());
        List<LedgerGap> shown = all.stream().filter(g -> (feature == null || feature.equals(g.feature()))
                && (model == null || model.equalsIgnoreCase(g.model().model())) && (metric == null || metric.equals(g.metric()))).toList();
        return new Data(all, shown);
    }

    static Reply render(Data d, String feature, String model, String metric) {
        StringBuilder h = new StringBuilder("<h1>Ledger: claimed vs offline vs production</h1>\n<form method=\"get\" action=\"/ledger\">");
        h.append(Html.select("feature", "Feature", sorted(d.all().stream().map(LedgerGap::feature).filter(Objects::nonNull).toList()), nz(feature), "any feature")).append(' ');
        h.append(Html.select("model", "Model", sorted(d.all().stream().map(g -> g.model().model()).toList()), model == null ? "" : model.toLowerCase(Locale.ROOT), "any model")).append(' ');
        h.append(Html.select("metric", "Metric", sorted(d.all().stream().map(LedgerGap::metric).toList()), nz(metric), "any metric"));
        h.append(" <button type=\"submit\" id=\"show\">Show</button></form>\n");
        if (d.all().isEmpty()) {
            h.append("<p class=\"note\" id=\"message\">No claims recorded yet: fieldtest claim add (or claim import FILE) records what a vendor published (docs/ledger.md).</p>\n");
        } else if (d.shown().isEmpty()) {
            h.append("<p class=\"note\" id=\"message\">No claim matches these filters; choose from the lists.</p>\n");
        }
        for (int i = 0; i < d.shown().size(); i++) h.append(gap(d.shown().get(i), i));
        if (!d.all().isEmpty()) h.append(realisations(d.all()));
        return Reply.html(200, Layout.page("ledger", h.toString()));
    }

    private static String gap(LedgerGap g, int i) {
        StringBuilder b = new StringBuilder("<section class=\"gap\" id=\"gap-").append(i).append("\"><h2>").append(text(g.model().toString())).append(" · ")
                .append(text(g.metric())).append(" <small>(").append(g.feature() == null ? "any feature" : "feature " + text(g.feature())).append(")</small></h2>\n");
        b.append(LedgerChart.figure(g, i));
        b.append("<table class=\"claims\"><thead><tr><th>claimed on</th><th>value</th><th>version</th><th>source</th></tr></thead><tbody>\n");
        for (Claim c : g.claims()) {
            b.append("<tr><td>").append(c.claimedOn()).append("</td>").append(Html.num(c.value())).append("<td>").append(text(c.version() == null ? "–" : c.version()))
                    .append("</td><td>").append(text(c.source())).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        double claimed = g.latestClaim().value();
        if (g.offline().isEmpty()) {
            b.append("<p class=\"note offline-none\">No recorded run has a target of ").append(text(g.model().toString())).append(" (docs/ledger.md: which target is which model).</p>\n");
        } else {
            b.append("<table class=\"offline\"><thead><tr><th>offline run</th><th>started</th><th>target</th><th>value</th><th>95% interval</th><th>n</th><th>claimed − offline</th></tr></thead><tbody>\n");
            for (LedgerOffline o : g.offline()) {
                b.append("<tr><td><a href=\"/runs/").append(Uris.encode(o.runId())).append("\">").append(text(o.runId())).append("</a></td><td>").append(Fmt.time(o.startedAt()))
                        .append("</td><td>").append(text(o.target())).append("</td>").append(Html.num(o.value())).append(Html.cell(interval(o.lo(), o.hi())))
                        .append(Html.num(o.n())).append(Html.cell(signed(claimed - o.value()))).append("</tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        Double lastOffline = g.offline().isEmpty() ? null : g.offline().get(g.offline().size() - 1).value();
        if (!LedgerProduction.supports(g.metric())) {
            b.append("<p class=\"note production-none\">").append(text(g.metric())).append(" is not computed from production spans (docs/ledger.md).</p>\n");
        } else if (g.production().isEmpty()) {
            b.append("<p class=\"note production-none\">No production data for this model.</p>\n");
        } else {
            b.append("<table class=\"production\"><thead><tr><th>week of</th><th>value</th><th>95% interval</th><th>n</th><th>offline − production</th></tr></thead><tbody>\n");
            for (LedgerWindow w : g.production()) {
                b.append("<tr><td>").append(w.weekOf()).append("</td>").append(Html.num(w.value())).append(Html.cell(interval(w.lo(), w.hi()))).append(Html.num(w.n()))
                        .append(Html.cell(lastOffline == null ? "–" : signed(lastOffline - w.value()))).append("</tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        b.append("<p class=\"deltas\">Latest claim ").append(text(Fmt.number(claimed))).append("; claimed − offline ")
                .append(text(g.claimedMinusOffline() == null ? "–" : signed(g.claimedMinusOffline()))).append("; offline − production ")
                .append(text(g.offlineMinusProd() == null ? "–" : signed(g.offlineMinusProd()))).append(".</p>\n");
        b.append("<p class=\"expectation\">").append(g.realisation() == null
                ? "No other claim of " + text(g.model().vendor()) + " on " + text(g.metric()) + " has an offline measurement yet."
                : "Expectation: " + text(g.realisation().sentence(claimed)) + ".").append("</p>\n");
        return b.append("</section>\n").toString();
    }

    private static String realisations(List<LedgerGap> all) {
        StringBuilder b = new StringBuilder("<h2>Vendor realisation</h2>\n<table id=\"realisation\"><thead><tr><th>vendor</th><th>metric</th><th>claims</th>"
                + "<th>measured ÷ claimed (geometric mean)</th><th>range</th></tr></thead><tbody>\n");
        TreeSet<String> keys = new TreeSet<>();
        all.forEach(g -> keys.add(g.model().vendor() + "\u0000" + g.metric()));
        int rows = 0;
        for (String k : keys) {
            String[] vm = k.split("\u0000", 2);
            LedgerRealisation r = LedgerGap.realisation(all, vm[0], vm[1]);
            if (r == null) continue;
            rows++;
            b.append("<tr><td>").append(text(r.vendor())).append("</td><td>").append(text(r.metric())).append("</td>").append(Html.num(r.n()))
                    .append(Html.num(r.ratio())).append(Html.cell(Fmt.number(r.min()) + " – " + Fmt.number(r.max()))).append("</tr>\n");
        }
        b.append("</tbody></table>\n<p class=\"note\">Over every claim with an offline measurement: measured (the latest offline value) ÷ claimed, "
                + "averaged geometrically (docs/ledger.md).</p>\n");
        return rows == 0 ? "<p class=\"note\" id=\"realisation-none\">No claim has an offline measurement yet, so no vendor realisation.</p>\n" : b.toString();
    }

    static String signed(double v) {
        return (v > 0 ? "+" : "") + Fmt.number(v);
    }

    private static String interval(Double lo, Double hi) {
        return lo == null || hi == null ? "–" : Fmt.number(lo) + " – " + Fmt.number(hi);
    }

    private static TreeSet<String> sorted(List<String> values) {
        return new TreeSet<>(values);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
