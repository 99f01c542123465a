package dev.fieldtest.core.perturb;

import java.util.ArrayList;
import java.util.List;

/** One CSV line (RFC 4180 quoting, no embedded newlines) read and written. */
final class Csv {
    private Csv() {}

    /** The fields of one line, or null when its quotes do not balance. */
    static List<String> row(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(c);
        }
        if (quoted) return null;
        out.add(cur.toString());
        return out;
    }

    static String line(List<String> fields) {
        return String.join(",", fields.stream().map(Csv::quote).toList());
    }

    private static String quote(String f) {
        boolean needs = f.contains(",") || f.contains("\"") || f.contains("\n") || !f.equals(f.strip());
        return needs ? "\"" + f.replace("\"", "\"\"") + "\"" : f;
    }
}
