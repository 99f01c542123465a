package dev.fieldtest.core.perturb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flat records written three ways: a JSON object, "key: value" lines, or a two-row CSV (header and
 * values). Recognised in that order; anything else is not structured. Values in lines and CSV are read
 * as JSON when they are JSON (numbers, true, "quoted"), else as text, so a round trip keeps types.
 */
record Structured(Kind kind, Map<String, Object> fields, String style) {
    /** The three shapes. */
    enum Kind { JSON, LINES, CSV }

    private static final Pattern LINE = Pattern.compile("([^:\\s][^:\\n]*?):[ \\t]*(.*)");

    /** JSON style: "pretty" (one field a line), "spaced" ({"a": 1, "b": 2}) or "compact". */
    static Structured parse(String text) {
        String t = text.strip();
        if (Json.read(t) instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked") Map<String, Object> fields = (Map<String, Object>) m;
            String style = t.contains("\n") ? "pretty" : t.contains(": ") || t.contains(", ") ? "spaced" : "compact";
            return new Structured(Kind.JSON, new LinkedHashMap<>(fields), style);
        }
        List<String> lines = t.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) return null;
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String l : lines) {
            Matcher m = LINE.matcher(l.strip());
            if (!m.matches() || fields.put(m.group(1).strip(), value(m.group(2).strip())) != null) { fields = null; break; }
        }
        if (fields != null) return new Structured(Kind.LINES, fields, "");
        if (lines.size() != 2) return null;
        List<String> head = Csv.row(lines.get(0));
        List<String> row = Csv.row(lines.get(1));
        if (head == null || row == null || head.size() < 2 || head.size() != row.size()) return null;
        Map<String, Object> csv = new LinkedHashMap<>();
        for (int i = 0; i < head.size(); i++) if (head.get(i).isBlank() || csv.put(head.get(i), value(row.get(i))) != null) return null;
        return new Structured(Kind.CSV, csv, "");
    }

    /** A field as text: JSON when it reads as JSON, else the text itself. */
    private static Object value(String v) {
        Object json = Json.read(v);
        return json == Json.NOT_JSON || v.isEmpty() ? v : json;
    }

    Structured with(Kind k, Map<String, Object> f) {
        return new Structured(k, f, k == Kind.JSON && kind != Kind.JSON ? "spaced" : style);
    }

    boolean flat() {
        return fields.values().stream().noneMatch(v -> v instanceof Map || v instanceof List);
    }

    /** Whether every key can be written as a "key:" line. */
    boolean lineKeys() {
        return fields.keySet().stream().allMatch(k -> LINE.matcher(k + ": x").matches() && k.equals(k.strip()));
    }

    String write() {
        return switch (kind) {
            case JSON -> json();
            case LINES -> String.join("\n", fields.entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue())).toList());
            case CSV -> Csv.line(new ArrayList<>(fields.keySet())) + "\n"
                    + Csv.line(fields.values().stream().map(Json::text).toList());
        };
    }

    private String json() {
        List<String> parts = fields.entrySet().stream().map(e -> Json.write(e.getKey()) + (style.equals("compact") ? ":" : ": ")
                + Json.write(e.getValue())).toList();
        return switch (style) {
            case "pretty" -> "{\n  " + String.join(",\n  ", parts) + "\n}";
            case "compact" -> "{" + String.join(",", parts) + "}";
            default -> "{" + String.join(", ", parts) + "}";
        };
    }

    /** Text values as they are unless they would read back as something else. */
    private static String text(Object v) {
        if (!(v instanceof String s)) return Json.write(v);
        boolean plain = !s.isEmpty() && s.equals(s.strip()) && !s.contains("\n") && value(s).equals(s);
        return plain ? s : Json.write(s);
    }
}
