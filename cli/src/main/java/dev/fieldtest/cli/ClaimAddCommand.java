package dev.fieldtest.cli;

import dev.fieldtest.history.Claim;
import dev.fieldtest.history.ClaimFile;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fieldtest claim add}: records one claim; the same claim twice is recorded once (its id is its content). */
@Command(name = "add", description = "Record one vendor claim (adding the same claim again changes nothing).")
final class ClaimAddCommand implements Callable<Integer> {
    // No mixinStandardHelpOptions: its --version would take the claim's --version.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
    @Option(names = "--vendor", required = true, paramLabel = "V", description = "Who made the claim, e.g. openai (matched to targets as docs/ledger.md says).")
    String vendor;
    @Option(names = "--model", required = true, paramLabel = "M", description = "The model, as the target's model setting names it.")
    String model;
    @Option(names = "--metric", required = true, paramLabel = "METRIC", description = "A metric path as fieldtest records it, e.g. pass_rate.value or latency_ms.p95.")
    String metric;
    @Option(names = "--value", required = true, paramLabel = "X", description = "The claimed number, e.g. 0.91 (not 91%%).")
    double value;
    @Option(names = "--source", required = true, paramLabel = "S", description = "Where it was claimed: a URL, document or model card.")
    String source;
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "When it was claimed.")
    String date;
    @Option(names = "--feature", paramLabel = "F", description = "The feature the claim is about (default: the model, whatever uses it).")
    String feature;
    @Option(names = "--version", paramLabel = "VER", description = "The model version the claim names.")
    String version;
    @Mixin
    HistoryLocation history = new HistoryLocation();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        List<String> problems = new java.util.ArrayList<>(); // every problem at once, as for files
        LocalDate on = null;
        try {
            on = ClaimCli.date("--date", date);
        } catch (ClaimCli.BadOption e) {
            problems.add(e.getMessage());
        }
        for (String[] o : new String[][] {{"--vendor", vendor}, {"--model", model}, {"--source", source}}) {
            if (o[1].isBlank()) problems.add(o[0] + " is empty: give a name");
        }
        if (!ClaimFile.METRIC.matcher(metric).matches()) {
            problems.add("--metric \"" + metric + "\" is not a dotted metric path: give one such as pass_rate.value or latency_ms.p95 (docs/history.md)");
        }
        if (!Double.isFinite(value)) problems.add("--value must be a finite number, but was " + value);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("fieldtest: " + p));
            return Main.BAD_INPUT;
        }
        Claim claim = Claim.of(blankToNull(feature), vendor, model, blankToNull(version), metric, value, source, on);
        try (RunHistory h = RunHistory.open(history.store())) {
            boolean added = h.ledger().addClaims(List.of(claim)) == 1;
            out.println((added ? "recorded claim " : "already recorded: claim ") + claim.id().substring(0, 12) + " (" + claim.vendor() + "/" + claim.model()
                    + " " + claim.metric() + " = " + ClaimCli.num(claim.value()) + ") in " + h.store().display());
            return Main.OK;
        } catch (HistoryException e) {
            return ClaimCli.bad(err, e.getMessage());
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
