package dev.fieldtest.serve;

import dev.fieldtest.history.LedgerFeature;
import dev.fieldtest.history.ProductionScoresWindow;
import dev.fieldtest.history.ProductionSpansMetrics;
import dev.fieldtest.history.RunHistory;
import dev.fieldtest.history.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Online pass rates for the production page. production_scores is keyed by the suite that scored a span, and the
 * history API reads pass rates per suite, so the suites asked are the ones the history knows by name: every recorded
 * run's suite and every feature's suite (docs/serve.md says so: a suite only ever used online is not found).
 */
final class ProductionScoring {
    private ProductionScoring() {}

    static List<ProductionPage.Scored> read(RunHistory h, String feature, ProductionSpansMetrics.Window window) {
        TreeSet<String> suites = new TreeSet<>();
        h.runs().stream().map(RunSummary::suite).filter(Objects::nonNull).forEach(suites::add);
        h.ledger().features().stream().map(LedgerFeature::suiteName).filter(Objects::nonNull).forEach(suites::add);
        ProductionScoresWindow.Period period = window == ProductionSpansMetrics.Window.DAY ? ProductionScoresWindow.Period.DAY : ProductionScoresWindow.Period.WEEK;
        List<ProductionPage.Scored> out = new ArrayList<>();
        for (String s : suites) for (ProductionScoresWindow w : h.productionScores().passRates(s, period, feature, null, null)) out.add(new ProductionPage.Scored(s, w));
        return out;
    }
}
