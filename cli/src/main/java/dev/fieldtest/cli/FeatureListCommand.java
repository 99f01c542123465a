package dev.fieldtest.cli;

import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.LedgerFeature;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fieldtest feature list}: the recorded features. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the recorded features.")
final class FeatureListCommand implements Callable<Integer> {
    @Option(names = "--history", paramLabel = "FILE", description = "The run-history file (default .fieldtest/history.duckdb).")
    Path file = Defaults.HISTORY_FILE;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (!Files.exists(file)) {
            out.println("No features recorded yet: " + file + " does not exist (fieldtest feature add records one).");
            return Main.OK;
        }
        try (RunHistory h = RunHistory.open(file)) {
            List<LedgerFeature> features = h.ledger().features();
            if (features.isEmpty()) out.println("No features recorded yet (fieldtest feature add records one).");
            for (LedgerFeature f : features) {
                out.println(f.name() + "  launched " + f.launchedOn() + (f.owner() == null ? "" : "  owner " + f.owner())
                        + (f.suiteFile() == null ? "  no suite" : "  suite " + f.suiteName() + " (" + f.suiteFile() + ")"));
            }
            return Main.OK;
        } catch (HistoryException e) {
            return ClaimCli.bad(err, e.getMessage());
        }
    }
}
