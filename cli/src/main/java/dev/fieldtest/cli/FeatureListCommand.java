package dev.fieldtest.cli;

import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.LedgerFeature;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fieldtest feature list}: the recorded features. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the recorded features.")
final class FeatureListCommand implements Callable<Integer> {
    @Mixin
    HistoryLocation history = new HistoryLocation();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        HistoryStore store = history.store();
        if (!HistoryLocation.exists(store)) {
            out.println("No features recorded yet: " + store.display() + " does not exist (fieldtest feature add records one).");
            return Main.OK;
        }
        try (RunHistory h = RunHistory.open(store)) {
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
