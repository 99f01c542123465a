package dev.fieldtest.cli;

import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.SuiteLoader;
import dev.fieldtest.core.gate.PropertyGate;
import dev.fieldtest.core.run.Evaluation;
import dev.fieldtest.core.run.Progress;
import java.io.IOException;
import java.io.PrintStream;
import dev.fieldtest.history.HistoryStore;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Loads, validates and runs a suite the way every command does: all input is checked before the run
 * directory is created (exit 2 and nothing written), Ctrl-C aborts cleanly with what completed summarised
 * (exit 3), and the console gets a progress line and a short table.
 */
final class RunDriver {
    /** Command-line values that beat the suite file; null means "as the suite says". */
    record Overrides(Integer repeat, Integer concurrency) {}

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    /** Exit code when a property of the suite failed or is missing (docs/ci.md); everything is written first. */
    static final int PROPERTY_FAILED = 1;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean quiet;

    RunDriver(PrintStream out, PrintStream err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    /** The run history to record the finished run in (docs/history.md); null (the default) records nothing. */
    private HistoryStore history;
    /** Opens once the run is recorded (or was not to be), so a Ctrl-C hook lets the recording finish. */
    private final java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);

    RunDriver recordingTo(HistoryStore store) {
        this.history = store;
        return this;
    }

    /** The response cache folder (docs/cache.md); null (the default) reads and writes no cache. */
    private Path cacheDir;

    RunDriver cachingIn(Path dir) {
        this.cacheDir = dir;
        return this;
    }

    int run(Path suiteFile, Path runDir, Overrides overrides, Env env) throws IOException, InterruptedException {
        Suite suite;
        Components components;
        try {
            suite = apply(SuiteLoader.load(suiteFile), overrides);
            InputProblems.requireNoRunIn(runDir, "a run", Evaluation.RESULTS, dev.fieldtest.core.config.Defaults.RUN_MANIFEST);
            components = Components.resolve(suite, env);
        } catch (ConfigException e) {
            return InputProblems.report(err, e);
        }
        try (Components live = cacheDir == null ? components : RunCache.wrap(components, cacheDir)) {
            return execute(suite, live, runDir);
        }
    }

    /** Set by {@link #resume}: the killed run {@link #execute} finishes instead of starting one. */
    private RunResume.Ready resumeFrom;

    /** fieldtest run --resume DIR [SUITE]: makes only the calls missing from DIR/results.jsonl, then summarises every row. */
    int resume(Path suiteFile, Path runDir, Overrides overrides, Env env) throws IOException, InterruptedException {
        Suite suite;
        Components components;
        try {
            var manifest = RunResume.manifest(runDir);
            Overrides o = new Overrides(overrides.repeat() != null ? overrides.repeat() : manifest.repeat(),
                    overrides.concurrency() != null ? overrides.concurrency() : manifest.concurrency());
            suite = apply(SuiteLoader.load(RunResume.suiteFile(suiteFile, manifest)), o);
            components = Components.resolve(suite, env);
            try {
                resumeFrom = RunResume.check(suite, components.targets(), manifest, runDir);
            } catch (RunResume.Refused e) {
                components.close();
                throw e;
            }
        } catch (ConfigException e) {
            return InputProblems.report(err, e);
        } catch (RunResume.Refused e) {
            err.println("fieldtest: cannot resume " + runDir + ": " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (resumeFrom.point().tornBytes() > 0) {
            err.println("fieldtest: dropped a torn last line of results.jsonl (" + resumeFrom.point().tornBytes() + " bytes, a write cut short); its call runs again");
        }
        err.println("fieldtest: resuming run " + resumeFrom.manifest().runId() + ": " + resumeFrom.point().rows().size() + " calls done, "
                + resumeFrom.missing() + " to make");
        try (Components used = cacheDir != null ? RunCache.wrap(components, cacheDir) : components) {
            return execute(suite, used, runDir);
        }
    }

    private int execute(Suite suite, Components components, Path runDir) throws IOException, InterruptedException {
        String runId = RunIds.next();
        Evaluation evaluation = dev.fieldtest.api.RunPipeline.evaluation(suite, components, runDir); // the library's Fieldtest.run uses the same
        if (resumeFrom != null) evaluation.resuming(resumeFrom.manifest(), resumeFrom.point());
        Thread hook = new Thread(() -> {
            evaluation.abort("interrupted (Ctrl-C); the calls that completed are kept");
            try {
                evaluation.awaitFinished(Duration.ofSeconds(30));
                recorded.await(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "fieldtest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int total = suite.repeat() * suite.cases().size() * components.targets().size();
        err.printf("fieldtest %s: %d targets × %d cases × %d repeats = %d calls, %d at a time → %s%n", suite.name(),
                components.targets().size(), suite.cases().size(), suite.repeat(), total, suite.concurrency(), runDir);
        if (resumeFrom != null) total = resumeFrom.missing();
        Evaluation.Result result;
        try (Progress progress = new Progress(err, total, !quiet && System.console() != null, quiet ? Duration.ofDays(1) : PROGRESS_INTERVAL)) {
            result = evaluation.run(runId, progress);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and waits for us
            }
        }
        out.print(ConsoleSummary.render(result.summary()));
        if (cacheDir != null) err.println(RunCache.line(components, cacheDir));
        out.println("Run directory: " + runDir + "  (report.html, report.md, summary.json, junit.xml, results.jsonl)");
        HistoryRecorder.record(history, runDir, err, quiet); // every file is on disk; never changes the exit code
        recorded.countDown();
        if (result.outcome().aborted()) {
            err.println("fieldtest: run aborted: " + result.outcome().abortReason());
            err.println("fieldtest: to make the calls still missing: fieldtest run --resume " + runDir);
            return Main.ABORTED;
        }
        if (result.outcome().partial()) {
            err.println("fieldtest: run partial: " + result.outcome().partialReason() + "; " + result.outcome().completed() + " of "
                    + result.outcome().planned() + " planned calls made (status partial in summary.json)");
        }
        var notPassing = PropertyGate.notPassing(result.summary());
        notPassing.forEach(p -> err.println("fieldtest: property " + p.path("status").asText() + ": " + p.path("name").asText()
                + (p.path("target").isTextual() ? " on " + p.path("target").asText() : "") + ": " + p.path("reason").asText()));
        return notPassing.isEmpty() ? Main.OK : PROPERTY_FAILED;
    }

    private static Suite apply(Suite suite, Overrides o) {
        Suite s = suite;
        if (o.repeat() != null) s = s.withRepeat(check("--repeat", o.repeat()));
        if (o.concurrency() != null) s = s.withConcurrency(check("--concurrency", o.concurrency()));
        return s;
    }

    private static int check(String option, int value) {
        if (value < 1) throw new ConfigException(Location.of(Path.of("(command line)")), option + " must be at least 1, but was " + value, null);
        return value;
    }
}
