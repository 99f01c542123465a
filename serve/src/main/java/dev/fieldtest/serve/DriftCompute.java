package dev.fieldtest.serve;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.SuiteLoader;
import dev.fieldtest.core.drift.DriftAnalysis;
import dev.fieldtest.core.drift.DriftReport;
import dev.fieldtest.core.drift.DriftSettings;
import dev.fieldtest.core.drift.GoldenInput;
import dev.fieldtest.core.drift.InputText;
import dev.fieldtest.core.drift.ProductionText;
import dev.fieldtest.core.drift.Staleness;
import dev.fieldtest.core.perturb.Variant;
import dev.fieldtest.core.run.Plan;
import dev.fieldtest.history.ProductionInput;
import dev.fieldtest.history.RunHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Computes the drift the {@code /drift} page shows, as {@code fieldtest drift} does (docs/drift.md): the suite's cases
 * as written (variants left out) rendered as a run sends them are the golden set; production inputs are the stored
 * spans' input messages of the feature in [since, until). The golden set's age is its files' modification time (the
 * CLI also asks git; the dashboard does not run programs), so the page labels it file-mtime.
 */
final class DriftCompute {
    private DriftCompute() {}

    /** The report, or a reason there is none (no inputs, too few cases), with the features the select list offers. */
    record Outcome(DriftReport report, String none, List<String> features) {}

    /** What is read from the history (under its lock); the analysis runs after it is closed again, so embedding never holds the file. */
    record Inputs(List<String> features, List<ProductionInput> rows) {
        static Inputs read(RunHistory h, String feature, Instant since, Instant until) {
            return new Inputs(h.productionInputs().features(), h.productionInputs().read(feature, since, until));
        }
    }

    /** The suite not loading is a 500 naming the file and the fix. */
    static Outcome run(Inputs in, DriftSource src, String feature) {
        Suite s;
        try {
            s = SuiteLoader.load(src.suite());
        } catch (ConfigException e) {
            throw new HttpProblem(500, "the suite given to fieldtest serve --suite does not load: "
                    + e.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")) + "; fix it, then reload this page");
        }
        List<GoldenInput> golden = new ArrayList<>();
        for (Case c : s.cases()) if (Variant.nameOf(c) == null) golden.add(new GoldenInput(c.id(), InputText.of(Plan.render(s, c))));
        List<String> features = in.features();
        if (golden.size() < 2) return new Outcome(null, "the suite " + src.suite() + " has " + golden.size() + " case(s); drift needs at least 2 golden inputs", features);
        List<ProductionInput> rows = in.rows();
        List<ProductionText> texts = new ArrayList<>();
        for (ProductionInput r : rows) InputText.ofJson(r.inputMessages()).ifPresent(t -> texts.add(new ProductionText(r.traceId(), r.spanId(), r.startedAt(), t)));
        if (texts.isEmpty()) {
            return new Outcome(null, (rows.isEmpty() ? "no production span" : rows.size() + " production spans but none with readable input messages")
                    + (feature == null ? "" : " of feature " + feature) + " in this window; fieldtest ingest or POST /v1/traces stores them (docs/production.md)", features);
        }
        Instant age = mtime(src.suite());
        if (s.dataset() != null && s.dataset().file() != null) {
            Instant d = mtime(s.dataset().file());
            if (d.isAfter(age)) age = d;
        }
        Staleness staleness = Staleness.of(age, "file-mtime", texts.stream().map(ProductionText::startedAt).toList());
        DriftReport report = DriftAnalysis.run(s.name(), feature, golden, texts, rows.size() - texts.size(), src.embed(), src.model(), DriftSettings.defaults().withCoverageThreshold(src.coverageThreshold()), staleness);
        return new Outcome(report, null, features);
    }

    private static Instant mtime(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            throw new HttpProblem(500, "cannot read when " + f + " last changed (" + e.getMessage() + "); the golden set's age needs it");
        }
    }
}
