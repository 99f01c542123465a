package dev.fieldtest.llama;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Secrets;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.llama.internal.ChildCommand;
import dev.fieldtest.llama.internal.Generation;
import dev.fieldtest.llama.internal.ModelProcess;
import java.util.Map;

/**
 * A local GGUF model answering through llama.cpp, run in one long-lived child JVM (started on the first call,
 * started again after a call that killed it), so a crash or hang of the native code costs one call, not the run.
 *
 * <p>Concurrency is 1 by design: one model instance generates one answer at a time, so calls queue in arrival order;
 * waiting for one's turn counts toward neither latency nor timeout. Timings are measured in this JVM: latency from
 * handing the prompt to the child to its closing line, time to first token and every token's arrival from
 * streamed token events. Cost is {@link dev.fieldtest.core.Pricing#costUsd(dev.fieldtest.core.Usage, double)} with
 * the call's latency as compute seconds, charged only for calls that reached the model. No retries: a local model
 * fails the same way twice. Thread-safe. Close it to end the child.
 */
public final class LlamaTarget implements Target {
    private final LlamaSettings settings;
    private final ModelProcess process;
    private volatile String sha256;

    public LlamaTarget(LlamaSettings settings) {
        this(settings, ChildCommand.forModel(settings.model(), settings.context(), settings.threads()));
    }

    /** With {@code child} as the child JVM instead of llama.cpp, so tests can script its replies. */
    LlamaTarget(LlamaSettings settings, ChildCommand child) {
        this.settings = settings;
        this.process = new ModelProcess(child);
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public Observation call(CallRequest request) throws InterruptedException {
        String prompt = settings.promptFormat().render(request.messages());
        Generation g = process.generate(prompt, settings.params(), settings.timeout());
        double cost = g.reachedModel() ? settings.pricing().costUsd(g.usage(), g.latencyMs() / 1000) : 0;
        return new Observation(settings.id(), request.caseId(), request.repeatIndex(), request.messages(), g.text(), g.usage(),
                g.latencyMs(), g.ttftMs(), g.chunkMs(), 1, 0, g.error(), Secrets.redact(g.errorMessage()), cost,
                g.finishReason(), settings.modelName());
    }

    /** Settings for provenance, with the model file's SHA-256 (hashed once, on first use). */
    @Override
    public Map<String, Object> describe() {
        String hash = sha256;
        if (hash == null) sha256 = hash = GgufFile.sha256(settings.model()); // a race only hashes twice
        return settings.describe(hash);
    }

    public LlamaSettings settings() {
        return settings;
    }

    /** The child process behind this target (its pid, how it started), for diagnostics and measurements. */
    public ModelProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
