package dev.fieldtest.cli;

import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.SuiteLoader;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.ProductionScoresWindow;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fieldtest score-production SUITE}: the suite's online checks on its hash-sampled share of the production
 * spans in the history that it has not scored yet, stored in production_scores, then pass rates per feature × model ×
 * window (docs/online-scoring.md).
 */
@Command(name = "score-production", mixinStandardHelpOptions = true,
        description = {"Score a deterministic hash-sampled share of the production spans in the run history with the suite's online checks "
                + "(judges included, within online.budget_usd), store the scores, and print pass rates per feature x model x window.",
                "Exit 0 done (also when the budget stopped it: run it again later for the rest), 2 bad input (nothing scored)."})
final class ScoreProductionCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SUITE", description = "The suite file (YAML); its online: section, see docs/online-scoring.md.")
    Path suite;

    @Mixin
    HistoryLocation history = new HistoryLocation();

    @Option(names = "--feature", paramLabel = "F", description = "Only spans of this feature.")
    String feature;

    @Option(names = "--since", paramLabel = "DATE", description = "Only spans started at or after DATE (2026-11-23 = its midnight UTC, or 2026-11-23T10:00:00Z).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Only spans started before DATE (exclusive; same forms as --since).")
    String until;

    @Option(names = "--window", paramLabel = "day|week", description = "The summary's window: a UTC day (default) or an ISO week from Monday.")
    String window = "day";

    @Option(names = "--dry-run", description = "Say how many spans would be scored and with which checks; call nothing, store nothing.")
    boolean dryRun;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    PrintStream out = System.out;
    PrintStream err = System.err;
    Env env = Env.system();

    @Override
    public Integer call() throws Exception {
        Suite s;
        Instant from;
        Instant to;
        ProductionScoresWindow.Period period;
        HistoryStore store = history.store();
        try {
            from = instant("--since", since);
            to = instant("--until", until);
            period = period(window);
            s = SuiteLoader.load(suite);
            if (store instanceof HistoryStore.DuckDbFile f && !Files.isRegularFile(f.file())) {
                throw new ConfigException(Location.of(f.file()), "no run history here, so no production spans to score",
                        "ingest spans first (docs/production.md), or name the file or database with --history FILE|URL");
            }
        } catch (ConfigException e) {
            return InputProblems.report(err, e);
        }
        try {
            return new ScoreProductionRun(s, store, out, err, quiet).run(feature, from, to, period, dryRun, env);
        } catch (HistoryException e) {
            err.println("fieldtest: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }

    static Instant instant(String option, String text) {
        if (text == null) return null;
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new ConfigException(Location.of(Path.of("(command line)")), option + " must be a date such as 2026-11-23 or an instant such as "
                    + "2026-11-23T10:00:00Z, but was \"" + text + "\"", "write the date as YYYY-MM-DD (UTC)");
        }
    }

    static ProductionScoresWindow.Period period(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "day" -> ProductionScoresWindow.Period.DAY;
            case "week" -> ProductionScoresWindow.Period.WEEK;
            default -> throw new ConfigException(Location.of(Path.of("(command line)")), "--window must be day or week, but was \"" + text + "\"",
                    "use --window day or --window week");
        };
    }
}
