package dev.fieldtest.targets.call;

import java.time.Duration;

/** How a target waits between attempts; replaceable so tests need not sleep for real. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
}
