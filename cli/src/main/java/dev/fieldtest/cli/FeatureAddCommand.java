package dev.fieldtest.cli;

import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.SuiteLoader;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.LedgerFeature;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fieldtest feature add NAME --launched DATE}: adds a feature, or replaces the one of that name. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Record a feature and its launch date (again: replace what was recorded).")
final class FeatureAddCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The feature, as production spans name it (their feature attribute).")
    String name;
    @Option(names = "--launched", required = true, paramLabel = "YYYY-MM-DD", description = "The launch date the reviews count from.")
    String launched;
    @Option(names = "--owner", paramLabel = "O", description = "Who answers for the feature.")
    String owner;
    @Option(names = "--suite", paramLabel = "FILE", description = "The suite whose properties the feature is reviewed against.")
    Path suite;
    @Mixin
    HistoryLocation history = new HistoryLocation();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        LocalDate on;
        try {
            on = ClaimCli.date("--launched", launched);
        } catch (ClaimCli.BadOption e) {
            return ClaimCli.bad(err, e.getMessage());
        }
        if (name.isBlank()) return ClaimCli.bad(err, "the feature name is empty: give the name production spans use");
        String suiteName = null;
        if (suite != null) {
            try {
                Suite s = SuiteLoader.load(suite);
                suiteName = s.name();
                if (s.properties().isEmpty()) err.println("fieldtest: warning: " + suite + " has no properties: fieldtest review will have nothing to list (docs/ci.md)");
            } catch (ConfigException e) {
                return ClaimCli.bad(err, "the suite " + suite, e);
            }
        }
        LedgerFeature f = new LedgerFeature(name, on, ClaimAddCommand.blankToNull(owner), suite == null ? null : suite.toAbsolutePath().normalize().toString(), suiteName);
        try (RunHistory h = RunHistory.open(history.store())) {
            boolean replaced = h.ledger().putFeature(f);
            out.println((replaced ? "replaced feature " : "recorded feature ") + name + " (launched " + on + (suiteName == null ? "" : ", suite " + suiteName) + ") in " + h.store().display());
            return Main.OK;
        } catch (HistoryException e) {
            return ClaimCli.bad(err, e.getMessage());
        }
    }
}
