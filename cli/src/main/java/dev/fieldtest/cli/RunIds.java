package dev.fieldtest.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids: the local start time to the second and four random hex digits, e.g. {@code 20261123-101500-3f2a}. */
final class RunIds {
    private RunIds() {}

    static String next() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
