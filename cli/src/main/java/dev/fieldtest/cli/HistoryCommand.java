package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.RunHistory;
import dev.fieldtest.history.RunSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fieldtest history}: the runs recorded in the run history, newest first (docs/history.md). */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the runs recorded in the run history (every fieldtest run and fieldtest load records one).")
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    HistoryLocation history = new HistoryLocation();

    @Option(names = "--json", description = "Print the runs as a JSON array instead of a table.")
    boolean json;

    @Option(names = "--record", paramLabel = "DIR", arity = "1..*",
            description = "Record these run directories (written by fieldtest run or fieldtest load) instead of listing.")
    List<Path> record;

    @Option(names = "--copy-to", paramLabel = "FILE|URL",
            description = "Copy every row of the history into this empty one (a new DuckDB file, or a fresh PostgreSQL database) instead of listing.")
    String copyTo;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        HistoryStore store = history.store();
        if (copyTo != null) return copy(store, HistoryStore.parse(copyTo));
        if (record == null && !HistoryLocation.exists(store)) {
            out.println(json ? "[]" : "No runs recorded yet: " + store.display() + " does not exist (fieldtest run and fieldtest load record into it).");
            return Main.OK;
        }
        try (RunHistory h = RunHistory.open(store)) {
            if (record != null) {
                for (Path dir : record) {
                    var run = dev.fieldtest.history.RunRecord.read(dir);
                    boolean replaced = h.record(run);
                    out.println((replaced ? "re-recorded " : "recorded ") + run.runId() + " from " + dir + " in " + store.display());
                }
                return Main.OK;
            }
            List<RunSummary> runs = h.runs();
            out.print(json ? json(runs) : HistoryTable.render(runs));
            return Main.OK;
        } catch (HistoryException e) {
            err.println("fieldtest: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }

    /** Moving a team's history from a DuckDB file to PostgreSQL, or taking a local snapshot of a shared one. */
    private Integer copy(HistoryStore from, HistoryStore to) {
        if (!HistoryLocation.exists(from)) {
            err.println("fieldtest: " + from.display() + " does not exist: there is no history to copy; pass --history FILE|URL");
            return Main.BAD_INPUT;
        }
        try (RunHistory source = RunHistory.open(from); RunHistory target = RunHistory.open(to)) {
            var rows = source.copyTo(target);
            rows.forEach((table, n) -> out.printf("%-18s %,d rows%n", table, n));
            out.println("copied " + from.display() + " to " + to.display());
            return Main.OK;
        } catch (HistoryException e) {
            err.println("fieldtest: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }

    static String json(List<RunSummary> runs) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (RunSummary r : runs) {
            ObjectNode o = array.addObject().put("run_id", r.runId()).put("kind", r.kind().wireName()).put("suite", r.suite())
                    .put("status", r.status()).put("started_at", r.startedAt() == null ? null : r.startedAt().toString())
                    .put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString()).put("run_dir", r.runDir())
                    .put("fieldtest_version", r.fieldtestVersion()).put("calls", r.calls());
            ObjectNode targets = o.putObject("targets");
            r.headline().forEach((target, head) -> {
                ObjectNode t = targets.putObject(target).put(r.kind().headlineMetric(), head.value());
                if (r.kind().headlineSampleMetric() != null) t.put(r.kind().headlineSampleMetric(), head.n());
            });
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
    }
}
