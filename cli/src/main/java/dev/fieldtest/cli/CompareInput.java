package dev.fieldtest.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.run.Evaluation;
import dev.fieldtest.core.run.ResultsCodec;
import dev.fieldtest.core.stats.PairedCall;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls of one run directory for {@code fieldtest compare}, by target id in first-seen order. Every row
 * is decoded as the run's summary decoded it ({@link ResultsCodec}), and checked more strictly, since a
 * field read with a default (a missing {@code pass} read as false) would silently change a comparison.
 * Problems are {@link ConfigException}s located at {@code file:line:column}.
 */
record CompareInput(Path dir, Map<String, List<ScoredCall>> byTarget) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIX_ROW = "every line must be one JSON object as `fieldtest run` writes it (docs/results-jsonl.md); "
            + "restore the file or run the suite again";

    /** Reads {@code dir}/results.jsonl; a torn last line (no final newline: a killed run's unfinished write) is skipped with a note. */
    static CompareInput read(Path dir, PrintStream notes) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(Location.of(dir), "no such run directory",
                    "pass the --out directory of a `fieldtest run` (it holds results.jsonl)");
        }
        Path file = dir.resolve(Evaluation.RESULTS);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(Location.of(file), "not found: this directory holds no run results",
                    "pass the --out directory of a `fieldtest run`, not a parent or a load directory");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(Location.of(file), "cannot be read: " + e.getMessage(), "check its permissions");
        }
        List<String> lines = text.lines().toList();
        boolean torn = !text.isEmpty() && !text.endsWith("\n");
        Map<String, List<ScoredCall>> byTarget = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            ScoredCall call;
            try {
                call = decode(file, i + 1, line);
            } catch (ConfigException e) {
                if (torn && i == lines.size() - 1) {
                    notes.println("fieldtest compare: note: " + file + ":" + (i + 1) + " is an unfinished last line (the run was killed "
                            + "mid-write); skipped, as the run's own summary did");
                    continue;
                }
                throw e;
            }
            PairedCall.Key key = PairedCall.of(call).key();
            String id = call.observation().targetId() + "\u0000" + key;
            Integer first = seen.putIfAbsent(id, i + 1);
            if (first != null) {
                throw new ConfigException(new Location(file, i + 1, 1), "the call of target '" + call.observation().targetId()
                        + "', case '" + key.caseId() + "', repeat " + key.repeat()
                        + (key.variant() == null ? "" : ", variant '" + key.variant() + "'") + " is already on line " + first,
                        "compare the --out directories of two `fieldtest run`s: a run records each call once (a load run's samples repeat calls)");
            }
            byTarget.computeIfAbsent(call.observation().targetId(), t -> new ArrayList<>()).add(call);
        }
        if (byTarget.isEmpty()) {
            throw new ConfigException(Location.of(file), "holds no calls", "compare runs that completed at least one call");
        }
        return new CompareInput(dir, byTarget);
    }

    private static ScoredCall decode(Path file, int lineNo, String line) {
        JsonNode row;
        try {
            row = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
            throw new ConfigException(new Location(file, lineNo, column), "not JSON: " + e.getOriginalMessage(), FIX_ROW);
        }
        if (row == null || !row.isObject()) {
            throw new ConfigException(new Location(file, lineNo, 1), "not a JSON object", FIX_ROW);
        }
        require(file, lineNo, line, row, "target", row.path("target").isTextual(), "a string");
        require(file, lineNo, line, row, "case_id", row.path("case_id").isTextual(), "a string");
        require(file, lineNo, line, row, "repeat", row.path("repeat").canConvertToInt() && row.path("repeat").isIntegralNumber()
                && row.path("repeat").asInt() >= 0, "a whole number >= 0");
        require(file, lineNo, line, row, "pass", row.path("pass").isBoolean(), "true or false");
        require(file, lineNo, line, row, "variant", row.path("variant").isMissingNode() || row.path("variant").isNull()
                || row.path("variant").isTextual(), "a string or null");
        require(file, lineNo, line, row, "error", row.path("error").isMissingNode() || row.path("error").isNull()
                || row.path("error").isTextual(), "a string or null");
        try {
            return ResultsCodec.decode(line);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(new Location(file, lineNo, 1), e.getMessage(), FIX_ROW);
        }
    }

    private static void require(Path file, int lineNo, String line, JsonNode row, String field, boolean ok, String what) {
        if (ok) return;
        int at = line.indexOf("\"" + field + "\"");
        String problem = row.has(field) ? "\"" + field + "\" must be " + what + ", but is " + row.get(field) : "\"" + field + "\" is missing";
        throw new ConfigException(new Location(file, lineNo, at < 0 ? 1 : at + 1), problem, FIX_ROW);
    }
}
