package dev.fieldtest.cli;

import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.ProductionSpansAdded;
import dev.fieldtest.history.RunHistory;
import dev.fieldtest.serve.otlp.ProductionSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fieldtest ingest}: stores production calls from OTLP JSON files and JSONL logs in the run history
 * (docs/production.md). Every file is read and checked first; any problem anywhere exits 2 with nothing stored.
 * Each file is then stored in one transaction, idempotently by (trace_id, span_id).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Store production GenAI calls from OTLP JSON files or JSONL logs in the run history (docs/production.md). "
                + "Exit 2 on bad input, with nothing stored.")
final class IngestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "OTLP JSON (one ExportTraceServiceRequest per file or per line) or JSONL log files.")
    List<Path> files;

    @Mixin
    HistoryLocation history = new HistoryLocation();

    @Option(names = "--feature-attribute", paramLabel = "NAME", description = "The span (then resource) attribute naming a call's feature (default fieldtest.feature).")
    String featureAttribute = Defaults.FEATURE_ATTRIBUTE;

    @Option(names = "--pricing", paramLabel = "FILE", description = "YAML or JSON: model -> {input_per_mtok, output_per_mtok} in USD; unpriced calls have no cost.")
    Path pricing;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        List<IngestFiles.Parsed> parsed = new ArrayList<>();
        try {
            ProductionSettings settings = new ProductionSettings(featureAttribute, IngestPricing.read(pricing));
            for (Path f : files) parsed.add(IngestFiles.read(f, settings, problems));
        } catch (IngestProblem p) {
            problems.add(p.getMessage());
        }
        if (!problems.isEmpty()) {
            err.println("fieldtest: ingest found " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "; nothing was stored:");
            problems.forEach(p -> err.println("  " + p));
            return Main.BAD_INPUT;
        }
        try (RunHistory h = RunHistory.open(history.store())) {
            ProductionSpansAdded total = new ProductionSpansAdded(0, 0);
            for (IngestFiles.Parsed p : parsed) {
                ProductionSpansAdded a = h.production().add(p.spans());
                total = total.plus(a);
                out.println(p.file() + ": " + a.added() + " new, " + a.duplicates() + " already stored" + (p.skipped() > 0 ? ", " + p.skipped() + " non-GenAI spans skipped" : ""));
            }
            out.println("ingested " + total.added() + " new production calls into " + h.store().display() + " (" + total.duplicates() + " already stored)");
            return Main.OK;
        } catch (HistoryException e) {
            err.println("fieldtest: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }
}
