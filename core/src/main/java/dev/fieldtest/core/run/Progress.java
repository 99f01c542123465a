package dev.fieldtest.core.run;

import dev.fieldtest.core.ScoredCall;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live progress line (calls done, rate, ETA, pass rate so far, errors), kept apart from every result
 * format. On a terminal it redraws in place every second; otherwise it prints a line every
 * {@code interval}. Thread-safe.
 */
public final class Progress implements RunListener, AutoCloseable {
    private final PrintStream out;
    private final boolean inPlace;
    private final int total;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final ScheduledExecutorService ticker;

    public Progress(PrintStream out, int total, boolean inPlace, java.time.Duration interval) {
        this.out = out;
        this.total = total;
        this.inPlace = inPlace;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fieldtest-progress");
            t.setDaemon(true);
            return t;
        });
        long every = inPlace ? 1000 : interval.toMillis();
        ticker.scheduleAtFixedRate(this::print, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onCall(ScoredCall call) {
        done.incrementAndGet();
        if (call.pass()) passed.incrementAndGet();
        if (!call.observation().succeeded()) errors.incrementAndGet();
        throttled.addAndGet(call.observation().throttled());
    }

    /** The current line, e.g. {@code 412/1000 (41%)  83.2 calls/s  ETA 0:07  pass 71.4%  errors 3  throttled 2}. */
    public String line() {
        int d = done.get();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? d / seconds : 0;
        String eta = rate > 0 ? clock((total - d) / rate) : "--:--";
        String pass = d > 0 ? String.format(Locale.ROOT, "%.1f%%", 100.0 * passed.get() / d) : "-";
        return String.format(Locale.ROOT, "%d/%d (%d%%)  %.1f calls/s  ETA %s  pass %s  errors %d  throttled %d",
                d, total, total == 0 ? 100 : 100 * d / total, rate, eta, pass, errors.get(), throttled.get());
    }

    private void print() {
        if (inPlace) out.print("\r\u001b[2K" + line());
        else out.println(line());
        out.flush();
    }

    /** Stops the ticker and prints the final line. */
    @Override
    public void close() {
        ticker.shutdownNow();
        out.print(inPlace ? "\r\u001b[2K" : "");
        out.println(line());
        out.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
