package dev.fieldtest.cli;

import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.ProductionSpansMetrics;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fieldtest production}: production metrics per feature × model × window and silent model changes (docs/production.md). */
@Command(name = "production", mixinStandardHelpOptions = true,
        description = "Production metrics per feature, model and day or week (calls, error and throttle rates, latency and TTFT percentiles, "
                + "tokens, cost) and silent model changes, from the ingested spans (docs/production.md).")
final class ProductionCommand implements Callable<Integer> {
    @Mixin
    HistoryLocation history = new HistoryLocation();

    @Option(names = "--feature", paramLabel = "F", description = "Only this feature (default: every feature).")
    String feature;

    @Option(names = "--window", paramLabel = "day|week", description = "Group by UTC day or ISO week (default day).")
    String window = "day";

    @Option(names = "--since", paramLabel = "DATE", description = "Only calls started on or after this UTC date (2026-11-01) or time (2026-11-01T12:00:00Z).")
    String since;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        ProductionSpansMetrics.Window w;
        Instant from;
        try {
            w = window(window);
            from = since(since);
        } catch (IngestProblem p) {
            err.println("fieldtest: " + p.getMessage());
            return Main.BAD_INPUT;
        }
        HistoryStore store = history.store();
        if (!HistoryLocation.exists(store)) {
            out.print(json ? ProductionJson.render(new ProductionSpansMetrics.Report(w, java.util.List.of(), java.util.List.of()))
                    : "No production calls yet: " + store.display() + " does not exist (fieldtest ingest and POST /v1/traces on fieldtest serve store them).\n");
            return Main.OK;
        }
        try (RunHistory h = RunHistory.open(store)) {
            var report = h.production().metrics(feature, w, from);
            out.print(json ? ProductionJson.render(report) : ProductionTable.render(report));
            return Main.OK;
        } catch (HistoryException e) {
            err.println("fieldtest: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }

    static ProductionSpansMetrics.Window window(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "day" -> ProductionSpansMetrics.Window.DAY;
            case "week" -> ProductionSpansMetrics.Window.WEEK;
            default -> throw new IngestProblem("--window " + text + " is not a window. Fix: --window day or --window week");
        };
    }

    /** A UTC date (its midnight) or an ISO instant; null stays null. */
    static Instant since(String text) {
        if (text == null) return null;
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IngestProblem("\"" + text + "\" is not a date. Fix: write a UTC date like 2026-11-01 or a time like 2026-11-01T12:00:00Z");
        }
    }
}
