package dev.fieldtest.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.config.SuiteLoader;
import dev.fieldtest.core.run.AtomicFiles;
import dev.fieldtest.core.run.SummaryDocument;
import dev.fieldtest.load.LoadJson;
import dev.fieldtest.load.LoadProgress;
import dev.fieldtest.load.LoadRun;
import dev.fieldtest.load.LoadSettings;
import dev.fieldtest.load.LoadSettingsReader;
import dev.fieldtest.report.LoadReport;
import java.io.IOException;
import java.io.PrintStream;
import dev.fieldtest.history.HistoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Loads and validates a suite's load profile, then runs it: every problem is reported before the run directory is
 * created (exit 2, nothing written); Ctrl-C ends the current step and keeps what was measured (exit 3).
 */
final class LoadDriver {
    private static final Location COMMAND_LINE = Location.of(Path.of("(command line)"));
    private final PrintStream out;
    private final PrintStream err;
    private final boolean quiet;

    LoadDriver(PrintStream out, PrintStream err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    /** The run history to record the finished load run in (docs/history.md); null (the default) records nothing. */
    private HistoryStore history;

    LoadDriver recordingTo(HistoryStore store) {
        this.history = store;
        return this;
    }

    /** {@code overrides}: load keys from the command line, which beat the suite's {@code load:} section. */
    int run(Path suiteFile, Path dir, Map<String, Object> overrides, Env env) throws IOException, InterruptedException {
        Suite suite;
        LoadSettings settings;
        Components components;
        try {
            suite = SuiteLoader.load(suiteFile);
            settings = settings(suite, overrides);
            InputProblems.requireNoRunIn(dir, "a load run", LoadRun.REQUESTS, LoadJson.FILE);
            components = Components.resolve(suite, env);
        } catch (ConfigException e) {
            return InputProblems.report(err, e);
        }
        try (components) {
            return execute(suite, settings, components, dir);
        }
    }

    /** The suite's load: section with the command line over it, read and checked as one. */
    static LoadSettings settings(Suite suite, Map<String, Object> overrides) {
        ConfigNode section = suite.load();
        if (section == null && overrides.isEmpty()) {
            Location where = suite.source() == null ? COMMAND_LINE : Location.of(suite.source().file());
            throw new ConfigException(where, "the suite has no load: section",
                    "add one (docs/load.md), e.g. `load: {profile: constant, rates: [5, 10], duration: 30s}`, or pass --profile and --rates");
        }
        ConfigNode merged = (section == null ? ConfigNode.of(Map.of(), "load") : section).overriddenBy(overrides, COMMAND_LINE);
        Problems problems = new Problems();
        LoadSettings settings = LoadSettingsReader.read(merged, problems);
        for (String id : new dev.fieldtest.core.config.ConfigReader(merged, new Problems()).strings("targets")) {
            if (suite.targets().stream().noneMatch(t -> t.id().equals(id))) {
                problems.add(merged.get("targets").orElseThrow().location(), "load.targets names \"" + id + "\", which is not a target of the suite",
                        "use one of: " + String.join(", ", suite.targets().stream().map(t -> t.id()).toList()));
            }
        }
        problems.throwIfAny();
        return settings;
    }

    private int execute(Suite suite, LoadSettings settings, Components components, Path dir) throws IOException, InterruptedException {
        String runId = RunIds.next();
        var written = new java.util.concurrent.CountDownLatch(1);
        try {
            return execute(suite, settings, components, dir, runId, written);
        } finally {
            written.countDown();
        }
    }

    /** {@code written} opens once load.json and the report are on disk; a Ctrl-C hook waits for it before the JVM ends. */
    private int execute(Suite suite, LoadSettings settings, Components components, Path dir, String runId,
                        java.util.concurrent.CountDownLatch written) throws IOException, InterruptedException {
        LoadRun.Outcome outcome;
        try (LoadProgress progress = new LoadProgress(err, !quiet && System.console() != null, quiet ? Duration.ofDays(1) : Duration.ofSeconds(5))) {
            LoadRun run = new LoadRun(suite, components, settings, dir, quiet ? (t, s) -> {} : progress);
            progress.watch(run);
            Thread hook = new Thread(() -> {
                run.abort("interrupted (Ctrl-C); the steps measured so far are kept");
                try {
                    written.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "fieldtest-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            err.printf("fieldtest load %s: profile %s, %d target%s, steps of %d s → %s%n", suite.name(), settings.profile().wireName(),
                    run.targets().size(), run.targets().size() == 1 ? "" : "s", settings.step().duration().toSeconds(), dir);
            try {
                outcome = run.run(runId);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook has run already
                }
            }
        }
        ObjectNode json = LoadJson.render(runId, suite, settings, outcome);
        AtomicFiles.writeString(dir.resolve(LoadJson.FILE), SummaryDocument.pretty(json));
        LoadReport.write(dir, json);
        out.print(console(json));
        out.println("Run directory: " + dir + "  (report.md, load.json, load.svg, requests.jsonl, histograms/)");
        // Every file is on disk; a Ctrl-C hook waits for this (the written latch) too. Never changes the exit code.
        HistoryRecorder.record(history, dir, err, quiet);
        if (outcome.aborted()) {
            err.println("fieldtest: load run aborted: " + outcome.abortReason());
            return Main.ABORTED;
        }
        return Main.OK;
    }

    /** Per target: where it collapsed and the highest rate it sustained. */
    static String console(ObjectNode json) {
        StringBuilder b = new StringBuilder();
        json.path("targets").forEach(t -> {
            b.append(t.path("target").asText()).append(": ").append(t.path("steps").size()).append(" steps");
            var collapse = t.path("collapse");
            b.append(collapse.isObject() ? "; collapsed at step " + collapse.path("index").asInt() + ": " + collapse.path("reason").asText()
                    : "; no step broke an SLO or limit");
            var max = t.path("max_sustained_rps");
            b.append(max.isNumber() ? "; highest rate meeting every SLO: " + max.asText() + " rps" : "").append('\n');
        });
        return b.toString();
    }
}
