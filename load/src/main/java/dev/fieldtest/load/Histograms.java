package dev.fieldtest.load;

import org.HdrHistogram.Histogram;

/** The one histogram shape the load module uses: microseconds, 1 µs to one hour, 3 significant digits. */
final class Histograms {
    static final long HIGHEST_MICROS = 3_600_000_000L;

    private Histograms() {}

    static Histogram micros() {
        return new Histogram(1, HIGHEST_MICROS, 3);
    }

    static void record(Histogram h, long micros) {
        h.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, micros)));
    }
}
