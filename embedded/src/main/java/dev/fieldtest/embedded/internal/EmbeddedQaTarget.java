package dev.fieldtest.embedded.internal;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.embedded.EmbeddingModels;
import java.util.List;
import java.util.Map;

/**
 * {@code type: embedded-qa}: answers the last user message with the knowledge-base answer whose question
 * is most similar, or abstains (docs/embedded.md). The model is loaded and the questions embedded on the
 * first call, once; that one-off cost is in no call's latency or cost. Each call's latency is its measured
 * wall time, and its compute seconds for per-second pricing are the same figure (the model runs on the
 * calling thread). Internal, not API. Thread-safe.
 */
public final class EmbeddedQaTarget implements Target {
    private final QaSettings settings;
    private volatile KbIndex index;

    public EmbeddedQaTarget(QaSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public Observation call(CallRequest request) {
        String query = lastUserMessage(request.messages());
        if (query == null) {
            return failure(request, ErrorClass.CLIENT_ERROR, "embedded-qa answers the last user message, but the request had none");
        }
        KbIndex ready;
        try {
            ready = index();
        } catch (RuntimeException e) {
            return failure(request, ErrorClass.SERVER_ERROR, "embedded-qa could not prepare its knowledge base: " + e.getMessage());
        }
        long start = System.nanoTime();
        List<KbIndex.Match> ranked = ready.top(query, settings.topK());
        KbIndex.Match chosen = Choice.choose(ranked, settings.threshold(), settings.temperature(), settings.seed(),
                request.caseId(), request.repeatIndex());
        String output = chosen != null ? Replies.answer(chosen.entry(), chosen.similarity())
                : Replies.abstain(ranked.get(0).similarity());
        long nanos = System.nanoTime() - start;
        Usage usage = new Usage(Replies.words(query), Replies.words(output));
        double seconds = nanos / 1e9;
        return new Observation(settings.id(), request.caseId(), request.repeatIndex(), request.messages(), output, usage,
                nanos / 1e6, null, List.of(), 1, 0, null, null, settings.pricing().costUsd(usage, seconds), "stop", settings.model());
    }

    /** The index, built by the first caller; concurrent first callers wait for it rather than build twice. */
    private KbIndex index() {
        KbIndex i = index;
        if (i != null) return i;
        synchronized (this) {
            if (index == null) index = KbIndex.build(EmbeddingModels.load(settings.model()), settings.entries());
            return index;
        }
    }

    private static String lastUserMessage(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) return messages.get(i).content();
        }
        return null;
    }

    private Observation failure(CallRequest request, ErrorClass error, String message) {
        return new Observation(settings.id(), request.caseId(), request.repeatIndex(), request.messages(), null, null,
                0, null, List.of(), 1, 0, error, message, 0, null, settings.model());
    }

    @Override
    public Map<String, Object> describe() {
        return settings.describe();
    }
}
