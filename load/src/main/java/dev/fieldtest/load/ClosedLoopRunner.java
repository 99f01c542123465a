package dev.fieldtest.load;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one closed-loop step: {@code users} virtual users, each sending a request, waiting for its answer and
 * sending the next at once, for the step's duration. This is how a fixed pool of clients behaves; it measures
 * throughput at a given concurrency, but it cannot see coordinated omission (a user stuck on a slow answer sends
 * nothing meanwhile), so a request's intended start is its actual send and corrected latency equals service
 * latency. Warm-up, cool-down, {@code maxRequests} and the drain work as in {@link OpenLoopRunner};
 * {@code maxInFlight} does not apply (the users are the cap). One runner runs one step.
 */
public final class ClosedLoopRunner implements StepRunner {
    private final Target target;
    private final int users;
    private final OpenLoopRunner.Settings settings;
    private final Supplier<CallRequest> requests;
    private final StepCalls calls;
    private volatile boolean stopped;

    /**
     * @param requests   called once per send, from the users' threads (it is synchronized here)
     * @param recorder   folds every completed request into the step's figures
     * @param onComplete sees every completed request before the recorder; if it throws, the step stops
     */
    public ClosedLoopRunner(Target target, int users, OpenLoopRunner.Settings settings, Supplier<CallRequest> requests,
                            StepRecorder recorder, Consumer<SentRequest> onComplete) {
        if (users < 1) throw new IllegalArgumentException("users must be at least 1, but was " + users);
        this.target = Objects.requireNonNull(target);
        this.users = users;
        this.settings = Objects.requireNonNull(settings);
        this.requests = Objects.requireNonNull(requests);
        this.calls = new StepCalls(recorder, onComplete, this::stop);
    }

    /** Runs the step, blocking the calling thread, and returns what it measured. */
    @Override
    public StepResult run() throws InterruptedException {
        long durationNanos = settings.duration().toNanos();
        long windowStart = settings.warmUp().toNanos();
        long windowEnd = durationNanos - settings.coolDown().toNanos();
        long startEpochMs = System.currentTimeMillis();
        long base = System.nanoTime();
        long[] sentMeasured = {0};
        calls.recorder().window(windowStart, windowEnd);
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            threads.add(Thread.ofVirtual().name("fieldtest-user-", u).start(() -> user(base, durationNanos, windowStart, windowEnd, sentMeasured)));
        }
        long deadline = base + durationNanos;
        // Polls so that stop() ends the wait within 20 ms even while every user is stuck on a slow call.
        for (long remaining; !stopped && (remaining = deadline - System.nanoTime()) > 0; ) {
            Thread.sleep(java.time.Duration.ofNanos(Math.min(remaining, 20_000_000)));
        }
        stopped = true;
        calls.drain(Math.max(deadline, System.nanoTime()) + settings.drainTimeout().toNanos());
        for (Thread t : threads) t.interrupt();
        long measured;
        synchronized (sentMeasured) {
            measured = sentMeasured[0];
        }
        return calls.recorder().result(Double.NaN, windowEnd - windowStart, measured, startEpochMs);
    }

    private void user(long base, long durationNanos, long windowStart, long windowEnd, long[] sentMeasured) {
        while (!stopped) {
            long intended = System.nanoTime() - base;
            if (intended >= durationNanos) return;
            CallRequest request;
            synchronized (requests) {
                if (calls.started() >= settings.maxRequests()) return;
                calls.countStarted();
                request = requests.get();
            }
            boolean measured = intended >= windowStart && intended < windowEnd;
            if (measured) {
                synchronized (sentMeasured) {
                    sentMeasured[0]++;
                }
            }
            calls.runCall(() -> {
                Observation o = target.call(request);
                return new SentRequest(intended, intended, intended, System.nanoTime() - base, o, measured);
            });
            if (Thread.currentThread().isInterrupted()) return;
        }
    }

    /** Ends the step early; {@link #run()} returns what completed so far. Safe from any thread. */
    @Override
    public void stop() {
        stopped = true;
        calls.stop();
    }

    @Override
    public RuntimeException failure() {
        return calls.failure();
    }

    @Override
    public long sent() {
        return calls.started();
    }
}
