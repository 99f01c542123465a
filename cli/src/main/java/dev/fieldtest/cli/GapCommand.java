package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.LedgerGap;
import dev.fieldtest.history.LedgerModel;
import dev.fieldtest.history.LedgerRealisation;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @Option(names = "--mapping", paramLabel = "FILE",
            description = "A YAML file ledger: {targets: {ID: {vendor: V, model: M}}} of targets the rule cannot map; --map beats it.")
    Path mapping;
    @Option(names = "--runs", paramLabel = "N", defaultValue = "10",
            description = "Show the latest N offline measurements per row as text (default ${DEFAULT-VALUE}; 0: all). --json has all.")
    int runs;
    @Option(names = "--json", description = "Print JSON ({gaps, vendors}) instead of text.")
    boolean json;
    @Mixin
    HistoryLocation history = new HistoryLocation();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (runs < 0) return ClaimCli.bad(err, "--runs " + runs + " is negative: give how many of the latest offline measurements to show, or 0 for all");
        Map<String, LedgerModel> overrides = new LinkedHashMap<>();
        if (mapping != null) {
            try {
                overrides.putAll(GapMapping.read(mapping));
            } catch (dev.fieldtest.core.config.ConfigException e) {
                return ClaimCli.bad(err, "the mapping file", e);
            }
        }
        for (String m : maps) {
            int eq = m.indexOf('='), slash = m.indexOf('/', eq + 1);
            if (eq < 1 || slash < eq + 2 || slash == m.length() - 1) {
                return ClaimCli.bad(err, "--map " + m + " is not TARGET=VENDOR/MODEL: write for example --map prod-proxy=openai/gpt-4o");
            }
            overrides.put(m.substring(0, eq), new LedgerModel(m.substring(eq + 1, slash), m.substring(slash + 1)));
        }
        HistoryStore store = history.store();
        if (!HistoryLocation.exists(store)) {
            out.println(json ? "{\"gaps\": [], \"vendors\": []}" : "No claims recorded yet: " + store.display() + " does not exist (fieldtest claim add records one).");
            return Main.OK;
        }
        try (RunHistory h = RunHistory.open(store)) {
            // Every row is computed, so a vendor's realisation counts all its measured claims whatever the filters show.
            List<LedgerGap> all = LedgerGap.compute(h.ledger(), null, null, null, overrides);
            List<LedgerGap> gaps = all.stream().filter(g -> g.matches(feature, model, metric)).toList();
            List<LedgerRealisation> vendors = gaps.stream().map(g -> List.of(g.model().vendor(), g.metric())).distinct()
                    .map(vm -> LedgerGap.realisation(all, vm.get(0), vm.get(1))).filter(r -> r != null).toList();
            if (json) out.print(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(GapJson.of(gaps, vendors)) + "\n");
            else if (gaps.isEmpty()) out.println("No claims match" + (feature == null && model == null && metric == null ? " (none recorded: fieldtest claim add records one)." : " the filters."));
            else {
                gaps.forEach(g -> out.print(GapText.of(g, runs)));
                out.print(GapText.vendors(vendors));
            }
            return Main.OK;
        } catch (HistoryException e) {
            return ClaimCli.bad(err, e.getMessage());
        }
    }
}
