package dev.fieldtest.targets.call;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Ends HTTP attempts that run past their deadline or whose calling thread is interrupted. Attempts do blocking
 * I/O on the caller's own thread, which neither a deadline nor {@link Thread#interrupt} can wake; one daemon
 * thread per target therefore looks at the attempts in flight every {@link #TICK_NANOS} and cancels those that
 * must end (the blocked read then fails at once). Thread-safe.
 */
final class AttemptDeadlines implements AutoCloseable {
    /** How often the attempts in flight are looked at: the precision of a deadline and of an interrupt, ns. */
    static final long TICK_NANOS = 5_000_000;

    /** Why an attempt was cancelled. */
    enum Reason { DEADLINE, INTERRUPTED }

    /** One attempt in flight; {@link #reason()} is null unless it was cancelled. */
    static final class Watched {
        private final Thread caller = Thread.currentThread();
        private final long deadlineNanos;
        private final Cancellable exchange;
        private volatile Reason reason;

        private Watched(long deadlineNanos, Cancellable exchange) {
            this.deadlineNanos = deadlineNanos;
            this.exchange = exchange;
        }

        Reason reason() {
            return reason;
        }

        private void check(long now) {
            Reason r = caller.isInterrupted() ? Reason.INTERRUPTED : now - deadlineNanos >= 0 ? Reason.DEADLINE : null;
            if (r != null && reason == null) {
                reason = r;
                exchange.cancel();
            }
        }
    }

    private final Set<Watched> inFlight = ConcurrentHashMap.newKeySet();
    private final Thread watcher;
    private volatile boolean closed;

    AttemptDeadlines(String targetId) {
        watcher = Thread.ofPlatform().daemon().name("fieldtest-deadlines-" + targetId).start(this::watch);
    }

    /** Watches an attempt of the calling thread that must end by {@code deadlineNanos} (nanoTime). */
    Watched watch(long deadlineNanos, Cancellable exchange) {
        Watched w = new Watched(deadlineNanos, exchange);
        inFlight.add(w);
        return w;
    }

    /** Stops watching an attempt that ended, however it ended. */
    void release(Watched w) {
        inFlight.remove(w);
    }

    private void watch() {
        while (!closed) {
            long now = System.nanoTime();
            for (Watched w : inFlight) w.check(now);
            LockSupport.parkNanos(TICK_NANOS);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(watcher);
    }
}
