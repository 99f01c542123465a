package dev.fieldtest.core.run;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.FallbackTrace;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A target with a fallback chain: when the primary's call fails (after its own retries, any error class; a wrong
 * answer is not a failure), the same request goes to the next target of the chain, and so on until one answers.
 * The observation keeps the primary's id and carries a {@link FallbackTrace}; its latency, TTFT and chunk offsets
 * include the failed hops (their wall time, retries and backoff included), and its cost, tokens, attempts and
 * throttled counts sum every hop. Thread-safe when its targets are. Closing it closes the primary only: the
 * chain's targets are the suite's own targets, closed through their own entries.
 */
public final class FallbackTarget implements Target {
    private final Target primary;
    private final List<Target> chain;

    public FallbackTarget(Target primary, List<Target> chain) {
        if (chain.isEmpty()) throw new IllegalArgumentException("a fallback chain needs at least one target");
        this.primary = primary;
        this.chain = List.copyOf(chain);
    }

    @Override
    public String id() {
        return primary.id();
    }

    @Override
    public Observation call(CallRequest request) throws InterruptedException {
        List<FallbackTrace.Hop> failed = new ArrayList<>();
        long start = System.nanoTime();
        Observation last = primary.call(request);
        int hops = 0;
        Usage usage = last.usage();
        double cost = last.costUsd();
        int attempts = last.attempts();
        int throttled = last.throttled();
        while (!last.succeeded() && hops < chain.size()) {
            // wall time, not the last attempt's latency: the caller also waited through the failed hop's retries and backoff
            double wallMs = (System.nanoTime() - start) / 1e6;
            failed.add(new FallbackTrace.Hop(hops == 0 ? primary.id() : chain.get(hops - 1).id(), last.error(), wallMs, last.costUsd()));
            start = System.nanoTime();
            last = chain.get(hops++).call(request);
            usage = usage == null ? last.usage() : usage.plus(last.usage());
            cost += last.costUsd();
            attempts += last.attempts();
            throttled += last.throttled();
        }
        FallbackTrace trace = new FallbackTrace(last.succeeded() ? (hops == 0 ? primary.id() : chain.get(hops - 1).id()) : null, hops, failed);
        double before = trace.addedLatencyMs();
        List<Double> chunks = last.chunkMs().stream().map(ms -> ms + before).toList();
        return new Observation(primary.id(), last.caseId(), last.repeatIndex(), last.input(), last.output(), usage,
                last.latencyMs() + before, last.ttftMs() == null ? null : last.ttftMs() + before, chunks, attempts, throttled,
                last.error(), last.errorMessage(), cost, last.finishReason(), last.responseModel(), last.cached()).withFallback(trace);
    }

    @Override
    public void close() {
        primary.close();
    }

    /** The primary's settings, plus the chain's ids under {@code fallback}. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>(primary.describe());
        out.put("fallback", chain.stream().map(Target::id).toList());
        return out;
    }
}
