package dev.fieldtest.load;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The calls of one step: each runs on a pooled platform thread; a completed request goes to the completion hook
 * (the durable row), then to the recorder. At the end of the step, {@link #drain} waits for the calls still in
 * flight until a deadline and interrupts the rest, which count as sent, never completed. Thread-safe.
 */
final class StepCalls {
    /** A call's work: returns the completed request, or throws InterruptedException when stopped or drained out. */
    interface Call extends Callable<SentRequest> {
        @Override
        SentRequest call() throws InterruptedException;
    }

    /**
     * Platform threads, reused: the OS preempts them, so a request is sent on time even while other calls keep the
     * virtual-thread carriers busy (on 2 cores, virtual-thread starts were seen up to 100 ms late under load).
     */
    private static final java.util.concurrent.ExecutorService SENDERS = java.util.concurrent.Executors.newCachedThreadPool(
            r -> Thread.ofPlatform().daemon().name("fieldtest-sender").unstarted(r));
    private final StepRecorder recorder;
    private final Consumer<SentRequest> onComplete;
    private final Runnable stopStep;
    private final Set<Thread> inFlight = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private volatile RuntimeException failure;
    private volatile boolean stopped;
    private long started;
    private long finished;

    StepCalls(StepRecorder recorder, Consumer<SentRequest> onComplete, Runnable stopStep) {
        this.recorder = recorder;
        this.onComplete = onComplete;
        this.stopStep = stopStep;
    }

    StepRecorder recorder() {
        return recorder;
    }

    RuntimeException failure() {
        return failure;
    }

    long started() {
        synchronized (lock) {
            return started;
        }
    }

    /** Starts {@code call} on a sender thread. */
    void start(Call call) {
        synchronized (lock) {
            started++;
        }
        SENDERS.execute(() -> runCall(call));
    }

    /** Runs {@code call} on the current thread (a closed-loop user), with the same completion handling. */
    void runCall(Call call) {
        Thread self = Thread.currentThread();
        inFlight.add(self);
        try {
            SentRequest done = call.call();
            // Out of reach of the drain's interrupts before writing: an interrupt must never cut a row in half.
            inFlight.remove(self);
            Thread.interrupted();
            onComplete.accept(done);
            recorder.record(done);
        } catch (InterruptedException e) {
            // stopped or drained out: sent, never completed
        } catch (RuntimeException e) {
            if (failure == null) failure = e;
            stopStep.run();
        } finally {
            inFlight.remove(self);
            synchronized (lock) {
                finished++;
                lock.notifyAll();
            }
        }
    }

    /** Counts a call made on a caller's own thread (closed loop) as started. */
    void countStarted() {
        synchronized (lock) {
            started++;
        }
    }

    /** Waits until every started call has finished, {@code deadline} (nanoTime) passes, or {@link #stop}; then interrupts the rest. */
    void drain(long deadline) throws InterruptedException {
        synchronized (lock) {
            while (!stopped && finished < started) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) break;
                lock.wait(Math.max(1, remaining / 1_000_000));
            }
        }
        for (Thread t : inFlight) t.interrupt();
    }

    void stop() {
        stopped = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
