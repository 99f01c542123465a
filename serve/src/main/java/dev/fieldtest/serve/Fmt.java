package dev.fieldtest.serve;

import dev.fieldtest.history.RunKind;
import dev.fieldtest.history.RunSummary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard writes numbers and times: plain text, not yet escaped. */
final class Fmt {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Fmt() {}

    static String time(Instant t) {
        return t == null ? "–" : UTC.format(t);
    }

    /** At most 6 significant digits, no exponent, no trailing zeros: 0.666667, 150, 20.5. */
    static String number(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    /** A target's headline: "75.0% (n=4)" for a run, "20 rps max sustained" for a load run. */
    static String headline(RunKind kind, RunSummary.Headline h) {
        if (kind == RunKind.LOAD) return h.value() == null ? "no step met its SLOs" : number(h.value()) + " rps max sustained";
        if (h.value() == null) return "not measured (n=" + (h.n() == null ? 0 : h.n()) + ")";
        return percent(h.value()) + " (n=" + (h.n() == null ? "?" : h.n()) + ")";
    }
}
