package dev.fieldtest.api;

import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.run.Evaluation;
import dev.fieldtest.core.run.RunListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;

/** One run of a suite: resolve its parts (every problem at once), then the pipeline {@code fieldtest run} uses ({@link RunPipeline}). */
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
            Evaluation.Result r = RunPipeline.evaluation(suite, components, runDir).run(RunPipeline.newRunId(), RunListener.NONE);
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

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless; the result is already in memory
        }
    }
}
