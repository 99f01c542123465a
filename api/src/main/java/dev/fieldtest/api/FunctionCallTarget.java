package dev.fieldtest.api;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Calls a Java function in process: one attempt, latency measured around it, an exception a failed call. */
final class FunctionCallTarget implements Target {
    private final String id;
    private final Function<CallRequest, Answer> answer;

    FunctionCallTarget(String id, Function<CallRequest, Answer> answer) {
        this.id = id;
        this.answer = answer;
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
            a = answer.apply(request);
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

    private Observation failed(CallRequest request, long start, ErrorClass error, String message) {
        return new Observation(id, request.caseId(), request.repeatIndex(), request.messages(), null, null, elapsedMs(start),
                null, List.of(), 1, 0, error, message, 0, null, null);
    }

    private static double elapsedMs(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("type", FunctionTargetFactory.TYPE);
    }
}
