package dev.fieldtest.cli;

import dev.fieldtest.history.RunKind;
import dev.fieldtest.history.RunSummary;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plain-text table of {@code fieldtest history}: one line per run, its targets' headline figures at the end. */
final class HistoryTable {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String[] HEADER = {"RUN ID", "KIND", "SUITE", "STATUS", "STARTED (UTC)", "TARGETS"};

    private HistoryTable() {}

    static String render(List<RunSummary> runs) {
        if (runs.isEmpty()) return "No runs recorded yet.\n";
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RunSummary r : runs) {
            rows.add(new String[] {r.runId(), r.kind().wireName(), r.suite() == null ? "—" : r.suite(), r.status(),
                    r.startedAt() == null ? "—" : STARTED.format(r.startedAt()), targets(r)});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : rows) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        StringBuilder b = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) b.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
            b.append(row[row.length - 1]).append('\n');
        }
        return b.toString();
    }

    /** "a 66.7% (n=3), b —" for a run (pass rate); "a max 20 rps" for a load run (highest rate meeting every SLO). */
    static String targets(RunSummary r) {
        List<String> parts = new ArrayList<>();
        r.headline().forEach((target, h) -> parts.add(target + " " + figure(r.kind(), h)));
        return parts.isEmpty() ? "—" : String.join(", ", parts);
    }

    private static String figure(RunKind kind, RunSummary.Headline h) {
        if (h.value() == null) return kind == RunKind.LOAD ? "no rate met every SLO" : "—";
        if (kind == RunKind.LOAD) return String.format(Locale.ROOT, "max %s rps", trim(h.value()));
        return String.format(Locale.ROOT, "%.1f%% (n=%d)", 100 * h.value(), h.n() == null ? 0 : h.n());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
