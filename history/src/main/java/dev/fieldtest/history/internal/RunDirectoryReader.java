package dev.fieldtest.history.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.history.CallRow;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.RunKind;
import dev.fieldtest.history.RunRecord;
import dev.fieldtest.history.TargetMetric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a run directory (summary.json + results.jsonl, or load.json) into a {@link RunRecord}. */
public final class RunDirectoryReader {
    static final String SUMMARY = "summary.json";
    static final String RESULTS = "results.jsonl";
    static final String LOAD = "load.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunDirectoryReader() {}

    public static RunRecord read(Path runDir) {
        Path dir = runDir.toAbsolutePath().normalize();
        if (Files.isRegularFile(dir.resolve(SUMMARY))) return evaluation(dir);
        if (Files.isRegularFile(dir.resolve(LOAD))) return load(dir);
        throw new HistoryException(dir + " holds neither " + SUMMARY + " nor " + LOAD
                + "; pass a directory written by `fieldtest run` or `fieldtest load`");
    }

    private static RunRecord evaluation(Path dir) {
        Path file = dir.resolve(SUMMARY);
        String text = readString(file);
        JsonNode s = parse(file, text);
        List<TargetMetric> metrics = new ArrayList<>();
        s.path("targets").properties().forEach(e -> metrics.addAll(MetricFlattener.flatten(e.getKey(), e.getValue(), Set.of())));
        JsonNode provenance = s.path("provenance");
        return new RunRecord(runId(file, s), RunKind.RUN, text(provenance.path("suite"), "name"), instant(file, s, "started_at"),
                instant(file, s, "finished_at"), status(s), dir.toString(), text(provenance, "fieldtest_version"), text, metrics,
                ResultsReader.read(dir.resolve(RESULTS)));
    }

    private static RunRecord load(Path dir) {
        Path file = dir.resolve(LOAD);
        String text = readString(file);
        JsonNode s = parse(file, text);
        List<TargetMetric> metrics = new ArrayList<>();
        for (JsonNode t : s.path("targets")) {
            if (t.hasNonNull("target")) metrics.addAll(MetricFlattener.flatten(t.path("target").asText(), t, Set.of("target", "settings")));
        }
        return new RunRecord(runId(file, s), RunKind.LOAD, text(s.path("suite"), "name"), instant(file, s, "started_at"),
                instant(file, s, "finished_at"), status(s), dir.toString(), text(s, "fieldtest_version"), text, metrics, List.of());
    }

    private static String runId(Path file, JsonNode s) {
        String id = text(s, "run_id");
        if (id == null || id.isBlank()) throw new HistoryException(file + " has no run_id; it was not written by this fieldtest, so it cannot be recorded");
        return id;
    }

    /** summary.json says complete, load.json completed: stored as one word so queries need not know which. */
    private static String status(JsonNode s) {
        String status = text(s, "status");
        if (status == null) return "unknown";
        return status.equals("completed") ? "complete" : status;
    }

    private static Instant instant(Path file, JsonNode s, String field) {
        String v = text(s, field);
        if (v == null) return null;
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new HistoryException(file + ": " + field + " \"" + v + "\" is not an ISO-8601 instant such as 2026-11-23T10:00:00Z", e);
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HistoryException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(Path file, String text) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject()) throw new HistoryException(file + " is not a JSON object; it was not written by fieldtest");
            return n;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new HistoryException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": not valid JSON ("
                    + e.getOriginalMessage() + "); rerun the suite or leave this directory out of the history", e);
        }
    }
}
