package dev.fieldtest.cli;

import dev.fieldtest.core.stats.PairedComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The short text table {@code fieldtest compare} prints: one row per target, then its verdict. Stateless. */
final class CompareText {
    private static final String[] HEADER = {"target", "n", "cases", "A pass", "B pass", "B−A pts", "95% CI pts", "A only", "B only", "McNemar p"};

    private CompareText() {}

    static String table(String runA, String runB, List<CompareTarget> results, List<String> notes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (CompareTarget r : results) rows.add(cells(r.target(), r.comparison()));
        int[] width = new int[HEADER.length];
        for (String[] row : rows) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        StringBuilder s = new StringBuilder("A = ").append(runA).append(" (baseline), B = ").append(runB).append("\n\n");
        for (int i = 0; i < rows.size(); i++) {
            s.append(line(rows.get(i), width)).append('\n');
            if (i > 0) s.append("  ").append(results.get(i - 1).comparison().verdict()).append('\n');
        }
        notes.forEach(n -> s.append("note: ").append(n).append('\n'));
        return s.toString();
    }

    private static String[] cells(String target, PairedComparison c) {
        if (c.n() == 0) return new String[] {target, "0", "0", "–", "–", "–", "–", "0", "0", "–"};
        return new String[] {target, Long.toString(c.n()), Long.toString(c.cases()), percent(c.passRateA()), percent(c.passRateB()),
                points(c.difference()), "[" + points(c.ciLo()) + ", " + points(c.ciHi()) + "]", Long.toString(c.aOnly()),
                Long.toString(c.bOnly()), p(c.mcnemarP())};
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            s.append(cells[i]);
            if (i < cells.length - 1) s.append(" ".repeat(width[i] - cells[i].length() + 2));
        }
        return s.toString();
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    static String points(double d) {
        return String.format(Locale.ROOT, "%+.1f", d * 100);
    }

    static String p(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", Math.floor(p * 1000) / 1000);
    }
}
