package dev.fieldtest.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live progress of a load run, kept apart from its result formats: a line for the running step (time left, sent,
 * completed, failed, 429s, completion rate) redrawn every second on a terminal or printed every {@code interval}
 * otherwise, and one line per finished step. Thread-safe.
 */
public final class LoadProgress implements LoadRun.Listener, AutoCloseable {
    private final PrintStream out;
    private final boolean inPlace;
    private final ScheduledExecutorService ticker;
    private volatile LoadRun run;

    public LoadProgress(PrintStream out, boolean inPlace, Duration interval) {
        this.out = out;
        this.inPlace = inPlace;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("fieldtest-load-progress").unstarted(r));
        long every = inPlace ? 1000 : interval.toMillis();
        ticker.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** The run to watch; set once it exists. */
    public void watch(LoadRun run) {
        this.run = run;
    }

    /** The running step's line, e.g. {@code minilm step 2 · 40 rps constant · 12/20 s · sent 480 · done 470 (39.2/s) · failed 2 · 429s 0}. */
    public static String line(LoadRun.Live live) {
        double elapsed = (System.nanoTime() - live.startNanos()) / 1e9;
        long[] p = live.recorder().progress();
        return String.format(Locale.ROOT, "%s step %d · %s · %.0f/%.0f s · sent %d · measured %d done (%.1f/s) · failed %d · 429s %d",
                live.targetId(), live.plan().index(), live.plan().describe(), Math.min(elapsed, live.durationNanos() / 1e9),
                live.durationNanos() / 1e9, live.runner().sent(), p[0], elapsed > 0 ? p[0] / elapsed : 0, p[1], p[2]);
    }

    /** The line for a finished step, e.g. {@code ✓ minilm step 1 · 10 rps constant: 9.9 rps achieved, p50 41 ms, p99 95 ms, goodput 100.0%}. */
    public static String done(String targetId, StepOutcome s) {
        StepResult r = s.result();
        LatencySummary c = r.corrected();
        String mark = !r.valid() ? "!" : s.meetsSlo() ? "✓" : "✗";
        String tail = !r.valid() ? " — invalid: " + r.invalidReason() : s.meetsSlo() ? "" : " — " + String.join("; ", s.breaks());
        return String.format(Locale.ROOT, "%s %s step %d · %s: %.1f rps achieved, corrected p50 %.1f ms, p99 %.1f ms, goodput %s, errors %s%s",
                mark, targetId, s.plan().index(), s.plan().describe(), r.achievedRps(), c.p50Ms(), c.p99Ms(),
                LoadFormat.percent(r.goodputShare()), LoadFormat.percent(r.errorRate()), tail);
    }

    @Override
    public void stepDone(String targetId, StepOutcome step) {
        synchronized (out) {
            if (inPlace) out.print("\r\u001b[2K");
            out.println(done(targetId, step));
            out.flush();
        }
    }

    private void tick() {
        LoadRun r = run;
        LoadRun.Live live = r == null ? null : r.live();
        if (live == null) return;
        synchronized (out) {
            if (inPlace) out.print("\r\u001b[2K" + line(live));
            else out.println(line(live));
            out.flush();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (inPlace) {
            out.print("\r\u001b[2K");
            out.flush();
        }
    }
}
