package dev.fieldtest.core.perturb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Shuffles the top-level fields of a record — a map var, a JSON object, "key: value" lines or a
 * two-row CSV — keeping its shape and style. When the shuffle gives the same order back, the order is
 * rotated by one, so a record of two or more fields always changes. Other values are left as they are.
 */
public record Reorder() implements Transform {
    @Override
    public Object apply(Object value, Random rnd) {
        if (value instanceof Map<?, ?> m) return shuffled(asFields(m), rnd);
        if (!(value instanceof String s)) return value;
        Structured st = Structured.parse(s);
        return st == null ? s : st.with(st.kind(), shuffled(st.fields(), rnd)).write();
    }

    @Override
    public boolean structured() {
        return true;
    }

    static Map<String, Object> shuffled(Map<String, Object> fields, Random rnd) {
        List<String> keys = new ArrayList<>(fields.keySet());
        List<String> order = new ArrayList<>(keys);
        Collections.shuffle(order, rnd);
        if (order.equals(keys) && keys.size() > 1) Collections.rotate(order, 1);
        Map<String, Object> out = new LinkedHashMap<>();
        order.forEach(k -> out.put(k, fields.get(k)));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asFields(Map<?, ?> m) {
        return new LinkedHashMap<>((Map<String, Object>) m);
    }
}
