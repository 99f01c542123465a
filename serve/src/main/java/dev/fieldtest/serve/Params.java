package dev.fieldtest.serve;

import dev.fieldtest.history.ProductionSpansMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Parses the query parameters the production, ledger, review and drift pages share; a bad value is a 400 saying what to give. */
final class Params {
    private Params() {}

    /** The value, or null when absent or empty. */
    static String opt(Map<String, String> q, String name) {
        String v = q.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** window=day|week, day when absent. */
    static ProductionSpansMetrics.Window window(Map<String, String> q) {
        String v = opt(q, "window");
        if (v == null) return ProductionSpansMetrics.Window.DAY;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "day" -> ProductionSpansMetrics.Window.DAY;
            case "week" -> ProductionSpansMetrics.Window.WEEK;
            default -> throw HttpProblem.badRequest("window=" + v + " is not a window; give window=day or window=week");
        };
    }

    /** A YYYY-MM-DD date, or null when absent. */
    static LocalDate date(Map<String, String> q, String name) {
        String v = opt(q, name);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest(name + "=" + v + " is not a date; give a UTC date like 2026-11-28");
        }
    }

    /**
     * A bound of a half-open window: a UTC date (its midnight for since, the next midnight for until, so the day is
     * included) or an ISO instant such as 2026-11-28T12:00:00Z; null when absent.
     */
    static Instant bound(Map<String, String> q, String name, boolean until) {
        String v = opt(q, name);
        if (v == null) return null;
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (until ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest(name + "=" + v + " is neither a date nor an instant; give a UTC date like 2026-11-28 or an instant like 2026-11-28T12:00:00Z");
        }
    }
}
