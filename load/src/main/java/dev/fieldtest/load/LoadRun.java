package dev.fieldtest.load;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Case;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.run.CallScorer;
import dev.fieldtest.core.run.Plan;
import dev.fieldtest.core.run.ResultsLog;
import dev.fieldtest.core.spi.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a suite's load profile against its targets, one target after another, step by step, into a run directory:
 * every completed request is queued for requests.jsonl before it is counted, and on disk before anything is
 * summarised; each step's quality sample is scored with the suite's checks after the step (so judges never add
 * load) and appended to results.jsonl; each step's
 * histograms go to histograms/TARGET/step-N.hlog. {@link #abort} (Ctrl-C) ends the current step at once; what
 * was measured is kept. One instance runs once; {@link #live()} and {@link #abort} are safe from any thread.
 */
public final class LoadRun {
    /** Every request of the run, one line each (docs/load.md). */
    public static final String REQUESTS = "requests.jsonl";
    /** The scored quality samples, in the same format as an offline run's results.jsonl. */
    public static final String RESULTS = "results.jsonl";

    private final Suite suite;
    private final Components components;
    private final LoadSettings settings;
    private final Path dir;
    private final Map<String, Case> cases;
    private final CallScorer scorer;
    private final Listener listener;
    private volatile Live live;
    private volatile String abortReason;

    /** What is running now, for a progress line. */
    public record Live(String targetId, StepPlan plan, long startNanos, long durationNanos, StepRunner runner, StepRecorder recorder) {}

    /** What the run measured. {@code abortReason} is null when it ran to the end. */
    public record Outcome(List<TargetLoad> targets, Instant startedAt, Instant finishedAt, String abortReason) {
        public boolean aborted() {
            return abortReason != null;
        }
    }

    /** Hears of every step as it ends (progress lines); called on the run's thread. */
    public interface Listener {
        void stepDone(String targetId, StepOutcome step);
    }

    public LoadRun(Suite suite, Components components, LoadSettings settings, Path dir, Listener listener) {
        this.listener = listener;
        this.suite = suite;
        this.components = components;
        this.settings = settings;
        this.dir = dir;
        this.cases = suite.cases().stream().collect(Collectors.toMap(Case::id, Function.identity(), (a, b) -> a));
        this.scorer = components.checks().isEmpty() ? null : new CallScorer(components.checks(), suite.confidenceExtract());
    }

    /** The targets this run loads: the settings' ids in their order, or every target of the suite. */
    public List<Target> targets() {
        if (settings.targets().isEmpty()) return components.targets();
        return settings.targets().stream().map(id -> components.targets().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow()).toList();
    }

    public Outcome run(String runId) throws IOException, InterruptedException {
        Instant started = Instant.now();
        List<TargetLoad> out = new ArrayList<>();
        Files.createDirectories(dir);
        try (RequestLog requests = new RequestLog(dir.resolve(REQUESTS), Defaults.FSYNC_EVERY);
             ResultsLog results = new ResultsLog(dir.resolve(RESULTS), Defaults.FSYNC_EVERY_ROWS, Defaults.FSYNC_EVERY)) {
            for (Target target : targets()) {
                if (abortReason != null) break;
                out.add(new TargetLoad(target.id(), target.describe(), steps(runId, target, requests, results)));
            }
        } finally {
            live = null;
        }
        return new Outcome(out, started, Instant.now(), abortReason);
    }

    /** Ends the run: the current step stops at once and no other starts. */
    public void abort(String reason) {
        if (abortReason == null) abortReason = reason;
        Live l = live;
        if (l != null) l.runner().stop();
    }

    public Live live() {
        return live;
    }

    /**
     * The fixed steps of the profile, or the sweep's rising rates until one breaks an SLO or limit. An invalid step
     * (late sends, usually a pause of the generator's machine) does not end a sweep; it just never counts as sustained.
     */
    private List<StepOutcome> steps(String runId, Target target, RequestLog requests, ResultsLog results) throws IOException, InterruptedException {
        Supplier<CallRequest> inputs = OpenLoopRunner.cycling(suite.cases().stream()
                .map(c -> new CallRequest(c.id(), 0, Plan.render(suite, c))).toList());
        List<StepOutcome> done = new ArrayList<>();
        if (settings.profile() == LoadSettings.Profile.SWEEP) {
            double rate = settings.sweep().from();
            for (int i = 0; !Double.isNaN(rate) && abortReason == null; i++) {
                StepOutcome s = step(runId, target, open(i, rate), inputs, requests, results);
                done.add(s);
                if (!s.meetsSlo()) break;
                rate = settings.sweep().next(rate, i + 1);
            }
            return done;
        }
        for (StepPlan plan : fixedPlans()) {
            if (abortReason != null) break;
            done.add(step(runId, target, plan, inputs, requests, results));
        }
        return done;
    }

    private List<StepPlan> fixedPlans() {
        List<StepPlan> plans = new ArrayList<>();
        switch (settings.profile()) {
            case CLOSED -> settings.users().forEach(u -> plans.add(new StepPlan.Closed(plans.size(), u)));
            case SPIKE -> plans.add(open(0, settings.rates().get(0)));
            default -> settings.rates().forEach(r -> plans.add(open(plans.size(), r)));
        }
        return plans;
    }

    private StepPlan.Open open(int index, double rate) {
        Schedule schedule = settings.schedule(rate, index);
        return new StepPlan.Open(index, schedule.offeredRps(settings.step().duration()), settings.arrivalName(), schedule);
    }

    private StepOutcome step(String runId, Target target, StepPlan plan, Supplier<CallRequest> inputs, RequestLog requests,
                             ResultsLog results) throws IOException, InterruptedException {
        StepRecorder recorder = new StepRecorder(settings.slo(), scorer == null ? 0 : settings.qualitySample(), settings.seed() + plan.index());
        java.util.function.Consumer<SentRequest> append = r -> requests.append(RequestRow.encode(target.id(), plan.index(), r));
        StepRunner runner = plan instanceof StepPlan.Open open
                ? new OpenLoopRunner(target, open.schedule(), settings.step(), inputs, recorder, append)
                : new ClosedLoopRunner(target, ((StepPlan.Closed) plan).users(), settings.step(), inputs, recorder, append);
        live = new Live(target.id(), plan, System.nanoTime(), settings.step().duration().toNanos(), runner, recorder);
        if (abortReason != null) runner.stop();
        StepResult result = runner.run();
        RuntimeException failure = runner.failure();
        if (failure != null) abort("a request could not be written: " + failure.getMessage());
        String log = "histograms/" + safe(target.id()) + "/step-" + plan.index() + ".hlog";
        Files.createDirectories(dir.resolve(log).getParent());
        result.writeHistogramLog(dir.resolve(log));
        StepOutcome.Quality quality = abortReason == null ? score(runId, target, plan, result, results) : null;
        StepOutcome outcome = new StepOutcome(plan, result, quality, StepJudgement.breaks(plan, result, settings.slo()), log);
        listener.stepDone(target.id(), outcome);
        return outcome;
    }

    /** Scores the step's sample with the suite's checks and appends each row, tagged with the step, to results.jsonl. */
    private StepOutcome.Quality score(String runId, Target target, StepPlan plan, StepResult result, ResultsLog results) throws IOException {
        if (scorer == null) return null;
        long passed = 0;
        double judgeCost = 0;
        for (SentRequest r : result.qualitySample()) {
            ScoredCall scored = scorer.score(runId, r.observation(), cases.get(r.observation().caseId()));
            List<String> tags = new ArrayList<>(scored.tags());
            tags.add("load-step:" + plan.index());
            scored = new ScoredCall(scored.runId(), scored.observation(), scored.verdicts(), tags, scored.pass(), scored.confidence(),
                    scored.variant(), scored.expect());
            results.append(scored);
            if (scored.pass()) passed++;
            judgeCost += scored.verdicts().stream().mapToDouble(Verdict::costUsd).sum();
        }
        return new StepOutcome.Quality(result.qualitySample().size(), passed, judgeCost);
    }

    /** A target id as a folder name: ids may hold ':' and '.', which some file systems refuse or hide. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
