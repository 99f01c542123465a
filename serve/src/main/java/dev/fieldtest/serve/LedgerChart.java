package dev.fieldtest.serve;

import dev.fieldtest.history.LedgerGap;
import dev.fieldtest.history.LedgerOffline;
import dev.fieldtest.history.LedgerWindow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger page's chart of one gap row: the latest claim as a horizontal line, the offline values at their runs'
 * start days and the production values at their weeks' Mondays, x in days since the earliest of those (claim dates
 * included). Offline runs without a start time and negative values are in the tables only.
 */
final class LedgerChart {
    private LedgerChart() {}

    static String figure(LedgerGap g, int i) {
        List<LocalDate> days = new ArrayList<>();
        g.claims().forEach(c -> days.add(c.claimedOn()));
        g.offline().stream().filter(o -> o.startedAt() != null).forEach(o -> days.add(LocalDate.ofInstant(o.startedAt(), ZoneOffset.UTC)));
        g.production().forEach(w -> days.add(w.weekOf()));
        LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
        double t0 = first.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        List<SeriesChart.Point> off = new ArrayList<>(), prod = new ArrayList<>();
        for (LedgerOffline o : g.offline()) {
            if (o.startedAt() == null || !(o.value() >= 0)) continue;
            off.add(new SeriesChart.Point((o.startedAt().getEpochSecond() - t0) / 86400.0, o.value(),
                    "offline " + Fmt.number(o.value()) + (o.n() == null ? "" : " (n=" + o.n() + ")") + ", run " + o.runId() + " target " + o.target() + ", " + Fmt.time(o.startedAt())));
        }
        for (LedgerWindow w : g.production()) {
            if (!(w.value() >= 0)) continue;
            prod.add(new SeriesChart.Point(w.weekOf().toEpochDay() - first.toEpochDay(), w.value(),
                    "production " + Fmt.number(w.value()) + " (n=" + w.n() + "), week of " + w.weekOf()));
        }
        double claimed = g.latestClaim().value();
        List<SeriesChart.Series> series = List.of(new SeriesChart.Series("offline", off, true), new SeriesChart.Series("production (per ISO week)", prod, true));
        SeriesChart.Level level = claimed >= 0 ? new SeriesChart.Level(claimed, "claimed " + Fmt.number(claimed) + " on " + g.latestClaim().claimedOn()) : null;
        return "<figure class=\"gap-chart\">" + SeriesChart.svg("chart-gap-" + i, g.metric() + ": claimed vs offline vs production", "days since " + first, g.metric(),
                series, level, List.of()) + SeriesChart.legend(series)
                + "<figcaption>The red line is the latest claim; hover a point for its value, n and source.</figcaption></figure>\n";
    }
}
