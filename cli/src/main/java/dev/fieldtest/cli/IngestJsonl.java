package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.history.ProductionSpan;
import dev.fieldtest.serve.otlp.ProductionSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of a production log in fieldtest's JSONL shape (docs/production.md: one object per call) read as a
 * production span. Without ids, the trace_id and span_id are the first 16 and next 8 bytes of the line's SHA-256, so
 * ingesting the same log twice adds nothing. Every problem of the line is reported, located at the offending key.
 */
final class IngestJsonl {
    static final Set<String> KEYS = Set.of("trace_id", "span_id", "feature", "operation", "provider", "model", "response_model",
            "system_fingerprint", "server_address", "started_at", "duration_ms", "ttft_ms", "input_tokens", "output_tokens",
            "finish_reasons", "error", "input", "output", "cost_usd", "attributes");
    private static final Pattern TRACE = Pattern.compile("[0-9a-f]{32}"), SPAN = Pattern.compile("[0-9a-f]{16}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestJsonl() {}

    /** The span of {@code o} (the parsed {@code line}), or null with problems added as "file:line:col: what. Fix: how". */
    static ProductionSpan read(String where, int lineNo, String line, JsonNode o, ProductionSettings settings, List<String> problems) {
        int before = problems.size();
        var it = o.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!KEYS.contains(k)) problems.add(at(where, lineNo, line, k) + "unknown key \"" + k + "\". Fix: use only " + String.join(", ", KEYS.stream().sorted().toList()));
        }
        byte[] hash = sha256(line);
        String trace = id(where, lineNo, line, o, "trace_id", TRACE, HexFormat.of().formatHex(hash, 0, 16), problems);
        String span = id(where, lineNo, line, o, "span_id", SPAN, HexFormat.of().formatHex(hash, 16, 24), problems);
        Instant started = null;
        JsonNode s = o.get("started_at");
        if (s == null || !s.isTextual()) {
            problems.add(at(where, lineNo, line, "started_at") + "started_at is required as an ISO-8601 UTC time. Fix: \"started_at\": \"2026-11-23T10:00:00Z\"");
        } else {
            try {
                started = Instant.parse(s.asText());
            } catch (DateTimeParseException e) {
                problems.add(at(where, lineNo, line, "started_at") + "started_at \"" + s.asText() + "\" is not an ISO-8601 time. Fix: write it like 2026-11-23T10:00:00Z");
            }
        }
        Double duration = number(where, lineNo, line, o, "duration_ms", problems), ttft = number(where, lineNo, line, o, "ttft_ms", problems);
        Double inTok = number(where, lineNo, line, o, "input_tokens", problems), outTok = number(where, lineNo, line, o, "output_tokens", problems);
        Double cost = number(where, lineNo, line, o, "cost_usd", problems);
        String input = messages(where, lineNo, line, o, "input", "user", problems), output = messages(where, lineNo, line, o, "output", "assistant", problems);
        List<String> finish = new ArrayList<>();
        JsonNode f = o.get("finish_reasons");
        if (f != null && f.isTextual()) finish.add(f.asText());
        else if (f != null && f.isArray()) f.forEach(x -> finish.add(x.asText()));
        JsonNode attrs = o.get("attributes");
        if (attrs != null && !attrs.isObject()) problems.add(at(where, lineNo, line, "attributes") + "attributes must be an object. Fix: \"attributes\": {\"key\": \"value\"}");
        if (problems.size() > before) return null;
        String model = text(o, "model"), responseModel = text(o, "response_model");
        Long in = inTok == null ? null : inTok.longValue(), out = outTok == null ? null : outTok.longValue();
        if (cost == null) cost = settings.cost(responseModel, model, in, out);
        String feature = text(o, "feature");
        return new ProductionSpan(trace, span, feature == null ? ProductionSpan.NO_FEATURE : feature, text(o, "operation"), text(o, "provider"), model,
                responseModel, text(o, "system_fingerprint"), text(o, "server_address"), started, duration, ttft, in, out, finish, text(o, "error"),
                input, output, cost, attrs == null ? "{}" : attrs.toString());
    }

    static String at(String where, int lineNo, String line, String key) {
        int col = line.indexOf("\"" + key + "\"");
        return where + ":" + lineNo + ":" + (col < 0 ? 1 : col + 1) + ": ";
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    private static String id(String where, int lineNo, String line, JsonNode o, String key, Pattern shape, String fallback, List<String> problems) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) return fallback;
        String t = v.asText().toLowerCase();
        if (v.isTextual() && shape.matcher(t).matches() && !t.matches("0+")) return t;
        problems.add(at(where, lineNo, line, key) + key + " must be " + (shape == TRACE ? 32 : 16) + " hex digits, not all zero, but was " + v
                + ". Fix: give the OpenTelemetry id, or leave " + key + " out to use a hash of the line");
        return fallback;
    }

    private static Double number(String where, int lineNo, String line, JsonNode o, String key, List<String> problems) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) return null;
        if (v.isNumber() && v.asDouble() >= 0 && Double.isFinite(v.asDouble())) return v.asDouble();
        problems.add(at(where, lineNo, line, key) + key + " must be a number >= 0, but was " + v + ". Fix: write it as a plain number, e.g. \"" + key + "\": 120");
        return null;
    }

    /** A string, or a list of {role, content}, as the GenAI conventions' messages JSON (role, parts of type text). */
    private static String messages(String where, int lineNo, String line, JsonNode o, String key, String role, List<String> problems) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) return null;
        ArrayNode out = JSON.createArrayNode();
        if (v.isTextual()) {
            message(out, role, v.asText());
            return out.toString();
        }
        if (v.isArray()) {
            for (JsonNode m : v) {
                if (!m.path("role").isTextual() || !m.path("content").isTextual()) {
                    problems.add(at(where, lineNo, line, key) + key + " messages need a text role and content. Fix: [{\"role\": \"user\", \"content\": \"...\"}], or a plain string");
                    return null;
                }
                message(out, m.get("role").asText(), m.get("content").asText());
            }
            return out.toString();
        }
        problems.add(at(where, lineNo, line, key) + key + " must be a string or a list of {role, content}, but was " + v.getNodeType().name().toLowerCase()
                + ". Fix: \"" + key + "\": \"the text\"");
        return null;
    }

    private static void message(ArrayNode out, String role, String content) {
        ObjectNode m = out.addObject().put("role", role);
        m.putArray("parts").addObject().put("type", "text").put("content", content);
    }

    private static byte[] sha256(String line) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
