package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.stats.PairedJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fieldtest compare RUN_A RUN_B}: each target's calls in a baseline run (A) against a new run (B),
 * paired on case, repeat and variant (docs/compare.md). Exit 0 when compared, 2 on bad input.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two run directories target by target, on the calls both made (docs/compare.md).")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_A", description = "The baseline run directory (holds results.jsonl).")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run directory compared against the baseline.")
    Path runB;

    @Option(names = "--target", paramLabel = "ID", description = "Compare only this target (default: every target id in both runs).")
    String target;

    @Option(names = "--json", description = "Print a JSON document instead of the table.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page to FILE.")
    Path html;

    private final PrintStream out;
    private final PrintStream err;

    CompareCommand() {
        this(System.out, System.err);
    }

    CompareCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            CompareInput a = CompareInput.read(runA, err);
            CompareInput b = CompareInput.read(runB, err);
            List<CompareTarget> results = new ArrayList<>();
            for (String id : targets(a, b)) results.add(CompareTarget.of(id, a.byTarget().get(id), b.byTarget().get(id)));
            if (results.stream().allMatch(r -> r.comparison().n() == 0)) {
                throw new ConfigException(Location.of(runB), "no call of " + (results.size() == 1 ? "target '" + results.get(0).target() + "'"
                        : "targets " + results.stream().map(CompareTarget::target).toList()) + " shares its case, repeat and variant with "
                        + runA, "compare two runs of the same suite (same case ids and repeats)");
            }
            if (html != null) write(html, CompareHtml.page(runA.toString(), runB.toString(), results));
            if (json) out.print(jsonDocument(results));
            else out.print(CompareText.table(runA.toString(), runB.toString(), results, notes(a, b)));
            return Main.OK;
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("fieldtest compare: " + p));
            return Main.BAD_INPUT;
        }
    }

    /** The target ids to compare, in RUN_A's order. */
    private List<String> targets(CompareInput a, CompareInput b) {
        if (target != null) {
            for (CompareInput run : List.of(a, b)) {
                if (!run.byTarget().containsKey(target)) {
                    throw new ConfigException(Location.of(run.dir()), "target '" + target + "' has no calls here; its targets are "
                            + run.byTarget().keySet(), "pick one of those with --target, or leave --target out");
                }
            }
            return List.of(target);
        }
        List<String> common = a.byTarget().keySet().stream().filter(b.byTarget()::containsKey).toList();
        if (common.isEmpty()) {
            throw new ConfigException(Location.of(runB), "no target id is in both runs: " + runA + " has " + a.byTarget().keySet()
                    + ", " + runB + " has " + b.byTarget().keySet(), "compare runs whose targets share an id (the suite's targets[].id)");
        }
        return common;
    }

    private static List<String> notes(CompareInput a, CompareInput b) {
        List<String> notes = new ArrayList<>();
        a.byTarget().keySet().stream().filter(id -> !b.byTarget().containsKey(id)).forEach(id -> notes.add("target " + id + " is only in RUN_A"));
        b.byTarget().keySet().stream().filter(id -> !a.byTarget().containsKey(id)).forEach(id -> notes.add("target " + id + " is only in RUN_B"));
        return notes;
    }

    private String jsonDocument(List<CompareTarget> results) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode doc = mapper.createObjectNode();
        doc.put("run_a", runA.toString());
        doc.put("run_b", runB.toString());
        var list = doc.putArray("comparisons");
        for (CompareTarget r : results) {
            ObjectNode c = list.addObject().put("target", r.target());
            c.setAll(PairedJson.render(r.target(), r.target(), r.comparison()));
        }
        try {
            return mapper.writeValueAsString(doc) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static void write(Path file, String page) {
        try {
            Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(Location.of(file), "cannot write the HTML page: " + e, "pass --html a path in a writable directory");
        }
    }
}
