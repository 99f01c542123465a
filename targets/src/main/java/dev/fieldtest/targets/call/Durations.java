package dev.fieldtest.targets.call;

import java.time.Duration;

/** Durations as a suite writes them: whole seconds as "30s", anything else in milliseconds ("1500ms"). */
public final class Durations {
    private Durations() {}

    public static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
