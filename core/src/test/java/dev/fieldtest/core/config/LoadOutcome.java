package dev.fieldtest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@link SuiteLoader#load} did with one fuzzed input: loaded, or failed. A failure must be a
 * {@link ConfigException} whose every problem lies in the suite or the dataset, at a line that file has.
 */
record LoadOutcome(Path suite, Path dataset, Throwable thrown) {
    private static final long TIMEOUT_SECONDS = 10;
    private static ExecutorService runner = newRunner();

    /** Loads {@code suite} on a guard thread; a load that takes longer than 10 s is a hang and fails the property. */
    static LoadOutcome of(Path suite, Path dataset) {
        Future<?> load = runner.submit(() -> SuiteLoader.load(suite));
        try {
            load.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new LoadOutcome(suite, dataset, null);
        } catch (ExecutionException e) {
            return new LoadOutcome(suite, dataset, e.getCause());
        } catch (TimeoutException e) {
            load.cancel(true);
            runner = newRunner();
            return fail("loading hung for more than " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    void assertLocated() {
        if (thrown == null) return;
        if (!(thrown instanceof ConfigException config)) {
            throw new AssertionError("the loader threw " + thrown + " instead of a ConfigException", thrown);
        }
        for (ConfigProblem p : config.problems()) {
            Location at = p.location();
            assertThat(List.of(suite, dataset)).as("file of %s", p).contains(at.file());
            assertThat(at.line()).as("line of %s", p).isBetween(1, lineBreaks(at.file()) + 1);
            assertThat(at.column()).as("column of %s", p).isPositive();
        }
    }

    /** Every character YAML, JSON or CSV may treat as a line break (\r\n counts as \r and \n: an upper bound). */
    private static int lineBreaks(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
            return (int) text.chars().filter(c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-load");
            t.setDaemon(true);
            return t;
        });
    }
}
