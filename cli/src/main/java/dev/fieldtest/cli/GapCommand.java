package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.LedgerGap;
import dev.fieldtest.history.LedgerModel;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fieldtest gap}: claimed vs offline vs production per (feature, vendor model, metric) (docs/ledger.md). */
@Command(name = "gap", mixinStandardHelpOptions = true,
        description = "Compare what vendors claimed with what fieldtest measured offline and what production shows, with the vendor's realisation ratio (docs/ledger.md).")
final class GapCommand implements Callable<Integer> {
    @Option(names = "--feature", paramLabel = "F", description = "Only claims about this feature.")
    String feature;
    @Option(names = "--model", paramLabel = "M", description = "Only claims about this model (case ignored).")
    String model;
    @Option(names = "--metric", paramLabel = "METRIC", description = "Only claims on this metric path, e.g. pass_rate.value.")
    String metric;
    @Option(names = "--map", paramLabel = "TARGET=VENDOR/MODEL",
            description = "Treat offline target TARGET as VENDOR's MODEL, beating the rule that reads it from the run's provenance (repeatable).")
    List<String> maps = List.of();
    @Option(names = "--json", description = "Print a JSON array instead of text.")
    boolean json;
    @Option(names = "--history", paramLabel = "FILE", description = "The run-history file (default .fieldtest/history.duckdb).")
    Path file = Defaults.HISTORY_FILE;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        Map<String, LedgerModel> overrides = new LinkedHashMap<>();
        for (String m : maps) {
            int eq = m.indexOf('='), slash = m.indexOf('/', eq + 1);
            if (eq < 1 || slash < eq + 2 || slash == m.length() - 1) {
                return ClaimCli.bad(err, "--map " + m + " is not TARGET=VENDOR/MODEL: write for example --map prod-proxy=openai/gpt-4o");
            }
            overrides.put(m.substring(0, eq), new LedgerModel(m.substring(eq + 1, slash), m.substring(slash + 1)));
        }
        if (!Files.exists(file)) {
            out.println(json ? "[]" : "No claims recorded yet: " + file + " does not exist (fieldtest claim add records one).");
            return Main.OK;
        }
        try (RunHistory h = RunHistory.open(file)) {
            List<LedgerGap> gaps = LedgerGap.compute(h.ledger(), feature, model, metric, overrides);
            if (json) out.print(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(GapJson.of(gaps)) + "\n");
            else if (gaps.isEmpty()) out.println("No claims match" + (feature == null && model == null && metric == null ? " (none recorded: fieldtest claim add records one)." : " the filters."));
            else gaps.forEach(g -> out.print(GapText.of(g)));
            return Main.OK;
        } catch (HistoryException e) {
            return ClaimCli.bad(err, e.getMessage());
        }
    }
}
