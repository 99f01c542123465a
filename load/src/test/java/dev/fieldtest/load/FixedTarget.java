package dev.fieldtest.load;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A target that sleeps {@code sleepMs} on the real clock, then returns what {@code answer} makes of the request. */
final class FixedTarget implements Target {
    final AtomicInteger calls = new AtomicInteger();
    private final long sleepMs;
    private final Function<CallRequest, Observation> answer;

    FixedTarget(long sleepMs, Function<CallRequest, Observation> answer) {
        this.sleepMs = sleepMs;
        this.answer = answer;
    }

    @Override
    public String id() {
        return "fixed";
    }

    @Override
    public Observation call(CallRequest request) throws InterruptedException {
        calls.incrementAndGet();
        if (sleepMs > 0) Thread.sleep(sleepMs);
        return answer.apply(request);
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of();
    }
}
