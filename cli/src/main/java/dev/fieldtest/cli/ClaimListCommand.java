package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.fieldtest.history.Claim;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fieldtest claim list}: every recorded claim, oldest claim date first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the recorded claims, oldest first.")
final class ClaimListCommand implements Callable<Integer> {
    @Mixin
    HistoryLocation history = new HistoryLocation();
    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        HistoryStore store = history.store();
        if (!HistoryLocation.exists(store)) {
            out.println(json ? "[]" : "No claims recorded yet: " + store.display() + " does not exist (fieldtest claim add records one).");
            return Main.OK;
        }
        try (RunHistory h = RunHistory.open(store)) {
            List<Claim> claims = h.ledger().claims();
            if (json) {
                out.print(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(claims)) + "\n");
            } else if (claims.isEmpty()) {
                out.println("No claims recorded yet (fieldtest claim add records one).");
            } else {
                out.printf("%-12s  %-10s  %-24s  %-10s  %-20s  %10s  %s%n", "id", "date", "vendor/model", "feature", "metric", "value", "source");
                for (Claim c : claims) {
                    out.printf("%-12s  %-10s  %-24s  %-10s  %-20s  %10s  %s%n", c.id().substring(0, 12), c.claimedOn(),
                            c.vendor() + "/" + c.model() + (c.version() == null ? "" : " v" + c.version()), c.feature() == null ? "-" : c.feature(),
                            c.metric(), dev.fieldtest.core.gate.PropertyResult.format(c.value()), c.source());
                }
            }
            return Main.OK;
        } catch (HistoryException e) {
            return ClaimCli.bad(err, e.getMessage());
        }
    }

    static ArrayNode json(List<Claim> claims) {
        ArrayNode a = new ObjectMapper().createArrayNode();
        claims.forEach(c -> a.addObject().put("id", c.id()).put("vendor", c.vendor()).put("model", c.model()).put("version", c.version())
                .put("feature", c.feature()).put("metric", c.metric()).put("value", c.value()).put("source", c.source())
                .put("date", c.claimedOn().toString()));
        return a;
    }
}
