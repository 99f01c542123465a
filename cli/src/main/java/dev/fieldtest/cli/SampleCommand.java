package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.run.AtomicFiles;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.ProductionSpan;
import dev.fieldtest.history.ProductionSpansObservations;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fieldtest sample}: a deterministic, stratified sample of a feature's production inputs written as a dataset
 * (docs/suite.md's JSONL cases; docs/production.md). Spans without a user message are not candidates.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write a stratified sample of a feature's production inputs as dataset JSONL (id, vars.input, tags; vars.trace_id and "
                + "vars.span_id name the source span). The same store gives the same sample (docs/production.md).")
final class SampleCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--feature", required = true, paramLabel = "F", description = "The feature to sample.")
    String feature;

    @Option(names = "--n", paramLabel = "N", description = "How many cases at most (default 200).")
    int n = 200;

    @Option(names = "--by", paramLabel = "none|model|day", description = "Stratify by the answering model or the UTC day (default none).")
    String by = "none";

    @Option(names = "--window", paramLabel = "START..END", description = "Only calls started in [START, END): UTC dates or times, either side may be empty.")
    String window;

    @Mixin
    HistoryLocation history = new HistoryLocation();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The dataset file to write (replaced if it exists).")
    Path out;

    PrintStream stdout = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        SamplePlan.By strata;
        Instant since = null, until = null;
        try {
            if (n < 1) throw new IngestProblem("--n " + n + " must be at least 1. Fix: --n 200");
            strata = switch (by.toLowerCase(Locale.ROOT)) {
                case "none" -> SamplePlan.By.NONE;
                case "model" -> SamplePlan.By.MODEL;
                case "day" -> SamplePlan.By.DAY;
                default -> throw new IngestProblem("--by " + by + " is not a stratum. Fix: --by model, --by day or --by none");
            };
            if (window != null) {
                int dots = window.indexOf("..");
                if (dots < 0) throw new IngestProblem("--window " + window + " is not START..END. Fix: --window 2026-11-01..2026-11-08 (END excluded)");
                String a = window.substring(0, dots), b = window.substring(dots + 2);
                since = a.isEmpty() ? null : ProductionCommand.since(a);
                until = b.isEmpty() ? null : ProductionCommand.since(b);
            }
        } catch (IngestProblem p) {
            err.println("fieldtest: " + p.getMessage());
            return Main.BAD_INPUT;
        }
        HistoryStore store = history.store();
        if (!HistoryLocation.exists(store)) {
            err.println("fieldtest: " + store.display() + " does not exist; store production calls first (fieldtest ingest, or POST /v1/traces on fieldtest serve)");
            return Main.BAD_INPUT;
        }
        List<ProductionSpan> candidates;
        try (RunHistory h = RunHistory.open(store)) {
            candidates = h.production().spans(feature, since, until).stream().filter(s -> userText(s) != null).toList();
        } catch (HistoryException e) {
            err.println("fieldtest: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        List<ProductionSpan> sample = SamplePlan.sample(candidates, n, strata);
        StringBuilder text = new StringBuilder();
        for (ProductionSpan s : sample) text.append(JSON.writeValueAsString(row(s))).append('\n');
        AtomicFiles.writeString(out, text.toString());
        stdout.println("wrote " + sample.size() + " cases of " + candidates.size() + " production inputs of feature \"" + feature + "\" to " + out
                + (sample.size() < n ? " (fewer than --n " + n + ": that is every candidate)" : ""));
        return Main.OK;
    }

    static ObjectNode row(ProductionSpan s) {
        ObjectNode o = JSON.createObjectNode().put("id", s.traceId() + "-" + s.spanId());
        o.putObject("vars").put("input", userText(s)).put("trace_id", s.traceId()).put("span_id", s.spanId());
        o.putArray("tags").add("production").add("feature:" + s.feature()).add("model:" + s.model())
                .add("day:" + LocalDate.ofInstant(s.startedAt(), ZoneOffset.UTC));
        return o;
    }

    /** The last user message's text, or null when the span recorded none. */
    static String userText(ProductionSpan s) {
        List<Message> ms = dev.fieldtest.core.genai.GenAiMessages.parseOrEmpty(s.inputMessages());
        for (int i = ms.size() - 1; i >= 0; i--) {
            if (ms.get(i).role().equals("user") && !ms.get(i).content().isBlank()) return ms.get(i).content();
        }
        return null;
    }
}
