package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.online.OnlineChecks;
import dev.fieldtest.core.online.OnlineScoring;
import dev.fieldtest.core.online.OnlineSpan;
import dev.fieldtest.core.online.SpanSampler;
import dev.fieldtest.core.run.BoundCheck;
import dev.fieldtest.core.run.CallScorer;
import dev.fieldtest.core.run.Progress;
import dev.fieldtest.core.run.ResultsCodec;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.ProductionScores;
import dev.fieldtest.history.ProductionScoresCandidate;
import dev.fieldtest.history.ProductionScoresEntry;
import dev.fieldtest.history.ProductionScoresWindow;
import dev.fieldtest.history.RunHistory;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One invocation of score-production: sample, score, store, summarise. Every check problem is found before a span is scored. */
final class ScoreProductionRun {
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Suite suite;
    private final HistoryStore history;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean quiet;

    ScoreProductionRun(Suite suite, HistoryStore history, PrintStream out, PrintStream err, boolean quiet) {
        this.suite = suite;
        this.history = history;
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    int run(String feature, Instant since, Instant until, ProductionScoresWindow.Period period, boolean dryRun, Env env) throws IOException {
        Components components;
        try {
            components = Components.resolve(suite, env);
        } catch (ConfigException e) {
            return InputProblems.report(err, e);
        }
        try (components; RunHistory h = RunHistory.open(history)) {
            ProductionScores scores = h.productionScores();
            List<ProductionScoresCandidate> unscored = scores.unscored(suite.name(), feature, since, until);
            List<ProductionScoresCandidate> sampled = unscored.stream()
                    .filter(c -> SpanSampler.selected(c.traceId(), c.spanId(), suite.name(), suite.online().rateFor(c.feature()))).toList();
            List<BoundCheck> checks = OnlineChecks.select(suite.checks(), components.checks(), suite.online());
            err.println(ScoreProductionText.plan(suite, unscored, sampled, checks, OnlineChecks.skipped(suite.checks(), suite.online())));
            if (dryRun) {
                out.println("Dry run: nothing was called or stored.");
                return Main.OK;
            }
            OnlineScoring.Outcome outcome;
            int[] errors = {0};
            Map<String, Integer> skipReasons = new TreeMap<>();
            try (Progress progress = new Progress(err, sampled.size(), false, quiet ? Duration.ofDays(1) : PROGRESS_INTERVAL);
                 ScoreProductionStore store = new ScoreProductionStore(scores)) {
                outcome = new OnlineScoring(new CallScorer(checks, suite.confidenceExtract()), suite.name(), suite.online().budgetUsd())
                        .run(() -> spans(scores, sampled), new OnlineScoring.Listener() {
                            @Override
                            public void scored(OnlineScoring.ScoredSpan s) {
                                store.add(entry(s));
                                if (!s.call().observation().succeeded()) errors[0]++;
                                progress.onCall(s.call());
                            }

                            @Override
                            public void skipped(OnlineSpan span, String reason) {
                                skipReasons.merge(reason, 1, Integer::sum);
                            }
                        });
            }
            int left = sampled.size() - outcome.scored() - outcome.skipped();
            out.print(ScoreProductionText.outcome(outcome, errors[0], skipReasons, suite.online().budgetUsd(), left));
            out.print(ScoreProductionText.table(scores.passRates(suite.name(), period, feature, since, until)));
            return Main.OK;
        }
    }

    /** The sampled spans, read a batch at a time as scoring reaches them. */
    private static Iterator<OnlineSpan> spans(ProductionScores scores, List<ProductionScoresCandidate> sampled) {
        int batch = ScoreProductionStore.BATCH;
        return java.util.stream.IntStream.iterate(0, i -> i < sampled.size(), i -> i + batch).boxed()
                .flatMap(i -> scores.spans(sampled.subList(i, Math.min(i + batch, sampled.size()))).stream()).iterator();
    }

    private ProductionScoresEntry entry(OnlineScoring.ScoredSpan s) {
        List<String> failed = s.call().verdicts().stream().filter(v -> !v.pass()).map(Verdict::check).toList();
        String verdicts;
        try {
            verdicts = JSON.writeValueAsString(JSON.readTree(ResultsCodec.encode(s.call())).path("verdicts")); // results.jsonl's shape, redacted
        } catch (IOException e) {
            throw new IllegalStateException("a results row always parses", e);
        }
        OnlineSpan span = s.span();
        return new ProductionScoresEntry(span.traceId(), span.spanId(), suite.name(), span.feature(), span.model(), span.startedAt(),
                s.call().pass(), failed, verdicts, s.graderCostUsd());
    }

    static String usd(double v) {
        return String.format(Locale.ROOT, "$%.6f", v);
    }
}
