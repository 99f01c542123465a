package dev.fieldtest.cli;

import dev.fieldtest.core.config.ConfigException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** What the ledger's commands (claim, gap, feature, review; docs/ledger.md) share: dates from options, and refusing bad input. */
final class ClaimCli {
    private ClaimCli() {}

    /** Bad input from an option: thrown, then printed with {@link #bad} and exit 2. */
    static final class BadOption extends RuntimeException {
        BadOption(String message) {
            super(message);
        }
    }

    /** {@code value} as a date, or a {@link BadOption} naming the option and the format. */
    static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadOption(option + " " + value + " is not a date: write it as YYYY-MM-DD, for example 2026-01-05");
        }
    }

    static int bad(PrintStream err, String message) {
        err.println("fieldtest: " + message);
        return Main.BAD_INPUT;
    }

    /** Every problem of a file, one per line with file:line:column, and exit 2. */
    static int bad(PrintStream err, String what, ConfigException e) {
        err.println("fieldtest: " + what + " has " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + ":");
        e.problems().forEach(p -> err.println("  " + p));
        return Main.BAD_INPUT;
    }

    /** A number as people write it (0.72, 850), three significant digits at most for derived values. */
    static String num(double v) {
        return dev.fieldtest.core.gate.PropertyResult.format(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v)));
    }

    /** A signed difference: +0.18, -0.05. */
    static String signed(double v) {
        return (v >= 0 ? "+" : "") + num(v);
    }
}
