package dev.fieldtest.serve;

import static dev.fieldtest.report.HtmlEscape.text;

import dev.fieldtest.core.drift.DescriptorDrift;
import dev.fieldtest.core.drift.DriftReport;
import dev.fieldtest.core.drift.Staleness;
import java.util.Map;
import java.util.Set;

/**
 * {@code /drift?feature=&since=&until=}: how far production inputs drifted from the golden set of the suite serve was
 * started with ({@code --suite}; docs/drift.md): descriptor PSI, Jensen–Shannon and Wasserstein-1 with PSI verdicts,
 * staleness, and — when serve has an embedding model — MMD², the domain classifier, coverage and the farthest
 * production inputs (cut and redacted by the analysis, escaped here). Computed on request.
 */
final class DriftPage {
    static final Set<String> PARAMS = Set.of("feature", "since", "until");

    private DriftPage() {}

    static Reply noSuite() {
        return Reply.html(200, Layout.page("drift", "<h1>Drift</h1>\n<p class=\"note\" id=\"message\">This dashboard was started without a suite, so it has no golden "
                + "set to compare production inputs with. Start it with fieldtest serve --suite FILE, or run fieldtest drift SUITE (docs/drift.md).</p>\n"));
    }

    static Reply render(DriftCompute.Outcome o, DriftSource src, Map<String, String> q) {
        String feature = q.getOrDefault("feature", "");
        StringBuilder h = new StringBuilder("<h1>Drift</h1>\n<p>Golden set: the cases of ").append(text(src.suite().toString())).append(".</p>\n");
        h.append("<form method=\"get\" action=\"/drift\">").append(Html.select("feature", "Feature", o.features(), feature, "every feature"))
                .append(" <label>Since <input name=\"since\" id=\"since\" value=\"").append(text(q.getOrDefault("since", ""))).append("\" placeholder=\"2026-11-01\"></label>")
                .append(" <label>Until <input name=\"until\" id=\"until\" value=\"").append(text(q.getOrDefault("until", ""))).append("\" placeholder=\"2026-11-28\"></label>")
                .append(" <button type=\"submit\" id=\"show\">Show</button></form>\n");
        if (o.report() == null) {
            h.append("<p class=\"note\" id=\"message\">No drift to show: ").append(text(o.none())).append(".</p>\n");
            return Reply.html(200, Layout.page("drift", h.toString()));
        }
        DriftReport r = o.report();
        h.append("<p id=\"sizes\">").append(r.goldenN()).append(" golden inputs, ").append(r.productionN()).append(" production inputs")
                .append(r.productionSkipped() > 0 ? " (" + r.productionSkipped() + " spans without readable input left out)" : "").append("; worst verdict: ")
                .append(r.worst().wireName()).append(".</p>\n");
        h.append("<h2>Descriptors</h2>\n<table id=\"descriptors\"><thead><tr><th>descriptor</th><th>kind</th><th>golden mean</th><th>production mean</th><th>PSI</th>"
                + "<th>PSI noise</th><th>Jensen–Shannon</th><th>Wasserstein-1</th><th>verdict</th></tr></thead><tbody>\n");
        for (DescriptorDrift d : r.descriptors()) {
            h.append("<tr><td>").append(text(d.name())).append("</td><td>").append(d.kind()).append("</td>")
                    .append(d.kind().equals("numeric") ? Html.num(d.goldenMean()) + Html.num(d.productionMean()) : "<td>–</td><td>–</td>")
                    .append(Html.num(d.psi())).append(Html.num(d.psiNoise())).append(Html.num(d.jensenShannon())).append(Html.num(d.wasserstein1()))
                    .append("<td class=\"verdict\">").append(d.verdict().wireName()).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<p class=\"note\">PSI below 0.1 is stable, 0.1–0.25 moderate, above 0.25 a shift (a rule of thumb, not a test); "
                + "PSI noise is what sampling alone gives on average.</p>\n");
        h.append("<h2>Golden and production share per bin</h2>\n<ul class=\"legend\"><li><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"#1f77b4\"/></svg> golden</li>"
                + "<li><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"#ff7f0e\"/></svg> production</li></ul>\n");
        for (DescriptorDrift d : r.descriptors()) {
            h.append("<figure class=\"descriptor\"><figcaption>").append(text(d.name())).append(" (PSI ").append(text(Fmt.number(d.psi()))).append(", ")
                    .append(d.verdict().wireName()).append(")</figcaption>").append(DriftChart.svg(d)).append("</figure>\n");
        }
        Staleness s = r.staleness();
        h.append("<h2>Staleness</h2>\n<p id=\"staleness\">The golden set last changed ").append(Fmt.time(s.goldenAt())).append(" (").append(text(s.goldenAtSource()))
                .append("); production inputs from ").append(Fmt.time(s.productionFrom())).append(" to ").append(Fmt.time(s.productionTo())).append(": ")
                .append(text(Fmt.number(s.daysBehind()))).append(" days behind the newest, ").append(Fmt.percent(s.newerShare())).append(" of production inputs newer than it.</p>\n");
        h.append(embedding(r.embedding()));
        return Reply.html(200, Layout.page("drift", h.toString()));
    }

    private static String embedding(DriftReport.EmbeddingDrift e) {
        if (e == null) {
            return "<p class=\"note\" id=\"no-embeddings\">Embedding metrics (MMD², domain classifier, coverage, farthest inputs) were not computed: this "
                    + "dashboard has no embedding model. fieldtest drift SUITE computes them (docs/drift.md).</p>\n";
        }
        StringBuilder b = new StringBuilder("<h2>Embeddings (").append(text(e.model())).append(")</h2>\n<ul id=\"embedding\">");
        if (e.mmd() != null) b.append("<li>MMD² ").append(text(Fmt.number(e.mmd().mmd2()))).append(", permutation p = ").append(text(Fmt.number(e.mmd().pValue())))
                .append(" (").append(e.mmd().permutations()).append(" permutations)</li>");
        if (e.domain() != null) b.append("<li>domain classifier ROC AUC ").append(text(Fmt.number(e.domain().auc()))).append(" (").append(e.domain().folds()).append("-fold)</li>");
        var c = e.coverage();
        b.append("<li id=\"coverage\">uncovered: ").append(c.uncovered()).append(" of ").append(c.n()).append(" (").append(Fmt.percent(c.uncoveredShare()))
                .append(", 95% interval ").append(Fmt.percent(c.uncoveredInterval().lo())).append(" – ").append(Fmt.percent(c.uncoveredInterval().hi()))
                .append(") below cosine ").append(text(Fmt.number(c.threshold()))).append(" to every golden case</li></ul>\n");
        b.append("<table id=\"farthest\"><thead><tr><th>production input (cut, redacted)</th><th>nearest case</th><th>cosine</th><th>started</th><th>span</th></tr></thead><tbody>\n");
        for (DriftReport.Example x : e.farthest()) {
            b.append("<tr><td class=\"example\">").append(text(x.text())).append("</td><td>").append(text(x.nearestCase())).append("</td>").append(Html.num(x.cosine()))
                    .append("<td>").append(Fmt.time(x.startedAt())).append("</td><td>").append(text(x.traceId() + "/" + x.spanId())).append("</td></tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

}
