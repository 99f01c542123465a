package dev.fieldtest.api;

import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.run.Evaluation;
import dev.fieldtest.core.run.RunListener;
import dev.fieldtest.report.HtmlReporter;
import dev.fieldtest.report.JunitReporter;
import dev.fieldtest.report.MarkdownReporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;

/** One run of a suite: resolve its parts (every problem at once), then core's {@link Evaluation} with the CLI's reporters. */
final class SuiteRun {
    private SuiteRun() {}

    static RunResult into(Suite suite, Path runDir, Env env) throws IOException {
        for (String file : List.of(Evaluation.RESULTS, Defaults.RUN_MANIFEST)) {
            if (Files.exists(runDir.resolve(file))) {
                throw new IllegalArgumentException("outDir must be a new or empty folder, but " + runDir + " holds a run (" + file + "); choose another folder");
            }
        }
        Components components;
        try {
            components = Components.resolve(suite, env);
        } catch (ConfigException e) {
            throw new InvalidSuiteException(suite.name(), e.problems().stream().map(Object::toString).toList());
        }
        try (components) {
            var evaluation = new Evaluation(suite, components, runDir, List.of(new MarkdownReporter(), new HtmlReporter(), new JunitReporter()));
            Evaluation.Result r = evaluation.run(runId(), RunListener.NONE);
            return RunResult.of(r.summary(), r.rows(), runDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the run of suite \"" + suite.name() + "\" was interrupted; what completed is in " + runDir);
        }
    }

    static RunResult inTemporaryDirectory(Suite suite, Env env) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("fieldtest-run-");
            return into(suite, dir, env).withoutDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run to a temporary folder: " + e.getMessage(), e);
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    /** Same shape as the CLI's run ids: local start time to the second and four hex digits. */
    private static String runId() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless; the result is already in memory
        }
    }
}
