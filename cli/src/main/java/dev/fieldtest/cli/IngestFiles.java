package dev.fieldtest.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.history.ProductionSpan;
import dev.fieldtest.serve.otlp.GenAiSpans;
import dev.fieldtest.serve.otlp.OtlpJson;
import dev.fieldtest.serve.otlp.ProductionSettings;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one file for {@code fieldtest ingest}: a whole-file OTLP JSON ExportTraceServiceRequest, or lines each of
 * which is an OTLP JSON request (one per line, as the OpenTelemetry Collector's file exporter writes) or a log object
 * in fieldtest's JSONL shape ({@link IngestJsonl}). Problems are collected, never thrown, so all are shown at once.
 */
final class IngestFiles {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The GenAI spans of a file and the other spans it held (not GenAI, skipped). */
    record Parsed(Path file, List<ProductionSpan> spans, int skipped) {}

    private IngestFiles() {}

    static Parsed read(Path file, ProductionSettings settings, List<String> problems) {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            problems.add(file + ": is not UTF-8 text. Fix: pass OTLP JSON or JSONL files written as UTF-8");
            return new Parsed(file, List.of(), 0);
        } catch (IOException e) {
            problems.add(file + ": cannot read (" + e.getMessage() + "). Fix: pass an existing, readable file");
            return new Parsed(file, List.of(), 0);
        }
        List<ProductionSpan> spans = new ArrayList<>();
        int[] skipped = {0};
        try {
            JsonNode whole = STRICT.readTree(text);
            if (whole != null && whole.isObject() && isOtlp(whole)) {
                otlp(file + ":1:1: ", whole, settings, spans, skipped, problems);
                return new Parsed(file, spans, skipped[0]);
            }
        } catch (JsonProcessingException notOneDocument) {
            // Several lines: read them one by one below.
        }
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            JsonNode o;
            try {
                o = STRICT.readTree(line);
            } catch (JsonProcessingException e) {
                int col = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
                problems.add(file + ":" + (i + 1) + ":" + col + ": this line is not one JSON object (" + e.getOriginalMessage()
                        + "). Fix: write one object per line, an OTLP ExportTraceServiceRequest or a call in the shape docs/production.md shows");
                continue;
            }
            if (o == null || !o.isObject()) {
                problems.add(file + ":" + (i + 1) + ":1: expected a JSON object. Fix: one object per line");
            } else if (isOtlp(o)) {
                otlp(file + ":" + (i + 1) + ":1: ", o, settings, spans, skipped, problems);
            } else {
                ProductionSpan s = IngestJsonl.read(file.toString(), i + 1, line, o, settings, problems);
                if (s != null) spans.add(s);
            }
        }
        return new Parsed(file, spans, skipped[0]);
    }

    private static boolean isOtlp(JsonNode o) {
        return o.has("resourceSpans") || o.has("resource_spans");
    }

    private static void otlp(String where, JsonNode request, ProductionSettings settings, List<ProductionSpan> spans, int[] skipped, List<String> problems) {
        try {
            GenAiSpans.Result r = GenAiSpans.map(OtlpJson.decode(request), settings);
            if (r.rejected() > 0) {
                problems.add(where + r.rejected() + " span(s) unusable, first: " + r.firstProblem() + ". Fix: export spans with valid ids and start times");
            }
            spans.addAll(r.spans());
            skipped[0] += r.skipped();
        } catch (IllegalArgumentException e) {
            problems.add(where + "not an OTLP JSON ExportTraceServiceRequest: " + e.getMessage() + ". Fix: write the request as the OTLP JSON mapping specifies");
        }
    }
}
