package dev.fieldtest.api;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Calls a Java function in process: one attempt, latency measured around it, an exception or an overrun a failed call. */
final class FunctionCallTarget implements Target {
    private final String id;
    private final Function<CallRequest, Answer> answer;
    private final Duration timeout;
    /** Runs calls with a time limit, so the caller can stop waiting; null without a limit. */
    private final ExecutorService limited;

    FunctionCallTarget(String id, Function<CallRequest, Answer> answer, Duration timeout) {
        this.id = id;
        this.answer = answer;
        this.timeout = timeout;
        this.limited = timeout == null ? null : Executors.newVirtualThreadPerTaskExecutor();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Observation call(CallRequest request) throws InterruptedException {
        long start = System.nanoTime();
        Answer a;
        try {
            a = timeout == null ? answer.apply(request) : withinTimeout(request);
        } catch (TimeoutException e) {
            return failed(request, start, ErrorClass.TIMEOUT, "the function did not answer within " + timeout);
        } catch (RuntimeException e) {
            // The system under test failed while answering: like a provider's 5xx, a failed call, not a failed run.
            return failed(request, start, ErrorClass.SERVER_ERROR, "the function threw " + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (Thread.interrupted()) throw new InterruptedException("interrupted while calling target " + id);
        if (a == null) return failed(request, start, ErrorClass.MALFORMED_RESPONSE, "the function returned null instead of an answer");
        return new Observation(id, request.caseId(), request.repeatIndex(), request.messages(), a.text(), a.usage(), elapsedMs(start),
                null, List.of(), 1, 0, null, null, a.costUsd(), "stop", null);
    }

    private Answer withinTimeout(CallRequest request) throws InterruptedException, TimeoutException {
        Future<Answer> f = limited.submit(() -> answer.apply(request));
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            f.cancel(true); // interrupts a function still running after its time
        }
    }

    private Observation failed(CallRequest request, long start, ErrorClass error, String message) {
        return new Observation(id, request.caseId(), request.repeatIndex(), request.messages(), null, null, elapsedMs(start),
                null, List.of(), 1, 0, error, message, 0, null, null);
    }

    private static double elapsedMs(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    @Override
    public Map<String, Object> describe() {
        return timeout == null ? Map.of("type", FunctionTargetFactory.TYPE) : Map.of("type", FunctionTargetFactory.TYPE, "timeout", timeout.toString());
    }

    @Override
    public void close() {
        if (limited != null) limited.shutdownNow();
    }
}
