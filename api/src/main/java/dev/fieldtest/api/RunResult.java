package dev.fieldtest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.ScoredCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished run: typed views of the summary.json `fieldtest run` writes for the same suite, and every call.
 * {@link #summary()} is that document itself, for anything without an accessor. Immutable.
 */
public final class RunResult {
    private final JsonNode summary;
    private final Path directory;
    private final Map<String, TargetResult> targets = new LinkedHashMap<>();
    private final List<CallRow> calls;

    static RunResult of(JsonNode summary, List<ScoredCall> rows, Path directory) {
        return new RunResult(summary, rows.stream().map(CallRow::of).toList(), directory);
    }

    private RunResult(JsonNode summary, List<CallRow> calls, Path directory) {
        this.summary = summary.deepCopy();
        this.directory = directory;
        this.calls = List.copyOf(calls);
        summary.path("targets").properties().forEach(e -> targets.put(e.getKey(),
                TargetResult.of(e.getKey(), e.getValue(), calls.stream().filter(c -> c.targetId().equals(e.getKey())).toList())));
    }

    /** This result, for a run directory that was deleted. */
    RunResult withoutDirectory() {
        return new RunResult(summary, calls, null);
    }

    public String runId() {
        return summary.path("run_id").asText();
    }

    /** {@code complete}, {@code partial} (a budget stopped it) or {@code aborted}. */
    public String status() {
        return summary.path("status").asText();
    }

    /** The run directory (results.jsonl, summary.json, report.md, report.html, junit.xml) when the run was written to one. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** summary.json as a tree (a copy; docs/summary-json.md). */
    public JsonNode summary() {
        return summary.deepCopy();
    }

    /** The target ids, in the suite's order. */
    public List<String> targetIds() {
        return List.copyOf(targets.keySet());
    }

    /** One target's figures; throws when the run has no such target. */
    public TargetResult target(String id) {
        TargetResult t = targets.get(id);
        if (t == null) throw new IllegalArgumentException("target must be one of " + targets.keySet() + ", but was \"" + id + "\"");
        return t;
    }

    /** Every target's figures, in the suite's order. */
    public List<TargetResult> targets() {
        return List.copyOf(targets.values());
    }

    /** The only target's figures; throws when the run has several. */
    public TargetResult onlyTarget() {
        if (targets.size() != 1) throw new IllegalStateException("the run must have exactly one target, but has " + targets.keySet() + "; use target(id)");
        return targets.values().iterator().next();
    }

    /** Every call, in the order results.jsonl holds them. */
    public List<CallRow> calls() {
        return calls;
    }

    /** The suite's properties as judged on this run (summary.json {@code properties}). */
    public List<PropertyOutcome> properties() {
        List<PropertyOutcome> out = new ArrayList<>();
        summary.path("properties").forEach(p -> out.add(PropertyOutcome.of(p)));
        return out;
    }
}
