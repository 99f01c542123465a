package dev.fieldtest.load;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.PrimitiveIterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs one open-loop step: a single scheduler thread waits for each intended instant of a {@link Schedule}
 * ({@link LockSupport#parkNanos}, which wakes some 50 µs late on Linux, spinning only through the last
 * {@link #SPIN_NANOS}) and hands the request to a pooled sender thread. It never waits for a response, so a slow target cannot delay later sends (no coordinated omission).
 *
 * <p>Requests whose intended start falls in the first {@code warmUp} or the last {@code coolDown} of the step are
 * sent but not measured. Sending stops at {@code duration} or after {@code maxRequests} sends; the runner then waits
 * up to {@code drainTimeout} for calls still in flight and interrupts the rest (they count as sent, not completed).
 * {@link #stop()} ends the step early: {@link #run()} then returns what completed so far. One runner runs one step.
 */
public final class OpenLoopRunner implements StepRunner {
    /**
     * How close to an intended instant the scheduler spins instead of parking, ns. Small on purpose: spinning any
     * longer would keep one core busy at high rates, and that core is what the senders and the target need.
     */
    static final long SPIN_NANOS = 10_000;

    /**
     * @param duration     the whole step, warm-up and cool-down included
     * @param warmUp       sends intended before this offset are not measured
     * @param coolDown     sends intended in the last {@code coolDown} are not measured
     * @param maxRequests  an upper bound on sends whatever the schedule says
     * @param maxInFlight  calls allowed at once (like a fixed pool of connections); a send that finds none free
     *                     waits, and that wait counts in corrected latency. {@link Integer#MAX_VALUE}: no cap
     * @param drainTimeout how long to wait for in-flight calls after the last send
     */
    public record Settings(Duration duration, Duration warmUp, Duration coolDown, int maxRequests, int maxInFlight, Duration drainTimeout) {
        public Settings {
            if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("duration must be positive");
            if (warmUp.isNegative() || coolDown.isNegative()) throw new IllegalArgumentException("warm-up and cool-down must not be negative");
            if (warmUp.plus(coolDown).compareTo(duration) >= 0) throw new IllegalArgumentException("warm-up plus cool-down must leave a measurement window");
            if (maxRequests < 1 || maxInFlight < 1) throw new IllegalArgumentException("maxRequests and maxInFlight must be at least 1");
        }

        /** No warm-up or cool-down, no concurrency cap, at most one million sends, 30 s drain. */
        public static Settings of(Duration duration) {
            return new Settings(duration, Duration.ZERO, Duration.ZERO, 1_000_000, Integer.MAX_VALUE, Duration.ofSeconds(30));
        }

        public Settings withWarmUp(Duration w) {
            return new Settings(duration, w, coolDown, maxRequests, maxInFlight, drainTimeout);
        }

        public Settings withCoolDown(Duration c) {
            return new Settings(duration, warmUp, c, maxRequests, maxInFlight, drainTimeout);
        }

        public Settings withMaxInFlight(int n) {
            return new Settings(duration, warmUp, coolDown, maxRequests, n, drainTimeout);
        }

        public Settings withDrainTimeout(Duration d) {
            return new Settings(duration, warmUp, coolDown, maxRequests, maxInFlight, d);
        }
    }

    private final Target target;
    private final Schedule schedule;
    private final Settings settings;
    private final Supplier<CallRequest> requests;
    private final StepCalls calls;
    private final Semaphore slots;
    private volatile boolean stopped;
    private volatile Thread scheduler;

    /** A runner whose requests go to a {@link StepRecorder#plain()} recorder only. */
    public OpenLoopRunner(Target target, Schedule schedule, Settings settings, Supplier<CallRequest> requests) {
        this(target, schedule, settings, requests, StepRecorder.plain(), r -> {});
    }

    /**
     * @param requests   called once per send, on the scheduler thread (e.g. cycling through inputs)
     * @param recorder   folds every completed request into the step's figures
     * @param onComplete sees every completed request before the recorder does (to append it durably); if it
     *                   throws, the step stops and {@link #failure()} tells why
     */
    public OpenLoopRunner(Target target, Schedule schedule, Settings settings, Supplier<CallRequest> requests,
                          StepRecorder recorder, java.util.function.Consumer<SentRequest> onComplete) {
        this.target = Objects.requireNonNull(target);
        this.schedule = Objects.requireNonNull(schedule);
        this.settings = Objects.requireNonNull(settings);
        this.requests = Objects.requireNonNull(requests);
        this.calls = new StepCalls(recorder, onComplete, this::stop);
        this.slots = settings.maxInFlight() == Integer.MAX_VALUE ? null : new Semaphore(settings.maxInFlight(), true);
    }

    /** A supplier cycling through {@code inputs} in order, forever. */
    public static Supplier<CallRequest> cycling(List<CallRequest> inputs) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("no inputs");
        List<CallRequest> copy = List.copyOf(inputs);
        int[] next = {0};
        return () -> copy.get(next[0]++ % copy.size());
    }

    /** Runs the step on the calling thread (which becomes the scheduler) and returns what it measured. */
    @Override
    public StepResult run() throws InterruptedException {
        scheduler = Thread.currentThread();
        long durationNanos = settings.duration().toNanos();
        long windowStart = settings.warmUp().toNanos();
        long windowEnd = durationNanos - settings.coolDown().toNanos();
        long startEpochMs = System.currentTimeMillis();
        long base = System.nanoTime();
        long sentMeasured = 0;
        calls.recorder().window(windowStart, windowEnd);
        PrimitiveIterator.OfLong offsets = schedule.offsets();
        while (!stopped && calls.started() < settings.maxRequests()) {
            long intended = offsets.nextLong();
            if (intended >= durationNanos) break;
            if (!waitUntil(base + intended)) break;
            boolean measured = intended >= windowStart && intended < windowEnd;
            if (measured) sentMeasured++;
            dispatch(base, intended, measured, requests.get());
        }
        calls.drain(base + Math.max(durationNanos, System.nanoTime() - base) + settings.drainTimeout().toNanos());
        return calls.recorder().result(schedule.offeredRps(settings.duration()), windowEnd - windowStart, sentMeasured, startEpochMs);
    }

    /** Ends the step early: no more sends; {@link #run()} returns what completed so far. Safe from any thread. */
    @Override
    public void stop() {
        stopped = true;
        Thread s = scheduler;
        if (s != null) LockSupport.unpark(s);
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

    /** Parks, then spins, until {@code deadline} (nanoTime); false when stopped first. */
    private boolean waitUntil(long deadline) {
        while (!stopped) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) return true;
            if (remaining > SPIN_NANOS) LockSupport.parkNanos(remaining);
            else Thread.onSpinWait();
        }
        return false;
    }

    private void dispatch(long base, long intended, boolean measured, CallRequest request) {
        calls.start(() -> {
            long dispatch = System.nanoTime() - base;
            if (measured) calls.recorder().recordSendLag(Math.max(0, dispatch - intended) / 1_000);
            boolean holding = false;
            try {
                if (slots != null) {
                    slots.acquire();
                    holding = true;
                }
                long actualSend = System.nanoTime() - base;
                Observation o = target.call(request);
                return new SentRequest(intended, dispatch, actualSend, System.nanoTime() - base, o, measured);
            } finally {
                if (holding) slots.release();
            }
        });
    }
}
