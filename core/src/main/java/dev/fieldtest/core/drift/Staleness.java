package dev.fieldtest.core.drift;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How old the golden set is against the production window (docs/drift.md).
 *
 * @param goldenAt       when the golden set last changed
 * @param goldenAtSource how that was found: {@code git-commit} (the file's last commit) or {@code file-mtime}
 * @param daysBehind     days from {@code goldenAt} to the newest production input (negative when the golden set is newer)
 * @param newerShare     share of production inputs that started after {@code goldenAt}
 */
public record Staleness(Instant goldenAt, String goldenAtSource, Instant productionFrom, Instant productionTo, double daysBehind,
                        double newerShare) {

    public static Staleness of(Instant goldenAt, String source, List<Instant> production) {
        if (production.isEmpty()) throw new IllegalArgumentException("no production inputs");
        Instant from = production.stream().min(Instant::compareTo).orElseThrow();
        Instant to = production.stream().max(Instant::compareTo).orElseThrow();
        long newer = production.stream().filter(t -> t.isAfter(goldenAt)).count();
        double days = Duration.between(goldenAt, to).toMillis() / 86_400_000.0;
        return new Staleness(goldenAt, source, from, to, days, (double) newer / production.size());
    }
}
