package dev.fieldtest.serve.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes an ExportTraceServiceRequest in the OTLP JSON mapping: lowerCamelCase keys (snake_case accepted too),
 * enums as integers, 64-bit integers as strings or numbers, trace and span ids as hex (base64 accepted, see
 * {@link OtlpIds}).
 */
public final class OtlpJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OtlpJson() {}

    /** @throws IllegalArgumentException when the text is not JSON or not the request's shape */
    public static OtlpBatch decode(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON (" + e.getMessage() + ")", e);
        }
        return decode(root);
    }

    public static OtlpBatch decode(JsonNode root) {
        if (root == null || !root.isObject()) throw new IllegalArgumentException("an OTLP JSON ExportTraceServiceRequest is an object with \"resourceSpans\"");
        List<OtlpSpan> spans = new ArrayList<>();
        int rejected = 0;
        String problem = null;
        for (JsonNode rs : array(root, "resourceSpans", "resource_spans")) {
            Map<String, Object> resource = attributes(field(rs.path("resource"), "attributes", "attributes"));
            for (JsonNode ss : array(rs, "scopeSpans", "scope_spans")) {
                for (JsonNode s : array(ss, "spans", "spans")) {
                    String name = s.path("name").asText("");
                    String trace = OtlpIds.fromText(text(field(s, "traceId", "trace_id")), 16), span = OtlpIds.fromText(text(field(s, "spanId", "span_id")), 8);
                    if (trace == null || span == null) {
                        rejected++;
                        if (problem == null) problem = "span \"" + name + "\" has no valid " + (trace == null ? "traceId (32 hex digits, not all zero)" : "spanId (16 hex digits, not all zero)");
                        continue;
                    }
                    List<OtlpSpan.Event> events = new ArrayList<>();
                    for (JsonNode e : array(s, "events", "events")) events.add(new OtlpSpan.Event(e.path("name").asText(""), nanos(field(e, "timeUnixNano", "time_unix_nano"))));
                    spans.add(new OtlpSpan(trace, span, name, nanos(field(s, "startTimeUnixNano", "start_time_unix_nano")),
                            nanos(field(s, "endTimeUnixNano", "end_time_unix_nano")), attributes(s.path("attributes")), resource, events, statusError(s.path("status"))));
                }
            }
        }
        return new OtlpBatch(spans, rejected, problem);
    }

    /** Status code ERROR: 2 as the JSON mapping writes enums, or its name. */
    private static boolean statusError(JsonNode status) {
        JsonNode code = status.path("code");
        return code.asInt(-1) == 2 || code.asText().equals("STATUS_CODE_ERROR");
    }

    private static JsonNode field(JsonNode n, String camel, String snake) {
        JsonNode v = n.get(camel);
        return v != null ? v : n.path(snake);
    }

    private static Iterable<JsonNode> array(JsonNode n, String camel, String snake) {
        JsonNode v = field(n, camel, snake);
        if (v.isMissingNode() || v.isNull()) return List.of();
        if (!v.isArray()) throw new IllegalArgumentException("\"" + camel + "\" must be an array, but was " + v.getNodeType().name().toLowerCase());
        return v;
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    private static long nanos(JsonNode n) {
        if (n.isNumber()) return n.asLong();
        if (n.isTextual()) {
            try {
                return Long.parseUnsignedLong(n.asText());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a time in Unix nanoseconds must be a whole number, but was \"" + n.asText() + "\"");
            }
        }
        return 0;
    }

    private static Map<String, Object> attributes(JsonNode list) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!list.isArray()) return out;
        for (JsonNode kv : list) {
            Object v = value(kv.path("value"));
            if (kv.path("key").isTextual() && v != null) out.put(kv.get("key").asText(), v);
        }
        return out;
    }

    private static Object value(JsonNode v) {
        if (v.has("stringValue") || v.has("string_value")) return field(v, "stringValue", "string_value").asText();
        if (v.has("boolValue") || v.has("bool_value")) return field(v, "boolValue", "bool_value").asBoolean();
        if (v.has("intValue") || v.has("int_value")) {
            JsonNode i = field(v, "intValue", "int_value");
            try {
                return i.isNumber() ? i.asLong() : Long.parseLong(i.asText());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("intValue must be a whole number, but was \"" + i.asText() + "\"");
            }
        }
        if (v.has("doubleValue") || v.has("double_value")) {
            JsonNode d = field(v, "doubleValue", "double_value");
            return d.isNumber() ? d.asDouble() : Double.parseDouble(d.asText());
        }
        if (v.has("arrayValue") || v.has("array_value")) {
            List<Object> out = new ArrayList<>();
            for (JsonNode x : field(v, "arrayValue", "array_value").path("values")) {
                Object o = value(x);
                if (o != null) out.add(o);
            }
            return out;
        }
        if (v.has("kvlistValue") || v.has("kvlist_value")) return attributes(field(v, "kvlistValue", "kvlist_value").path("values"));
        if (v.has("bytesValue") || v.has("bytes_value")) return field(v, "bytesValue", "bytes_value").asText();
        return null;
    }
}
