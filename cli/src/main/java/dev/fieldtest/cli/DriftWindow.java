package dev.fieldtest.cli;

import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Location;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses {@code --since}/{@code --until}: a UTC date (the whole day included) or an ISO instant such as 2026-11-28T12:00:00Z. */
final class DriftWindow {
    private DriftWindow() {}

    /** The first instant included: a date's midnight UTC, or the instant itself; null stays null. */
    static Instant since(String text) {
        return text == null ? null : parse(text, "--since", false);
    }

    /** The first instant excluded: the midnight after a date (so the date is included), or the instant itself. */
    static Instant until(String text) {
        return text == null ? null : parse(text, "--until", true);
    }

    private static Instant parse(String text, String option, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate d = LocalDate.parse(text);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException(Location.of(Path.of(option)), option + " '" + text + "' is neither a date nor an instant",
                    "write a UTC date like 2026-11-28 or an instant like 2026-11-28T12:00:00Z");
        }
    }
}
