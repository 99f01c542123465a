package dev.fieldtest.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Case;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one case from a map node, as written inline under {@code cases:} or on one JSONL line. */
final class CaseReader {
    private static final Set<String> KEYS = Set.of("id", "vars", "expected", "tags", "expect");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseReader() {}

    /** The case, or null when the row has problems (added to {@code problems}). */
    static Case read(ConfigNode row, Problems problems) {
        if (!row.isMap()) {
            problems.add(row.location(), "a case must be a map with id, vars, expected and tags, but was " + row.describe(),
                    "write it as {\"id\": \"c1\", \"vars\": {\"question\": \"...\"}, \"expected\": \"...\"}");
            return null;
        }
        Problems mine = new Problems();
        ConfigReader r = new ConfigReader(row, mine).allowKeys(KEYS);
        String id = r.string("id", null);
        if (id == null || id.isBlank()) {
            mine.add(row.location(), "this case has no id", "give every case a unique \"id\", such as \"refund-001\"");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        r.get("vars").ifPresent(v -> {
            if (v.isMap()) v.fields().forEach((k, n) -> vars.put(k, n.toPlain()));
            else mine.add(v.location(), "vars must be a map of names to values, but was " + v.describe(), null);
        });
        String expected = r.get("expected").map(CaseReader::text).orElse(null);
        List<String> tags = r.strings("tags");
        String expect = r.string("expect", null);
        if (expect != null && !Case.EXPECTS.contains(expect)) {
            mine.add(row.get("expect").orElseThrow().location(), "expect must be one of " + String.join(", ", Case.EXPECTS) + ", but was \"" + expect + "\"",
                    "say what the right behaviour is: answer, abstain (say it does not know), clarify (ask a question) or refuse");
        }
        problems.addAll(mine);
        return mine.isEmpty() ? new Case(id, vars, expected, tags, row.location(), expect) : null;
    }

    /** Strings as they are; numbers, booleans, lists and maps as JSON text. */
    private static String text(ConfigNode n) {
        if (n.isString()) return (String) n.scalar();
        try {
            return JSON.writeValueAsString(n.toPlain());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
