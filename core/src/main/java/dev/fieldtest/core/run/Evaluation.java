package dev.fieldtest.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.gate.PropertyGate;
import dev.fieldtest.core.spi.Reporter;
import dev.fieldtest.core.stats.RunAggregate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One run of a suite into a run directory: results.jsonl first (the source of truth), then the pairwise
 * comparisons of targets (pairwise.jsonl), then summary.json computed from those files alone, then each
 * reporter's file. {@link #abort} may be called from any thread
 * (a Ctrl-C hook): the run stops, and what completed is still summarised. One run per instance.
 */
public final class Evaluation {
    public static final String RESULTS = "results.jsonl";
    public static final String SUMMARY = "summary.json";

    private final Suite suite;
    private final Components components;
    private final Path runDir;
    private final List<Reporter> reporters;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Executor executor;
    private volatile String earlyAbort;
    private RunManifest resumeManifest;
    private ResumePoint resumePoint;

    public Evaluation(Suite suite, Components components, Path runDir, List<Reporter> reporters) {
        this.suite = suite;
        this.components = components;
        this.runDir = runDir;
        this.reporters = List.copyOf(reporters);
    }

    /**
     * Makes {@link #run} finish the run {@code manifest} started: only the calls missing from {@code point} are
     * made, appended to the same results.jsonl under the original run id, and the summary covers every row.
     */
    public Evaluation resuming(RunManifest manifest, ResumePoint point) {
        this.resumeManifest = manifest;
        this.resumePoint = point;
        return this;
    }

    /** The result of a finished run: how it ended and the summary written to summary.json. */
    public record Result(String runId, RunOutcome outcome, ObjectNode summary, List<ScoredCall> rows) {}

    public Result run(String runId, RunListener listener) throws IOException, InterruptedException {
        try {
            Files.createDirectories(runDir);
            List<PlannedCall> plan = Plan.of(suite, components.targets());
            Instant started = resumeManifest != null ? resumeManifest.startedAt() : Instant.now();
            if (resumeManifest != null) runId = resumeManifest.runId();
            else RunManifest.of(runId, started, suite, plan).write(runDir); // durable before the first row, for --resume
            List<ScoredCall> before = resumePoint != null ? resumePoint.rows() : List.of();
            RunOutcome outcome;
            try (ResultsLog log = new ResultsLog(runDir.resolve(RESULTS), Defaults.FSYNC_EVERY_ROWS, Defaults.FSYNC_EVERY)) {
                executor = new Executor(suite.concurrency(), new CallScorer(components.checks(), suite.confidenceExtract()), log, listener);
                if (suite.budget().limited()) executor.withBudget(new BudgetGuard(suite.budget(), before));
                if (earlyAbort != null) executor.abort(earlyAbort);
                RunOutcome part = executor.run(runId, resumePoint != null ? resumePoint.missing(plan) : plan);
                outcome = new RunOutcome(plan.size(), before.size() + part.completed(), part.wall(), part.abortReason(), part.partialReason());
            }
            List<ScoredCall> rows = ResultsLog.readAll(runDir.resolve(RESULTS));
            // Comparisons are derived from all rows and appended as made: a resume makes them afresh, never twice.
            if (resumePoint != null) Files.deleteIfExists(runDir.resolve(PairwiseRun.FILE));
            RunAggregate aggregate = new RunAggregate();
            rows.forEach(aggregate::add);
            ObjectNode comparisons = PairwiseRun.run(components.comparisons(), suite.cases(), suite.repeat(), rows, runDir, suite.concurrency());
            ObjectNode summary = SummaryDocument.build(runId, suite, components, outcome, aggregate, started, Instant.now());
            if (!comparisons.isEmpty()) summary.set("comparisons", comparisons);
            if (resumePoint != null) summary.putObject("resumed").put("rows_before", before.size())
                    .put("rows_added", outcome.completed() - before.size()).put("torn_bytes_dropped", resumePoint.tornBytes());
            ObjectNode paired = dev.fieldtest.core.stats.PairedJson.section(components.targets().stream().map(dev.fieldtest.core.spi.Target::id).toList(), rows);
            if (paired != null) summary.set("paired", paired);
            // Properties judge the finished summary, comparisons included (docs/ci.md).
            summary.set("properties", PropertyGate.toJson(PropertyGate.evaluate(suite.properties(), summary)));
            AtomicFiles.writeString(runDir.resolve(SUMMARY), SummaryDocument.pretty(summary));
            for (Reporter r : reporters) r.write(runDir, summary, rows);
            return new Result(runId, outcome, summary, new ArrayList<>(rows));
        } finally {
            finished.countDown();
        }
    }

    /** Stops the run; safe from any thread, before or during {@link #run}. */
    public void abort(String reason) {
        Executor e = executor;
        if (e != null) e.abort(reason);
        else earlyAbort = reason;
    }

    /** Waits until {@link #run} has written everything it will write (for shutdown hooks). */
    public boolean awaitFinished(java.time.Duration limit) throws InterruptedException {
        return finished.await(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
