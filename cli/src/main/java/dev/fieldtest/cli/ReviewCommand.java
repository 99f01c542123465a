package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Property;
import dev.fieldtest.core.config.SuiteLoader;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.Ledger;
import dev.fieldtest.history.LedgerFeature;
import dev.fieldtest.history.ReviewCalendar;
import dev.fieldtest.history.ReviewItem;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fieldtest review}: each feature's properties with their review due dates and status, offline and in production (docs/ledger.md). */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "List each feature's properties with review due dates (week4, week12, quarterly from launch), due/overdue/signed, and how each stands offline and in production (docs/ledger.md).",
        subcommands = ReviewSignCommand.class)
final class ReviewCommand implements Callable<Integer> {
    @Option(names = "--feature", paramLabel = "F", description = "Only this feature.")
    String feature;
    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The day to judge due dates on (default: today, UTC).")
    String today;
    @Option(names = "--json", description = "Print a JSON array instead of text.")
    boolean json;
    @Mixin
    HistoryLocation history = new HistoryLocation();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        LocalDate day;
        try {
            day = today(today);
        } catch (ClaimCli.BadOption e) {
            return ClaimCli.bad(err, e.getMessage());
        }
        HistoryStore store = history.store();
        if (!HistoryLocation.exists(store)) {
            out.println(json ? "[]" : "No features recorded yet: " + store.display() + " does not exist (fieldtest feature add records one).");
            return Main.OK;
        }
        try (RunHistory h = RunHistory.open(store)) {
            Ledger ledger = h.ledger();
            List<LedgerFeature> features = feature == null ? ledger.features() : List.of(feature(ledger, feature));
            if (features.isEmpty()) out.println(json ? "[]" : "No features recorded yet (fieldtest feature add NAME --launched YYYY-MM-DD --suite FILE records one).");
            ArrayNode all = new ObjectMapper().createArrayNode();
            int code = Main.OK;
            for (LedgerFeature f : features) {
                List<ReviewItem> items;
                try {
                    items = f.suiteFile() == null ? List.of() : ReviewCalendar.items(ledger, f, properties(f), day);
                } catch (ConfigException e) { // one feature's moved or broken suite does not hide the others
                    code = ClaimCli.bad(err, "the suite of feature " + f.name() + " (" + f.suiteFile() + ")", e);
                    continue;
                }
                if (json) ReviewText.json(all, items);
                else out.print(ReviewText.of(f, items, day));
            }
            if (json && !features.isEmpty()) out.print(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n");
            return code;
        } catch (ClaimCli.BadOption | HistoryException e) {
            return ClaimCli.bad(err, e.getMessage());
        }
    }

    static LocalDate today(String option) {
        return option == null ? LocalDate.now(ZoneOffset.UTC) : ClaimCli.date("--today", option);
    }

    static LedgerFeature feature(Ledger ledger, String name) {
        return ledger.feature(name).orElseThrow(() -> new ClaimCli.BadOption("no feature \"" + name + "\" is recorded"
                + (ledger.features().isEmpty() ? "" : " (recorded: " + String.join(", ", ledger.features().stream().map(LedgerFeature::name).toList()) + ")")
                + ": add it with fieldtest feature add " + name + " --launched YYYY-MM-DD --suite FILE"));
    }

    /** The feature's suite's properties, read from the suite file now (so an edited property shows as it is today). */
    static List<Property> properties(LedgerFeature f) {
        return SuiteLoader.load(Path.of(f.suiteFile())).properties();
    }
}
