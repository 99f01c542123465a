package dev.fieldtest.cli;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.SuiteLoader;
import dev.fieldtest.core.drift.DriftAnalysis;
import dev.fieldtest.core.drift.DriftJson;
import dev.fieldtest.core.drift.DriftMarkdown;
import dev.fieldtest.core.drift.DriftReport;
import dev.fieldtest.core.drift.DriftSettings;
import dev.fieldtest.core.drift.GoldenInput;
import dev.fieldtest.core.drift.InputText;
import dev.fieldtest.core.drift.ProductionText;
import dev.fieldtest.core.drift.Staleness;
import dev.fieldtest.core.perturb.Variant;
import dev.fieldtest.core.run.Plan;
import dev.fieldtest.embedded.EmbeddingModel;
import dev.fieldtest.embedded.EmbeddingModels;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.ProductionInput;
import dev.fieldtest.history.RunHistory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fieldtest drift SUITE}: how far production inputs in the run history have drifted from the suite's golden
 * cases (docs/drift.md). Exit 0 when measured (whatever the drift), 2 on bad input or no production inputs.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Compare the suite's golden inputs with production inputs in the run history: descriptor PSI/JS/W1, "
                + "embedding MMD², coverage and staleness (docs/drift.md).")
final class DriftCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SUITE", description = "The suite whose cases (rendered messages, variants left out) are the golden set.")
    Path suite;

    @Mixin
    HistoryLocation history = new HistoryLocation();

    @Option(names = "--feature", paramLabel = "F", description = "Only production spans of this feature (default: every feature).")
    String feature;

    @Option(names = "--since", paramLabel = "DATE", description = "First UTC day (2026-11-01) or instant (2026-11-01T08:00:00Z) included.")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Last UTC day included, or the first instant excluded.")
    String until;

    @Option(names = "--model", paramLabel = "NAME", description = "Embedding model: all-minilm-l6-v2 (default) or e5-small-v2.")
    String model = EmbeddingModels.ALL_MINILM_L6_V2;

    @Option(names = "--no-embeddings", description = "Skip MMD², coverage and topics (descriptors and staleness only).")
    boolean noEmbeddings;

    @Option(names = "--coverage-threshold", paramLabel = "COS",
            description = "Nearest-golden cosine below which a production input is uncovered (default 0.6 for MiniLM, 0.9 for e5).")
    Double coverageThreshold;

    @Option(names = "--json", description = "Print drift.json's document instead of the short report.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/drift.json and DIR/drift.md (replaced when present).")
    Path out;

    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    @Override
    public Integer call() throws IOException {
        try {
            Instant from = DriftWindow.since(since), to = DriftWindow.until(until);
            Suite s = SuiteLoader.load(suite);
            List<GoldenInput> golden = golden(s);
            ProductionBatch batch = production(from, to);
            DriftGoldenAge age = DriftGoldenAge.newest(suite, s.dataset() == null ? null : s.dataset().file());
            Staleness staleness = Staleness.of(age.at(), age.source(), batch.texts().stream().map(ProductionText::startedAt).toList());
            DriftSettings settings = settings();
            EmbeddingModel m = noEmbeddings ? null : EmbeddingModels.load(model);
            DriftReport report = DriftAnalysis.run(s.name(), feature, golden, batch.texts(), batch.skipped(), m == null ? null : m::embed,
                    m == null ? null : m.name(), settings, staleness);
            String doc = DriftJson.render(report, suite.toString(), from, to, settings);
            if (out != null) {
                Files.createDirectories(out);
                Files.writeString(out.resolve("drift.json"), doc, StandardCharsets.UTF_8);
                Files.writeString(out.resolve("drift.md"), DriftMarkdown.render(report), StandardCharsets.UTF_8);
            }
            stdout.print(json ? doc : DriftText.render(report));
            return Main.OK;
        } catch (ConfigException e) {
            e.problems().forEach(p -> stderr.println("fieldtest drift: " + p));
            return Main.BAD_INPUT;
        } catch (HistoryException e) {
            stderr.println("fieldtest drift: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }

    private DriftSettings settings() {
        if (!noEmbeddings && !EmbeddingModels.isKnown(model)) {
            throw new ConfigException(Location.of(Path.of("--model")), "unknown embedding model '" + model + "'",
                    "use one of " + EmbeddingModels.names() + ", or --no-embeddings");
        }
        double threshold = coverageThreshold != null ? coverageThreshold
                : EmbeddingModels.E5_SMALL_V2.equals(model) ? Defaults.DRIFT_COVERAGE_MIN_COSINE_E5 : Defaults.DRIFT_COVERAGE_MIN_COSINE;
        if (!(threshold >= -1 && threshold <= 1)) {
            throw new ConfigException(Location.of(Path.of("--coverage-threshold")), "a cosine threshold must lie in [-1, 1], not " + threshold,
                    "pass a value such as 0.6");
        }
        return DriftSettings.defaults().withCoverageThreshold(threshold);
    }

    /** The suite's cases as written (perturbed and generated variants are not golden inputs), rendered as a run sends them. */
    private List<GoldenInput> golden(Suite s) {
        List<GoldenInput> golden = new ArrayList<>();
        for (Case c : s.cases()) if (Variant.nameOf(c) == null) golden.add(new GoldenInput(c.id(), InputText.of(Plan.render(s, c))));
        if (golden.size() < 2) {
            throw new ConfigException(Location.of(suite), "the suite has " + golden.size() + " case" + (golden.size() == 1 ? "" : "s")
                    + "; drift needs at least 2 golden inputs", "add cases to the suite (docs/suite.md)");
        }
        return golden;
    }

    private record ProductionBatch(List<ProductionText> texts, int skipped) {}

    private ProductionBatch production(Instant from, Instant to) {
        String ingest = "ingest production traces first: fieldtest ingest FILE (OTLP JSON or a JSONL call log), or send OTLP to fieldtest serve's /v1/traces (docs/production.md)";
        HistoryStore store = history.store();
        if (!HistoryLocation.exists(store)) {
            throw HistoryLocation.problem(store, "there is no run history here, so no production inputs", ingest + ", or pass --history FILE|URL");
        }
        try (RunHistory h = RunHistory.open(store)) {
            List<ProductionInput> rows = h.productionInputs().read(feature, from, to);
            List<ProductionText> texts = new ArrayList<>();
            for (ProductionInput r : rows) {
                InputText.ofJson(r.inputMessages()).ifPresent(t -> texts.add(new ProductionText(r.traceId(), r.spanId(), r.startedAt(), t)));
            }
            if (texts.isEmpty()) {
                String what = rows.isEmpty() ? "no production span" : rows.size() + " production spans but none with readable input_messages";
                String where = (feature == null ? "" : " of feature '" + feature + "'") + window(from, to);
                List<String> features = h.productionInputs().features();
                throw HistoryLocation.problem(store, what + where + " (features present: " + (features.isEmpty() ? "none" : features) + ")",
                        rows.isEmpty() ? "widen --since/--until or pick another --feature, or " + ingest
                                : "record input messages in your spans (gen_ai.input.messages; docs/production.md)");
            }
            return new ProductionBatch(texts, rows.size() - texts.size());
        }
    }

    private static String window(Instant from, Instant to) {
        if (from == null && to == null) return "";
        return " in [" + (from == null ? "…" : from) + ", " + (to == null ? "…" : to) + ")";
    }
}
