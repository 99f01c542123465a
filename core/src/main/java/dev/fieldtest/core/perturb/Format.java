package dev.fieldtest.core.perturb;

import java.util.Map;
import java.util.Random;

/**
 * Swaps how a record is written: a JSON object (or a map var) becomes "key: value" lines, or a two-row
 * CSV with {@code to: csv} when every value is flat; lines and CSV become a JSON object. The data stays
 * the same (CSV has no types, so text that looks like a number reads back as one). Values that are not
 * records, or whose keys cannot be written the other way, are left as they are.
 */
public record Format(String to) implements Transform {
    /** The forms JSON may turn into. */
    public static final java.util.List<String> TO = java.util.List.of("lines", "csv");

    public Format {
        if (!TO.contains(to)) throw new IllegalArgumentException("format converts JSON to lines or csv, not " + to);
    }

    @Override
    public Object apply(Object value, Random rnd) {
        Structured st = value instanceof Map<?, ?> m ? new Structured(Structured.Kind.JSON, Reorder.asFields(m), "spaced")
                : value instanceof String s ? Structured.parse(s) : null;
        if (st == null) return value;
        if (st.kind() != Structured.Kind.JSON) return st.with(Structured.Kind.JSON, st.fields()).write();
        Structured.Kind target = to.equals("csv") && st.flat() ? Structured.Kind.CSV : Structured.Kind.LINES;
        return st.lineKeys() ? st.with(target, st.fields()).write() : value;
    }

    @Override
    public boolean structured() {
        return true;
    }
}
